"""The core interface: everything the generated resource layer (korusticket_api/resources/,
written by `make generate`) uses of this package, and nothing else.

Generated code imports hand-written code from here and from `korusticket.types` only
(tests/codegen/test_layering.py pins it): the private modules behind these names can move
without a regeneration, and a name the generator starts to need is added here, in review.
Services use `korusticket` and `korusticket.types`; this module is for generated code.
"""

from . import _hooks as hooks
from . import _validate as checks
from ._base import AsyncCore, Request, SyncCore
from ._config import RequestOptions
from ._constants import DEFAULT_PAGE_SIZE
from ._ids import IdLike
from ._pagination import AsyncPaginator, Paginator
from ._raw import async_raw, raw
from ._resource import AsyncResource, RequestBuilder, SyncResource, deprecated

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "AsyncCore",
    "AsyncPaginator",
    "AsyncResource",
    "IdLike",
    "Paginator",
    "Request",
    "RequestBuilder",
    "RequestOptions",
    "SyncCore",
    "SyncResource",
    "async_raw",
    "checks",
    "deprecated",
    "hooks",
    "raw",
]
