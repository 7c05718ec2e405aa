"""The response checker is generated at build time and chosen by operation (issue 24): each
operation's checker names the field of a wrong body, and checking a body never reads the spec."""

from __future__ import annotations

import copy
import logging
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from korusticket import ResponseDecodeError
from korusticket.types import TicketingOfferAvailability
from korusticket_api._response_checks import CHECKS

from tests.support import spec_bodies
from tests.support.mock_api import MockAPI, jsonld
from tests.support.operations import operations

ANSWERS = [(op, status) for op in operations() for (operation, status) in CHECKS if operation == op.module]


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, sub in items:
        yield (*path, key)
        yield from _leaves(sub, (*path, key))


def _shown(path: tuple[Any, ...]) -> str:
    """`("member", 0, "id")` -> `member[0].id`: how the checker names a field."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text


def _wrong(value: Any) -> Any:
    """A value of another JSON type."""
    return 12345 if isinstance(value, str) else "text"


def test_every_operation_with_a_json_answer_has_its_checker() -> None:
    assert len(ANSWERS) == len(CHECKS) >= 25


@pytest.mark.parametrize(("op", "status"), ANSWERS, ids=[f"{op.module}_{status}" for op, status in ANSWERS])
def test_the_checker_of_each_operation_names_the_field_of_a_wrong_body(op: Any, status: int) -> None:
    answer = CHECKS[(op.module, status)]
    body = spec_bodies.response_body(op.http_method, op.path, op.path)
    assert answer.strict(body) is None
    assert answer.lenient(body) is None
    assert answer.strict(_wrong(body)) == ("", "expected object, got str 'text'")
    named = []
    for path in _leaves(body):
        mutant = copy.deepcopy(body)
        parent = mutant
        for step in path[:-1]:
            parent = parent[step]
        if parent[path[-1]] is None:
            continue
        parent[path[-1]] = _wrong(parent[path[-1]])
        problem = answer.strict(mutant)
        if problem is not None:  # a field the spec leaves free (`@type`, open objects) fits anything
            assert problem[0] == _shown(path), problem
            assert "expected" in problem[1], problem
            named.append(problem[0])
    assert named or answer.node == ""  # a schema without properties has no field to name


NEVER_READS_THE_SPEC = r"""
import sys

import httpx

opened = []
sys.addaudithook(lambda event, args: event == "open" and "openapi.json" in str(args[0]) and opened.append(args[0]))

from korusticket import KorusTicket, ResponseDecodeError

catalog, offer = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e", "0194ac40-fda7-78c1-8fcb-26fc2df25894"
body = {"@id": f"/v1/ticketing/catalogs/{catalog}/offers/{offer}/availability", "availableQuantity": True}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
strict = KorusTicket(token="t", transport=transport, validate_responses="strict")
try:
    strict.offers.availability(catalog, offer)
except ResponseDecodeError as error:
    assert error.path == "availableQuantity", error
else:
    raise AssertionError("strict mode let a boolean through where the spec says integer")
lenient = KorusTicket(token="t", transport=transport, validate_responses="lenient")
answer = lenient.offers.availability(catalog, offer)
assert answer.additional_properties["availableQuantity"] is True, answer.additional_properties
assert opened == [], opened
"""


def test_checking_a_body_never_reads_the_spec() -> None:
    """The client names an unfit field (strict) or sets it aside (lenient) without opening the
    spec it was generated from: the checker is code generated at build time."""
    done = subprocess.run(
        [sys.executable, "-c", NEVER_READS_THE_SPEC], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_a_raw_path_is_checked_by_its_model(api: MockAPI, make_client: Any, caplog: pytest.LogCaptureFixture) -> None:
    """A raw call names no operation, so no generated checker runs for it; the model's own check
    still decides: strict mode raises, lenient mode parses the body as sent and says so."""
    catalog, offer = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e", "0194ac40-fda7-78c1-8fcb-26fc2df25894"
    path = f"/v1/ticketing/catalogs/{catalog}/offers/{offer}/availability"
    api.add("GET", path, jsonld({"@id": path, "availableQuantity": True}))
    with pytest.raises(ResponseDecodeError, match="availableQuantity"):
        make_client(token="t").get(path, cast_to=TicketingOfferAvailability)
    api.add("GET", path, jsonld({"@id": path, "availableQuantity": True}))
    with caplog.at_level(logging.WARNING, logger="korusticket"):
        lenient = make_client(token="t", validate_responses="lenient").get(path, cast_to=TicketingOfferAvailability)
    assert lenient.iri == path
    assert [r.getMessage() for r in caplog.records if "cast_to model" in r.getMessage()] == [
        f"GET {path}: response does not fit the cast_to model (TypeError: availableQuantity: expected int, got bool); "
        "parsed as sent, unchecked (a raw path names no operation of the spec; logged once per path)"
    ]
