"""Python client for the KorusTicket B2B ticketing API.

from korusticket import KorusTicket
kt = KorusTicket(client_id="...", client_secret="...")
"""

from __future__ import annotations

from . import forms
from ._bulk import BulkFailure, BulkResult
from ._client import AsyncKorusTicket, KorusTicket
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InputError,
    KorusTicketError,
    NotFoundError,
    OutcomeUnknownError,
    PartialFailureError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    UnprocessableEntityError,
    Violation,
)
from ._pagination import AsyncPaginator, Page, Paginator
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncKorusTicket",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "BulkFailure",
    "BulkResult",
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
    "ResponseDecodeError",
    "ServerError",
    "UnprocessableEntityError",
    "Violation",
    "__version__",
    "forms",
]

# Show public classes as korusticket.X in reprs, tracebacks and docs (as httpx does).
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("korusticket."):
        _obj.__module__ = "korusticket"
del _name, _obj
