"""Checks ``formData`` values against their field type, with the client's own decoder.

``korusticket.forms.decode`` parses the documented string encodings (guides §8; several
``multi_choice`` values joined by ``,`` is the client's assumption, shared here).
"""

from __future__ import annotations

from .._errors import InputError
from ..forms import decode
from ._data import FormField

__all__ = ["check_value"]


def check_value(form_field: FormField, value: object) -> str | None:
    """Return a problem message, or ``None`` when ``value`` is a valid encoding for the field."""
    choices = [c.value for c in form_field.choices] if form_field.choices else None
    try:
        decode(form_field.type, value, choices=choices, field=form_field.code)
    except InputError as exc:
        return f'This value is not a valid "{form_field.type}" value: {exc.problem}.'
    return None
