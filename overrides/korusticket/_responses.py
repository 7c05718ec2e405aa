"""Error answers into exceptions: the status-to-exception mapping and the parsing of problem-details
(and Lexik JWT) bodies. _errors.py defines the exceptions and imports nothing from the package."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx

from ._errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    ServerError,
    UnprocessableEntityError,
    Violation,
)
from ._retry import parse_retry_after

__all__ = ["error_from_response"]


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
    try:
        body: Any = response.json()
    except (ValueError, RecursionError):  # RecursionError: a body nested thousands deep
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
    cls = _STATUS_ERRORS.get(
        status, ServerError if status >= 500 else RedirectError if 300 <= status < 400 else APIError
    )
    summary = detail or title or response.reason_phrase or "error"
    if cls is RedirectError:
        summary = f"redirect to {response.headers.get('location', '(no Location)')!r:.120} not followed"
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
    if cls is RateLimitError:
        retry_after = response.headers.get("Retry-After")
        delay = parse_retry_after(retry_after, now) if now else parse_retry_after(retry_after)
        return RateLimitError(message, retry_after=delay, **kwargs)
    return cls(message, **kwargs)
