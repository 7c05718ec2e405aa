"""Each generated resource comes as a sync and an async class side by side: same methods, same
parameters (async lists add `prefetch`), same docstrings."""

from __future__ import annotations

import inspect

import korusticket_api.resources as resources
import pytest

PAIRS = [(getattr(resources, name), getattr(resources, f"Async{name}")) for name in resources.__all__
         if f"Async{name}" in resources.__all__ and not name.startswith("Resources")
         and not name.endswith("WithRawResponse")
         and name != "KorusTicket"]  # the clients: tests/client/test_hand_written_pairs.py  # fmt: skip


def methods(cls: type) -> dict[str, object]:
    return {name: fn for name, fn in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")}


@pytest.mark.parametrize(("sync", "async_"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_sync_and_async_resources_mirror_each_other(sync: type, async_: type) -> None:
    assert methods(sync).keys() == methods(async_).keys()
    for name, fn in methods(sync).items():
        twin = methods(async_)[name]
        ours = inspect.signature(fn).parameters  # type: ignore[arg-type]
        theirs = dict(inspect.signature(twin).parameters)  # type: ignore[arg-type]
        theirs.pop("prefetch", None)
        assert list(ours) == list(theirs), f"{sync.__name__}.{name}"
        assert [str(p) for p in ours.values()] == [str(p) for p in theirs.values()], f"{sync.__name__}.{name}"
        assert inspect.getdoc(fn) == inspect.getdoc(twin), f"{sync.__name__}.{name}"
        assert inspect.iscoroutinefunction(twin) or not inspect.iscoroutinefunction(fn)


def test_every_resource_has_its_pair() -> None:
    assert len(PAIRS) == len(resources.RESOURCES)
