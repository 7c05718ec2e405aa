"""Exceptions raised by the client.

KorusTicketError
├── InputError (also ValueError)      bad arguments, raised before any request
├── APIConnectionError                 the request did not get an answer
│   └── APITimeoutError
├── OutcomeUnknownError                a non-idempotent request may or may not have taken effect
├── ResponseDecodeError                the body is not what the spec says
├── PartialFailureError                a bulk call created some items and failed others (_bulk.py)
└── APIError                           the API answered with an error status
    ├── BadRequestError               400
    ├── AuthenticationError           401, or the token endpoint refused
    ├── PermissionDeniedError         403
    ├── NotFoundError                 404
    ├── ConflictError                 409
    ├── UnprocessableEntityError      422 (with .violations)
    ├── RateLimitError                429 (with .retry_after)
    ├── RedirectError                 3xx: redirects are never followed
    └── ServerError                   5xx

Every exception pickles (it may cross a ProcessPoolExecutor) and carries no secret: the
requests and responses it keeps are copies without Authorization, cookies or form bodies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "InputError",
    "KorusTicketError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseDecodeError",
    "ServerError",
    "UnprocessableEntityError",
    "Violation",
]


# Headers that may carry a credential; never kept on an exception.
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
# Encoded bodies: the copy keeps decoded content, so these would no longer describe it.
_BODY_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def redact_request(request: httpx.Request | None) -> httpx.Request | None:
    """A copy of ``request`` without credentials: no Authorization or cookie header, and no
    form body (the token endpoint's form holds the client secret)."""
    if request is None:
        return None
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in _SECRET_HEADERS | _BODY_HEADERS]
    form = "x-www-form-urlencoded" in request.headers.get("content-type", "")
    try:
        content = b"" if form else request.content
    except httpx.RequestNotRead:
        content = b""
    return httpx.Request(request.method, request.url, headers=headers, content=content)


def redact_response(response: httpx.Response) -> httpx.Response:
    """A copy of ``response`` (decoded body kept) whose request carries no credentials."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        content = b""
    try:
        request = response.request
    except RuntimeError:
        request = httpx.Request("GET", "http://unknown.invalid/")
    return httpx.Response(
        response.status_code,
        headers=[(k, v) for k, v in response.headers.multi_items() if k.lower() not in _SECRET_HEADERS | _BODY_HEADERS],
        content=content,
        request=redact_request(request),
    )


def _restore(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> BaseException:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class KorusTicketError(Exception):
    """Base class of every error this package raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors do not survive Exception's default pickling; rebuild the
        # instance from its message and attributes instead.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


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


class ClientClosedError(KorusTicketError):
    """The client (or the httpx client it was given) is closed; nothing was sent."""


class APIConnectionError(KorusTicketError):
    """The request got no HTTP answer (connection refused, reset, DNS...)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = redact_request(request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class OutcomeUnknownError(KorusTicketError):
    """A non-idempotent request was sent but its answer was lost.

    The server may or may not have acted on it; the message says what to check.
    ``reservations`` lists the reservation IRIs (orders) or offer IRIs (reservations) whose
    fate is unknown, ``external_reference`` the reference the orders were sent with, and
    ``succeeded`` what this call could prove was created before the outcome was lost.
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request | None = None,
        cause: str = "",
        reservations: Sequence[str] = (),
        external_reference: str | None = None,
        succeeded: Sequence[Any] = (),
    ) -> None:
        super().__init__(message)
        self.request = redact_request(request)
        self.cause = cause
        self.reservations = tuple(reservations)
        self.external_reference = external_reference
        self.succeeded = list(succeeded)


class ResponseDecodeError(KorusTicketError):
    """The response body does not fit the spec (``response`` keeps the raw answer), or a
    collection's pages contradict each other (a pagination loop: ``response`` is None)."""

    def __init__(self, message: str, *, response: httpx.Response | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.response = None if response is None else redact_response(response)
        self.path = path


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
        self.response = redact_response(response)
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

    def __init__(
        self, message: str, *, error: str | None = None, error_description: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(message, **kwargs)
        self.error = error
        self.error_description = error_description


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

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class RedirectError(APIError):
    """3xx: the client never follows redirects (a credential could follow it elsewhere), and a
    redirect's body is never read as the answer. ``location`` says where it pointed."""

    @property
    def location(self) -> str | None:
        value = self.response.headers.get("location")
        return value if isinstance(value, str) else None


class ServerError(APIError):
    """5xx."""
