"""Each hand-written sync class has an async twin with the same methods and the same parameters
(names, kinds, defaults), as test_sync_async_pairs.py checks for the generated resources; the
annotations differ (httpx.Client / httpx.AsyncClient). What only one side has is listed below,
each with why: a new difference is either a bug or a line in these lists."""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import korusticket
import korusticket.testing
import pytest
from korusticket import _base, _client, _http, _resource, _retry

# Every hand-written sync/async pair, public ones by the names users import. The third element
# names private methods compared as well: the seam the generated resources call.
PAIRS: list[tuple[type, type, tuple[str, ...]]] = [
    (korusticket.KorusTicket, korusticket.AsyncKorusTicket, ()),
    (_client.SyncClient, _client.AsyncClient, ()),
    (korusticket.Paginator, korusticket.AsyncPaginator, ()),
    (korusticket.testing.StandInTransport, korusticket.testing.StandInAsyncTransport, ()),
    (_base.SyncCore, _base.AsyncCore, ()),
    (_resource.SyncResource, _resource.AsyncResource, ("_send", "_paginate", "_run")),
    (_http.ClientTransport, _http.AsyncClientTransport, ()),
    (_retry.RetryTransport, _retry.AsyncRetryTransport, ()),
]

# Python spells these protocols differently on each side (with / async with, for / async for).
PROTOCOL_NAMES = {"__enter__": "__aenter__", "__exit__": "__aexit__", "__iter__": "__aiter__"}

# httpx spells its transport interface differently on each side (BaseTransport / AsyncBaseTransport).
TRANSPORT_NAMES = {"handle_request": "handle_async_request", "close": "aclose"}

# Methods only one side has: (class, method) -> why.
ONE_SIDED_METHODS: dict[tuple[type, str], str] = {
    (_base.AsyncCore, "send_deferred"): "a prefetching AsyncPaginator sends its next request before it parses "
    "the answer in; a sync walk has one request out at a time, so parsing at once costs it nothing",
}

# Parameters only one side has: (class, method, parameter) -> why.
PREFETCH = "pages fetched concurrently: only the async side has several requests in flight at once"
ONE_SIDED_PARAMETERS: dict[tuple[type, str, str], str] = {
    (korusticket.AsyncKorusTicket, "paginate", "prefetch"): PREFETCH,
    (_client.AsyncClient, "paginate", "prefetch"): PREFETCH,
    (korusticket.AsyncPaginator, "__init__", "prefetch"): PREFETCH,
    (_resource.AsyncResource, "_paginate", "prefetch"): PREFETCH,
}


def members(cls: type, private: tuple[str, ...]) -> dict[str, Callable[..., Any] | None]:
    """Public methods, dunders, properties and attributes the package defines (on the class or a
    generated base), not those inherited from object, typing or httpx; plus the named private
    ones. A method (or a property's getter) maps to its function, an attribute to None."""
    found: dict[str, Callable[..., Any] | None] = {}
    for name in dir(cls):
        dunder = name.startswith("__") and name.endswith("__")
        if name.startswith("_") and not dunder and name not in private:
            continue
        owner = next(k for k in cls.__mro__ if name in vars(k))
        if not owner.__module__.startswith("korusticket"):
            continue
        value = vars(owner)[name]
        if isinstance(value, property):
            value = value.fget
        elif isinstance(value, staticmethod | classmethod):
            value = value.__func__
        elif isinstance(value, functools.cached_property):
            value = value.func
        if inspect.isfunction(value):
            found[name] = value
        elif not dunder:  # a resource (a descriptor of the generated base): compared by name
            found[name] = None
    return found


def async_name(sync: type, name: str) -> str:
    names = PROTOCOL_NAMES | (TRANSPORT_NAMES if issubclass(sync, httpx.BaseTransport) else {})
    return names.get(name, name)


