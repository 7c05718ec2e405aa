"""Python client for the KorusTicket B2B ticketing API."""

from __future__ import annotations

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
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InputError",
    "KorusTicketError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PartialFailureError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ServerError",
    "UnprocessableEntityError",
    "Violation",
    "__version__",
]
