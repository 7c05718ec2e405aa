"""HTTP-agnostic request/response types, error bodies and the Hydra collection envelope."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

__all__ = [
    "JSONLD",
    "ApiError",
    "Request",
    "Response",
    "ValidationFailed",
    "Violation",
    "collection",
    "error_response",
    "json_response",
]

JSONLD = "application/ld+json; charset=utf-8"
JSON = "application/json"

# Symfony constraint codes, so 422 bodies look like the real ones.
NOT_BLANK = "c1051bb4-d103-4f74-8988-acbcafc7fdc3"
NOT_NULL = "ad32d13f-c3d4-423b-909a-857b961eb720"
TOO_LOW = "ea4e51d1-3342-48bd-87f1-9e672cd90cad"
TOO_FEW = "bef8e338-6ae5-4caf-b8e2-50e7b0579e69"
TOO_LONG = "d94b19cc-114f-4f44-9cc4-4138e80a87b9"
BAD_EMAIL = "bd79c0ab-ddba-46cc-a703-a7a4b08de310"
NO_SUCH_CHOICE = "8e179f1b-97aa-4560-a02f-2a8b42e49df7"
INVALID_TYPE = "ba785a8c-82cb-4283-967c-3cf342181b40"
NOT_FOUND_IRI = "f4fc3b1e-26b0-4e2f-9dd5-ef4a4b5b3a29"  # stand-in's own code for "IRI resolves to nothing"


@dataclass(frozen=True)
class Request:
    """A parsed request, independent of httpx or http.server."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...] = ()
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    def param(self, name: str) -> str | None:
        values = self.params(name)
        return values[-1] if values else None

    def params(self, name: str) -> list[str]:
        return [v for k, v in self.query if k == name]

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def query_string(self) -> str:
        return urlencode(self.query, quote_via=quote)


@dataclass(frozen=True)
class Response:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def json_response(
    status: int, payload: object, *, content_type: str = JSONLD, headers: Iterable[tuple[str, str]] = ()
) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(status, (("content-type", content_type), *headers), body)


REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def error_body(status: int, detail: str | None = None) -> dict[str, Any]:
    """API Platform's ``Error`` resource (the 400/403/404 body of the reference)."""
    detail = detail or REASONS.get(status, "Error")
    return {
        "@context": "/contexts/Error",
        "@id": f"/errors/{status}",
        "@type": "Error",
        "title": "An error occurred",
        "detail": detail,
        "status": status,
        "type": f"/errors/{status}",
        "description": detail,
    }


def error_response(status: int, detail: str | None = None, headers: Iterable[tuple[str, str]] = ()) -> Response:
    return json_response(status, error_body(status, detail), headers=headers)


class ApiError(Exception):
    """Raised by handlers; becomes an ``Error`` body."""

    def __init__(self, status: int, detail: str | None = None, headers: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = tuple(headers)

    def response(self) -> Response:
        return error_response(self.status, self.detail, self.headers)


@dataclass(frozen=True)
class Violation:
    property_path: str
    message: str
    code: str


class ValidationFailed(Exception):
    """Raised by handlers; becomes a 422 ``ConstraintViolation`` body."""

    def __init__(self, violations: Sequence[Violation]) -> None:
        super().__init__("; ".join(f"{v.property_path}: {v.message}" for v in violations))
        self.violations = list(violations)

    def response(self) -> Response:
        detail = "\n".join(f"{v.property_path}: {v.message}" for v in self.violations)
        code = self.violations[0].code if self.violations else NOT_BLANK
        body = {
            "@context": "/contexts/ConstraintViolation",
            "@id": f"/validation_errors/{code}",
            "@type": "ConstraintViolation",
            "status": 422,
            "violations": [
                {"propertyPath": v.property_path, "message": v.message, "code": v.code} for v in self.violations
            ],
            "detail": detail,
            "description": detail,
            "type": f"/validation_errors/{code}",
            "title": "An error occurred",
        }
        return json_response(422, body)


# --------------------------------------------------------------------------- Hydra collections

MAX_ITEMS_PER_PAGE = 50
DEFAULT_ITEMS_PER_PAGE = 10


def _int_param(req: Request, name: str, default: int, low: int, high: int | None) -> int:
    raw = req.param(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f'Query parameter "{name}" must be an integer, "{raw}" given.') from None
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ApiError(400, f'Query parameter "{name}" must be {bound}, {value} given.')
    return value


def _link(path: str, req: Request, page: int | None) -> str:
    query = [(k, v) for k, v in req.query if k != "page"]
    if page is not None:
        query.append(("page", str(page)))
    qs = urlencode(query, quote_via=quote)
    return f"{path}?{qs}" if qs else path


def collection(
    req: Request,
    *,
    path: str,
    context: str,
    members: Sequence[Any],
    serialize: Callable[[Any], dict[str, Any]],
    variables: Sequence[str] = (),
    paginated: bool = True,
) -> dict[str, Any]:
    """The Hydra envelope; ``view`` carries first/last/previous/next only when there are several pages.

    Only the members of the requested page are serialized (draining 10,000 items stays linear).
    """
    total = len(members)
    body: dict[str, Any] = {"@context": context, "@id": path, "@type": "Collection", "totalItems": total}
    if paginated:
        page = _int_param(req, "page", 1, 1, None)
        per_page = _int_param(req, "itemsPerPage", DEFAULT_ITEMS_PER_PAGE, 0, MAX_ITEMS_PER_PAGE)
        start = (page - 1) * per_page
        body["member"] = [serialize(m) for m in members[start : start + per_page]]
        last = max(1, -(-total // per_page)) if per_page else 1
        if last > 1:
            view: dict[str, Any] = {
                "@id": _link(path, req, page),
                "@type": "PartialCollectionView",
                "first": _link(path, req, 1),
                "last": _link(path, req, last),
            }
            if page > 1:
                view["previous"] = _link(path, req, page - 1)
            if page < last:
                view["next"] = _link(path, req, page + 1)
        else:
            view = {"@id": _link(path, req, None), "@type": "PartialCollectionView"}
        body["view"] = view
    else:
        body["member"] = [serialize(m) for m in members]
    mapping = [
        {"@type": "IriTemplateMapping", "variable": v, "property": v.split("[")[0], "required": False}
        for v in variables
    ]
    body["search"] = {
        "@type": "IriTemplate",
        "template": f"{path}{{?{','.join(variables)}}}",
        "variableRepresentation": "BasicRepresentation",
        "mapping": mapping,
    }
    return body
