"""The response checker is generated at run time: its source is registered with linecache (as
attrs registers its generated methods), so tracebacks, pdb and inspect show it."""

from __future__ import annotations

import inspect
import linecache

from korusticket import _decode


def test_a_compiled_checker_shows_its_source() -> None:
    spec = _decode._spec()
    template = next(t for t in spec["paths"] if "get" in spec["paths"][t] and t.endswith("/reservations/{id}"))
    check = _decode._check_for("GET", template, 200)
    filename = check.__code__.co_filename
    assert filename.startswith("<korusticket response check")
    assert linecache.getline(filename, check.__code__.co_firstlineno).startswith("def ")
    assert inspect.getsource(check).startswith("def _check")
    assert "isinstance" in "".join(linecache.getlines(filename))  # the checks it calls are in that source
    assert check({"id": 5}) is not None  # and it still checks
