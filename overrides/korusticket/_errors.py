"""Exceptions raised by the client.

    KorusTicketError
    ├── InputError (also ValueError)      bad arguments, raised before any request
    ├── APIConnectionError                 the request did not get an answer
    │   └── APITimeoutError
    ├── OutcomeUnknownError                a non-idempotent request may or may not have taken effect
    ├── ResponseDecodeError                the body is not what the spec says
    ├── PartialFailureError                a bulk call created some items and failed others
    └── APIError                           the API answered with an error status
        ├── BadRequestError               400
        ├── AuthenticationError           401, or the token endpoint refused
        ├── PermissionDeniedError         403
        ├── NotFoundError                 404
        ├── ConflictError                 409
        ├── UnprocessableEntityError      422 (with .violations)
        ├── RateLimitError                429 (with .retry_after)
        └── ServerError                   5xx
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import httpx

if TYPE_CHECKING:
    from ._bulk import BulkResult

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
]


class KorusTicketError(Exception):
    """Base class of every error this package raises."""


class InputError(KorusTicketError, ValueError):
    """An argument is invalid; raised before anything is sent.

    ``field`` names the argument (or form field) at fault.
    """

    def __init__(self, field: str, problem: str, allowed: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.allowed = allowed
        message = f"{field}: {problem}"
        if allowed:
            message += f" (allowed: {allowed})"
        super().__init__(message)


class APIConnectionError(KorusTicketError):
    """The request got no HTTP answer (connection refused, reset, DNS...)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class OutcomeUnknownError(KorusTicketError):
    """A non-idempotent request was sent but its answer was lost.

    The server may or may not have acted on it; the message says what to check.
    """

    def __init__(self, message: str, *, request: httpx.Request | None = None, cause: str = "") -> None:
        super().__init__(message)
        self.request = request
        self.cause = cause


class ResponseDecodeError(KorusTicketError):
    """The response body does not fit the spec. ``response`` keeps the raw answer."""

    def __init__(self, message: str, *, response: httpx.Response, path: str | None = None) -> None:
        super().__init__(message)
        self.response = response
        self.path = path


class PartialFailureError(KorusTicketError):
    """A bulk call failed for some items; ``result`` holds successes and failures."""

    def __init__(self, result: BulkResult[Any]) -> None:
        self.result = result
        super().__init__(
            f"{len(result.failed)} of {len(result.failed) + len(result.succeeded)} items failed: "
            + "; ".join(f.reason for f in result.failed[:3])
        )


@attrs.frozen
class Violation:
    """One constraint violation of a 422 answer."""

    property_path: str
    message: str
    code: str | None = None


class APIError(KorusTicketError):
    """The API answered with an error status (problem-details fields as attributes)."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object = None,
        title: str | None = None,
        detail: str | None = None,
        type: str | None = None,
        instance: str | None = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.title = title
        self.detail = detail
        self.type = type
        self.instance = instance


class BadRequestError(APIError):
    """400."""


class AuthenticationError(APIError):
    """401, or the token endpoint refused the credentials.

    For token endpoint failures, ``error`` and ``error_description`` hold the OAuth2 fields.
    """

    error: str | None = None
    error_description: str | None = None


class PermissionDeniedError(APIError):
    """403: the resource belongs to a catalog or organization the caller cannot access."""


class NotFoundError(APIError):
    """404."""


class ConflictError(APIError):
    """409."""


class UnprocessableEntityError(APIError):
    """422: the request failed validation; nothing was created."""

    violations: list[Violation]

    def __init__(self, message: str, *, violations: list[Violation] | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.violations = violations or []


class RateLimitError(APIError):
    """429. ``retry_after`` is in seconds when the server said."""

    retry_after: float | None = None


class ServerError(APIError):
    """5xx."""
