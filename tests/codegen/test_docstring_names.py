"""Method docstrings name things the Python way (issue 23): a spec description's `dateAccess`
reaches the docstring as `date_access`, next to the Python parameters it is read with."""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import korusticket_api.resources as resources

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generated" / "korusticket_api"
sys.path.insert(0, str(ROOT / "scripts" / "codegen"))
from opinfo import json_keys, python_names  # noqa: E402  # scripts/codegen/opinfo.py


def test_no_method_docstring_names_a_json_key_in_camel_case() -> None:
    keys = json_keys(PACKAGE)
    assert {"dateAccess", "ticketSessions", "temporaryUrl"} <= keys
    found = []
    for name in resources.__all__:
        cls = getattr(resources, name)
        if not isinstance(cls, type) or name.endswith("WithRawResponse"):
            continue
        for method, fn in inspect.getmembers(cls, inspect.isfunction):
            doc = inspect.getdoc(fn) or ""
            camel = [w for w in re.findall(r"`([A-Za-z]\w*)", doc) if w in keys]
            contrasted = [w for w in camel if f"`{re.sub(r'(?<!^)(?=[A-Z])', '_', w).lower()}`" in doc]
            found += [f"{name}.{method}: {w}" for w in camel if w not in contrasted]
    assert found == []


def test_python_names() -> None:
    keys = {"dateAccess", "ticketSessions", "formData", "externalReference"}
    assert python_names("A ticket whose `dateAccess` is false", keys) == "A ticket whose `date_access` is false"
    assert python_names("as `ticketSessions[].formData`", keys) == "as `ticket_sessions[].form_data`"
    assert python_names("`/availability` and `orders`", keys) == "`/availability` and `orders`"
    contrast = "(`external_reference`, snake case, while the body field is `externalReference`)"
    assert python_names(contrast, keys) == contrast