def parameters(fn: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    return dict(inspect.signature(fn).parameters)


@pytest.mark.parametrize(("sync", "async_", "private"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_sync_and_async_twins_take_the_same_parameters(sync: type, async_: type, private: tuple[str, ...]) -> None:
    ours, theirs = members(sync, private), members(async_, private)
    twins = {name: async_name(sync, name) for name in ours if async_name(sync, name) in theirs}
    # What one side has and the other lacks is exactly what the lists say: no new gap, no stale line.
    one_sided = {(sync, n) for n in ours if n not in twins} | {(async_, n) for n in theirs if n not in twins.values()}
    listed = {key for key in ONE_SIDED_METHODS if key[0] in (sync, async_)}
    assert one_sided == listed, (
        f"not in ONE_SIDED_METHODS: {_names(one_sided - listed)}; no longer one-sided: {_names(listed - one_sided)}"
    )
    one_sided_parameters: set[tuple[type, str, str]] = set()
    for name, twin in sorted(twins.items()):
        ours_fn, theirs_fn = ours[name], theirs[twin]
        if ours_fn is None or theirs_fn is None:
            assert ours_fn is theirs_fn, f"{sync.__name__}.{name}: a method on one side, an attribute on the other"
            continue
        mine, its = parameters(ours_fn), parameters(theirs_fn)
        one_sided_parameters |= {(sync, name, p) for p in mine if p not in its}
        one_sided_parameters |= {(async_, twin, p) for p in its if p not in mine}
        shared = [(p.name, p.kind, p.default) for p in mine.values() if p.name in its]
        assert shared == [(p.name, p.kind, p.default) for p in its.values() if p.name in mine], (
            f"{sync.__name__}.{name}"
        )
        # A sync class never hands out a coroutine (the caller would have to await it).
        assert not inspect.iscoroutinefunction(ours_fn), f"{sync.__name__}.{name}"
        assert not inspect.isasyncgenfunction(ours_fn), f"{sync.__name__}.{name}"
    listed_parameters = {key for key in ONE_SIDED_PARAMETERS if key[0] in (sync, async_)}
    assert one_sided_parameters == listed_parameters, (
        f"not in ONE_SIDED_PARAMETERS: {_names(one_sided_parameters - listed_parameters)}; "
        f"no longer one-sided: {_names(listed_parameters - one_sided_parameters)}"
    )


def _names(keys: set[tuple[type, str]] | set[tuple[type, str, str]]) -> list[str]:
    """`AsyncKorusTicket.paginate(prefetch)` for (AsyncKorusTicket, "paginate", "prefetch")."""
    return sorted(f"{k[0].__name__}.{k[1]}" + (f"({k[2]})" if len(k) > 2 else "") for k in keys)


def test_every_pair_is_listed() -> None:
    """A new sync/async class pair of the package or of korusticket.testing joins PAIRS."""
    listed = {cls for sync, async_, _ in PAIRS for cls in (sync, async_)}
    unlisted = [
        f"{module.__name__}: {sync.__name__} / {async_.__name__}"
        for module in _modules()
        for sync, async_ in _pairs_in(module)
        if not {sync, async_} <= listed
    ]
    assert unlisted == []


def _modules() -> list[ModuleType]:
    """Every module of korusticket and korusticket.testing (the generated package is tested on its own)."""
    return [
        importlib.import_module(info.name)
        for package in (korusticket, korusticket.testing)
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
        if not info.name.endswith("__main__")
    ]


def _pairs_in(module: ModuleType) -> list[tuple[type, type]]:
    """Classes of `module` named as twins in one of the spellings in use: KorusTicket /
    AsyncKorusTicket, SyncCore / AsyncCore, StandInTransport / StandInAsyncTransport."""
    classes = {v.__name__: v for v in vars(module).values() if isinstance(v, type) and v.__module__ == module.__name__}
    return [
        (cls, classes[twin])
        for name, cls in classes.items()
        for twin in {f"Async{name}", name.replace("Sync", "Async", 1), name.replace("Transport", "AsyncTransport")}
        if twin != name and twin in classes
    ]
