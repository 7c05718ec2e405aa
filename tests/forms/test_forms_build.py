"""build_form_data and the Form/FormField adapter."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from korusticket import InputError
from korusticket.forms import FieldType, FormFieldSpec, FormSpec, build_form_data

FORM_ID = "0195197f-7918-7285-bb4b-7df2b682c3eb"
FORM_IRI = f"/v1/forms/{FORM_ID}"
NAME_ID = "01953871-e6df-7135-bd6c-ebe655262810"
NAME_IRI = f"{FORM_IRI}/fields/{NAME_ID}"
MEAL_ID = "01953871-e6df-7135-bd6c-ebe655262811"
ARRIVAL_ID = "01953871-e6df-7135-bd6c-ebe655262812"
SEATS_ID = "01953871-e6df-7135-bd6c-ebe655262813"


def sample_form() -> dict[str, Any]:
    return {
        "@context": "/contexts/Form",
        "@id": FORM_IRI,
        "@type": "Form",
        "id": FORM_ID,
        "code": "customer_infos_form",
        "fields": [
            {
                "@id": NAME_IRI,
                "id": NAME_ID,
                "code": "lastname",
                "label": "Name",
                "type": "text",
                "required": True,
            },
            {
                "@id": f"{FORM_IRI}/fields/{MEAL_ID}",
                "id": MEAL_ID,
                "code": "meal",
                "type": "single_choice",
                "required": False,
                "choices": [{"value": "vegan", "label": "Vegan"}, {"value": "standard", "label": "Standard"}],
            },
            {
                "@id": f"{FORM_IRI}/fields/{ARRIVAL_ID}",
                "id": ARRIVAL_ID,
                "code": "arrival",
                "type": "datetime",
            },
            {"@id": f"{FORM_IRI}/fields/{SEATS_ID}", "id": SEATS_ID, "code": "baby_seats", "type": "integer"},
        ],
    }


def test_builds_payload_in_form_order() -> None:
    data = build_form_data(sample_form(), {"baby_seats": 2, "meal": "vegan", "lastname": "M. Doe"})
    assert data == {
        "form": FORM_IRI,
        "fields": [
            {"field": NAME_IRI, "value": "M. Doe"},
            {"field": f"{FORM_IRI}/fields/{MEAL_ID}", "value": "vegan"},
            {"field": f"{FORM_IRI}/fields/{SEATS_ID}", "value": "2"},
        ],
    }


@pytest.mark.parametrize("key", ["lastname", NAME_IRI, NAME_ID, uuid.UUID(NAME_ID)])
def test_field_keys_by_code_iri_or_id(key: object) -> None:
    data = build_form_data(sample_form(), {key: "Doe"})
    assert data["fields"] == [{"field": NAME_IRI, "value": "Doe"}]


def test_none_omits_optional_field() -> None:
    data = build_form_data(sample_form(), {"lastname": "Doe", "meal": None, "arrival": None})
    assert [f["field"] for f in data["fields"]] == [NAME_IRI]


def test_missing_required_field_is_named() -> None:
    with pytest.raises(InputError, match=r"^lastname: required") as info:
        build_form_data(sample_form(), {"meal": "vegan"})
    assert info.value.field == "lastname"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_required_field_cannot_be_empty(value: object) -> None:
    with pytest.raises(InputError, match=r"^lastname: "):
        build_form_data(sample_form(), {"lastname": value})


def test_unknown_key_lists_known_codes() -> None:
    with pytest.raises(InputError, match=r"^allergy: unknown form field") as info:
        build_form_data(sample_form(), {"lastname": "Doe", "allergy": "nuts"})
    assert info.value.allowed == "lastname, meal, arrival, baby_seats"


def test_same_field_twice_is_rejected() -> None:
    with pytest.raises(InputError, match=r"^lastname: given more than once"):
        build_form_data(sample_form(), {"lastname": "Doe", NAME_IRI: "Doe"})


@pytest.mark.parametrize(
    ("values", "field", "fragment"),
    [
        ({"meal": "pizza"}, "meal", "vegan, standard"),
        ({"baby_seats": True}, "baby_seats", "int"),
        ({"baby_seats": 2.0}, "baby_seats", "int"),
        ({"arrival": datetime(2025, 6, 7, 20, tzinfo=UTC)}, "arrival", "tz="),
        ({"lastname": 42}, "lastname", "str"),
    ],
)
def test_bad_values_name_the_field_and_what_is_allowed(values: dict[str, object], field: str, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        build_form_data(sample_form(), {"lastname": "Doe", **values})
    assert info.value.field == field
    assert fragment in (info.value.allowed or "")


def test_tz_converts_aware_datetimes() -> None:
    arrival = datetime(2025, 6, 7, 18, tzinfo=UTC)
    data = build_form_data(sample_form(), {"lastname": "Doe", "arrival": arrival}, tz="Europe/Paris")
    assert data["fields"][1] == {"field": f"{FORM_IRI}/fields/{ARRIVAL_ID}", "value": "2025-06-07 20:00:00"}


def test_form_without_at_id_gets_iris_built_from_ids() -> None:
    form = {
        "id": FORM_ID,
        "fields": [{"id": NAME_ID, "code": "lastname", "fieldType": "TEXT", "mandatory": True}],
    }
    assert build_form_data(form, {"lastname": "Doe"}) == {
        "form": FORM_IRI,
        "fields": [{"field": NAME_IRI, "value": "Doe"}],
    }


class FakeModel:
    """Stands in for a generated attrs model."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return self.data


