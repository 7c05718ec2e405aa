"""The response checker is generated at build time (korusticket_api/_response_checks.py): its
source is a module like any other, so tracebacks, pdb and inspect show it."""

from __future__ import annotations

import inspect
import linecache

from korusticket_api import _response_checks


def test_a_generated_checker_shows_its_source() -> None:
    check = _response_checks.CHECKS[("reservations_get", 200)].strict
    filename = check.__code__.co_filename
    assert filename.endswith("_response_checks.py")
    assert linecache.getline(filename, check.__code__.co_firstlineno).startswith("def ")
    assert inspect.getsource(check).startswith("def reservations_get_200")
    assert "isinstance" in "".join(linecache.getlines(filename))  # the checks it calls are in that source
    assert check({"id": 5}) is not None  # and it still checks
