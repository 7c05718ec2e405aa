"""A form field read by kt.forms.get shows what it asks as attributes (issue 23), and the typed view
(FormSpec.from_raw) reads the model and a field under other property names alike."""

from __future__ import annotations

from korusticket import KorusTicket
from korusticket.forms import FieldType, FormSpec
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn
from korusticket.types import Form, FormField, FormFieldChoice


def test_form_fields_are_typed_with_a_useful_repr() -> None:
    stand_in = StandIn()
    kt = KorusTicket(
        client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport(),
        validate_responses="strict",
    )  # fmt: skip
    form = kt.forms.get(stand_in.demo.form)
    assert form.fields is not None
    meal = next(f for f in form.fields if f.code == "meal")
    assert isinstance(meal, FormField)
    assert (meal.label, meal.type_, meal.required) == ("Menu", "single_choice", False)
    assert meal.choices is not None
    assert all(isinstance(c, FormFieldChoice) for c in meal.choices)
    assert [c.value for c in meal.choices] == ["standard", "vegetarian"]
    assert repr(meal).startswith(f"FormField(id='{meal.id}', code='meal', label='Menu', type_='single_choice'")
    assert "FormFieldChoice(id=" in repr(meal)

    spec = FormSpec.from_raw(form)
    typed = next(f for f in spec.fields if f.code == "meal")
    assert (typed.type, typed.choices, typed.required) == (FieldType.SINGLE_CHOICE, ("standard", "vegetarian"), False)


def test_a_field_under_other_property_names_is_kept_and_read() -> None:
    body = {
        "@id": "/v1/forms/0195197f-7918-7285-bb4b-7df2b682c3eb",
        "id": "0195197f-7918-7285-bb4b-7df2b682c3eb",
        "fields": [
            {
                "@id": "/v1/forms/0195197f-7918-7285-bb4b-7df2b682c3eb/fields/019512db-68e0-7d41-90a9-54d509c3d74c",
                "name": "Nom",
                "fieldType": "text",
                "mandatory": True,
            }
        ],
    }
    form = Form.from_dict(body)
    assert form.fields is not None
    (field,) = form.fields
    assert field.type_ is None
    assert field.additional_properties["fieldType"] == "text"
    (typed,) = FormSpec.from_raw(form).fields
    assert (typed.label, typed.type, typed.required) == ("Nom", FieldType.TEXT, True)
