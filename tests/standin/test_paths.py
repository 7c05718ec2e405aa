"""The one path-template matcher (korusticket.testing._paths), shared by the stand-in and the tests."""

from __future__ import annotations

from korusticket.testing._data import UUID7_PATTERN
from korusticket.testing._paths import fill, most_specific, parameters, template_regex

ID = "0199570c-9a85-7f53-962a-a8f0a54441cb"


def test_a_template_matches_whole_paths_and_names_its_parameters() -> None:
    regex = template_regex("/v1/booking/orders/{orderId}/documents/{id}")
    match = regex.match(f"/v1/booking/orders/{ID}/documents/x")
    assert match is not None
    assert match.groupdict() == {"orderId": ID, "id": "x"}
    assert regex.match(f"/v1/booking/orders/{ID}/documents/x/more") is None
    assert regex.match(f"/prefix/v1/booking/orders/{ID}/documents/x") is None
    assert regex.match(f"/v1/booking/orders/{ID}/documents/") is None  # a parameter is one segment, never empty


def test_literal_text_is_literal_and_ids_can_be_narrowed() -> None:
    assert template_regex("/a.b/{id}").match("/aXb/1") is None
    uuid = template_regex("/v1/forms/{id}", UUID7_PATTERN)
    assert uuid.match(f"/v1/forms/{ID}") is not None
    assert uuid.match("/v1/forms/not-an-id") is None


def test_an_absolute_template_also_takes_an_iri_in_full() -> None:
    regex = template_regex("/v1/forms/{form}", absolute=True)
    assert regex.match(f"https://api.demo.korusticket.com/v1/forms/{ID}") is not None
    assert regex.match(f"/v1/forms/{ID}") is not None
    assert template_regex("/v1/forms/{form}").match(f"https://api.demo.korusticket.com/v1/forms/{ID}") is None


def test_a_repeated_parameter_name_still_compiles() -> None:
    assert template_regex("/a/{id}/b/{id}").match("/a/1/b/2") is not None


def test_a_literal_segment_beats_a_parameter() -> None:
    templates = ["/v1/booking/orders/{id}", "/v1/booking/orders/_bulk", "/v1/booking/orders"]
    assert most_specific(templates, "/v1/booking/orders/_bulk") == "/v1/booking/orders/_bulk"
    assert most_specific(templates, f"/v1/booking/orders/{ID}") == "/v1/booking/orders/{id}"
    assert most_specific(templates, "/v1/booking/reservations") is None
    assert parameters("/v1/booking/orders/{orderId}/items/{orderItemId}") == 2
    assert fill("/v1/booking/orders/{orderId}/items/{id}", "x") == "/v1/booking/orders/x/items/x"
