"""The core interface: everything the generated code of korusticket_api/resources/ (written by
`make generate`) uses of this package, and nothing else.

Generated code imports hand-written code from here and from `korusticket.types` only
(tests/codegen/test_layering.py pins it): the private modules behind these names can move
without a regeneration, and a name the generator starts to need is added here, in review.
Services use `korusticket` and `korusticket.types`; this module is for generated code.

The clients' hand-written half (`SyncClient`, `AsyncClient`) loads with `import korusticket`;
the rest loads with the first resource, when a resource module imports it (issue 16).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._base import AsyncCore, Request, SyncCore
from ._client import AsyncClient, SyncClient
from ._config import RequestOptions
from ._constants import DEFAULT_PAGE_SIZE
from ._pagination import AsyncPaginator, Paginator
from ._raw import async_raw, raw

if TYPE_CHECKING:
    from . import _hooks as hooks
    from . import _validate as checks
    from ._ids import IdLike
    from ._resource import AsyncResource, RequestBuilder, SyncResource, deprecated

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "AsyncClient",
    "AsyncCore",
    "AsyncPaginator",
    "AsyncResource",
    "IdLike",
    "Paginator",
    "Request",
    "RequestBuilder",
    "RequestOptions",
    "SyncClient",
    "SyncCore",
    "SyncResource",
    "async_raw",
    "checks",
    "deprecated",
    "hooks",
    "raw",
]

# name -> (module, attribute; None: the module itself), loaded on first use.
_LAZY: dict[str, tuple[str, str | None]] = {
    "hooks": ("._hooks", None),
    "checks": ("._validate", None),
    "IdLike": ("._ids", "IdLike"),
    "AsyncResource": ("._resource", "AsyncResource"),
    "RequestBuilder": ("._resource", "RequestBuilder"),
    "SyncResource": ("._resource", "SyncResource"),
    "deprecated": ("._resource", "deprecated"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = _LAZY[name]
    loaded = importlib.import_module(module, __package__)
    value = loaded if attr is None else getattr(loaded, attr)
    globals()[name] = value
    return value
