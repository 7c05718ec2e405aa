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

from collections.abc import Callable
from datetime import datetime
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
        # Not documented by KorusTicket; kept when a proxy or a later release sends one.
        self.request_id: str | None = next(
            (response.headers[h] for h in ("x-request-id", "request-id", "x-correlation-id") if h in response.headers),
            None,
        )


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


_STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def error_from_response(response: httpx.Response, now: Callable[[], datetime] | None = None) -> APIError:
    """The exception for an error answer, from its problem-details (or Lexik JWT) body.

    Bodies that are not JSON (a proxy's HTML 404 page) still give the right class.
    """
    from ._retry import parse_retry_after  # local: _retry imports nothing from here at import time

    try:
        body: Any = response.json()
    except ValueError:
        body = None
    fields = body if isinstance(body, dict) else {}
    title = _text(fields.get("title")) or _text(fields.get("hydra:title"))
    detail = (
        _text(fields.get("detail"))
        or _text(fields.get("hydra:description"))
        or _text(fields.get("description"))
        or _text(fields.get("message"))  # Lexik JWT: {"code": 401, "message": "Expired JWT Token"}
    )
    status = response.status_code
    cls = _STATUS_ERRORS.get(status, ServerError if status >= 500 else APIError)
    summary = detail or title or response.reason_phrase or "error"
    message = f"{status} {summary} ({response.request.method} {response.request.url.path})"
    kwargs: dict[str, Any] = {
        "response": response,
        "body": body,
        "title": title,
        "detail": detail,
        "type": _text(fields.get("type")),
        "instance": _text(fields.get("instance")),
    }
    if cls is UnprocessableEntityError:
        violations = [
            Violation(
                property_path=str(v.get("propertyPath", "")),
                message=str(v.get("message", "")),
                code=_text(v.get("code")),
            )
            for v in fields.get("violations", []) or []
            if isinstance(v, dict)
        ]
        if violations:
            message += ": " + "; ".join(f"{v.property_path}: {v.message}" for v in violations)
        return UnprocessableEntityError(message, violations=violations, **kwargs)
    error = cls(message, **kwargs)
    if isinstance(error, RateLimitError):
        retry_after = response.headers.get("Retry-After")
        error.retry_after = parse_retry_after(retry_after, now) if now else parse_retry_after(retry_after)
    return error