def test_adapter_reads_models_and_alternative_names() -> None:
    raw = {
        "@id": NAME_IRI,
        "name": "Extras",
        "fieldType": "multi_choice",
        "mandatory": True,
        "options": ["a", {"code": "b"}, FakeModel({"value": "c"})],
        "scale": 3,
    }
    spec = FormFieldSpec.from_raw(FakeModel(raw))
    assert spec == FormFieldSpec(NAME_IRI, NAME_ID, None, "Extras", FieldType.MULTI_CHOICE, True, ("a", "b", "c"), 3)
    assert spec.name == NAME_ID
    form = FormSpec.from_raw(FakeModel({"@id": FORM_IRI, "fields": [FakeModel(raw)]}))
    assert build_form_data(form, {NAME_ID: ["c", "a"]})["fields"] == [{"field": NAME_IRI, "value": "c,a"}]


def test_decimal_field_uses_its_precision() -> None:
    form = {"id": FORM_ID, "fields": [{"id": SEATS_ID, "code": "tip", "type": "decimal", "decimals": 2}]}
    assert build_form_data(form, {"tip": Decimal("2.5")})["fields"][0]["value"] == "2.50"
    with pytest.raises(InputError, match=r"^tip: .*more than 2 decimal places"):
        build_form_data(form, {"tip": "2.999"})


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"fields": []}, "form"),
        ({"id": FORM_ID}, "form"),
        ({"id": FORM_ID, "fields": [{"code": "x", "type": "text"}]}, "x"),
        ({"id": FORM_ID, "fields": [{"id": NAME_ID, "code": "colour", "type": "rgb"}]}, "colour"),
        ({"id": FORM_ID, "fields": [{"id": NAME_ID, "code": "notes"}]}, "notes"),
        ({"id": FORM_ID, "fields": ["/v1/forms/x/fields/y"]}, "form field"),
        ("not a form", "form"),
    ],
)
def test_unreadable_forms_raise_input_error(form: object, field: str) -> None:
    with pytest.raises(InputError) as info:
        build_form_data(form, {})
    assert info.value.field == field


def test_choice_field_without_known_choices_is_rejected() -> None:
    form = {"id": FORM_ID, "fields": [{"id": MEAL_ID, "code": "meal", "type": "single_choice"}]}
    with pytest.raises(InputError, match=r"^meal: no predefined choices"):
        build_form_data(form, {"meal": "vegan"})


def test_form_with_no_values_gives_empty_fields() -> None:
    form = sample_form()
    form["fields"][0]["required"] = False
    assert dict(build_form_data(form, {})) == {"form": FORM_IRI, "fields": []}
