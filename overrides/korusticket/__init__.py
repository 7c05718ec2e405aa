"""Python client for the KorusTicket B2B ticketing API (the release in ``API_VERSION``).

from korusticket import KorusTicket
kt = KorusTicket(client_id="...", client_secret="...")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from korusticket_api.resources import API_VERSION, AsyncKorusTicket, KorusTicket

from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InputError,
    KorusTicketError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    ResponseDecodeError,
    ServerError,
    UnprocessableEntityError,
    Violation,
)
from ._pagination import AsyncPaginator, Page, Paginator
from ._raw import RawResponse
from ._version import __version__

if TYPE_CHECKING:
    from . import forms
    from ._bulk import BulkFailure, BulkResult, PartialFailureError

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "API_VERSION",
    "AsyncKorusTicket",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "BulkFailure",
    "BulkResult",
    "ClientClosedError",
    "ConflictError",
    "InputError",
    "KorusTicket",
    "KorusTicketError",
    "NotFoundError",
    "OutcomeUnknownError",
    "Page",
    "Paginator",
    "PartialFailureError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RedirectError",
    "ResponseDecodeError",
    "ServerError",
    "UnprocessableEntityError",
    "Violation",
    "__version__",
    "forms",
]

# Show public classes as korusticket.X in reprs, tracebacks and docs (as httpx does).
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__.startswith(("korusticket.", "korusticket_api.")):
        _obj.__module__ = "korusticket"
del _name, _obj


# Loaded on first use (issue 16: `import korusticket` stays cheap). korusticket.forms brings
# python-dateutil and zoneinfo, which a service that never fills a form should not pay for;
# _bulk defines what only the bulk methods return or raise (BulkResult, BulkFailure,
# PartialFailureError), and the first resource (`kt.reservations`) loads it anyway.
_LAZY = {"forms": ".forms", "BulkFailure": "._bulk", "BulkResult": "._bulk", "PartialFailureError": "._bulk"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'korusticket' has no attribute {name!r}")
    import importlib

    loaded = importlib.import_module(module, __name__)
    value = loaded if name == "forms" else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
