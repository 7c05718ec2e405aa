"""The stand-in checks formData from the API's documented rules, not with the client's own
decoder: an encoding mistake in korusticket.forms must fail a test, not be agreed with."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from korusticket.testing import _forms
from korusticket.testing._data import FormField, FormFieldChoice


def field(kind: str, *choices: str) -> FormField:
    return FormField(
        "f", "form", "code", "Label", kind, False, [FormFieldChoice(f"c{i}", v, v) for i, v in enumerate(choices)]
    )


def test_the_stand_in_does_not_import_the_clients_form_codec() -> None:
    tree = ast.parse(Path(_forms.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "") + ":" + ",".join(a.name for a in node.names)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    imported |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    assert not any("forms" in name and "_data" not in name for name in imported), imported


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("text", "M. Doe"),
        ("bool", "true"),
        ("bool", "false"),
        ("integer", "3"),
        ("integer", "-12"),
        ("decimal", "2.99"),
        ("decimal", "-3"),
        ("date", "2025-01-01"),
        ("time", "07:30"),
        ("datetime", "2025-01-01 00:00:00"),
    ],
)
def test_documented_encodings_are_accepted(kind: str, value: str) -> None:
    assert _forms.check_value(field(kind), value) is None


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("bool", "True"),
        ("bool", "1"),
        ("integer", "3.0"),
        ("integer", "+3"),
        ("integer", "3\n"),
        ("decimal", "2,99"),
        ("decimal", "NaN"),
        ("decimal", "1e3"),
        ("decimal", "2."),
        ("date", "2025-02-30"),
        ("date", "01/02/2025"),
        ("date", "2025-01-01T00:00:00"),
        ("time", "07:30:00"),
        ("time", "24:00"),
        ("time", "7:30"),
        ("datetime", "2025-01-01T00:00:00"),
        ("datetime", "2025-01-01 00:00:00+01:00"),
        ("datetime", "2025-01-01 00:00"),
        ("integer", 3),
    ],
)
def test_anything_else_is_refused(kind: str, value: object) -> None:
    problem = _forms.check_value(field(kind), value)
    assert problem is not None
    assert kind in problem


def test_choices_are_checked_against_the_field() -> None:
    single = field("single_choice", "a", "b")
    multi = field("multi_choice", "a", "b", "c")
    assert _forms.check_value(single, "a") is None
    assert _forms.check_value(single, "z") is not None
    assert _forms.check_value(single, "a,b") is not None
    assert _forms.check_value(multi, "a,c") is None
    assert _forms.check_value(multi, "a,a") is not None
    assert _forms.check_value(multi, "a, c") is not None
