"""Python client for the KorusTicket B2B ticketing API (the release in ``API_VERSION``).

from korusticket import KorusTicket
kt = KorusTicket(client_id="...", client_secret="...")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from korusticket_api.resources import API_VERSION

from ._bulk import BulkFailure, BulkResult
from ._client import AsyncKorusTicket, KorusTicket
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
    PartialFailureError,
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
    if isinstance(_obj, type) and _obj.__module__.startswith("korusticket."):
        _obj.__module__ = "korusticket"
del _name, _obj


def __getattr__(name: str) -> Any:
    # korusticket.forms loads on first use: it brings python-dateutil and zoneinfo, which a
    # service that never fills a form should not pay for at import.
    if name == "forms":
        import importlib

        return importlib.import_module(".forms", __name__)
    raise AttributeError(f"module 'korusticket' has no attribute {name!r}")
