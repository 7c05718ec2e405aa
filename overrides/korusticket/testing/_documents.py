"""Read endpoints answered from seed documents, for every GET operation of the spec.

A document is a JSON-LD body with its ``@id``. An item GET answers the document whose ``@id``
is the request path; a collection GET answers the documents right below its path (its
members), filtered and ordered the way API Platform's filters do (`prop=value`, `prop[]=...`,
`order[prop]=asc|desc`, `prop[after|before|strictly_after|strictly_before]=date`) and paged.
So a release that adds a read-only resource needs seed documents, not code; operations with
state (availability, reservations, orders) keep their hand-written handlers, which win.

Every document is checked against the schema the spec gives its item GET, when it is added.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from importlib import resources
from typing import Any

from ._core import ApiError, Request, Response, collection, json_response
from ._paths import parameters, template_regex

__all__ = ["Documents", "DocumentError"]

Json = dict[str, Any]
_RANGE = re.compile(r"^(?P<prop>[A-Za-z0-9_]+)\[(?P<op>after|before|strictly_after|strictly_before)\]$")
_ORDER = re.compile(r"^order\[(?P<prop>[A-Za-z0-9_]+)\]$")


class DocumentError(ValueError):
    """A seed document does not fit the spec."""


@functools.cache
def _spec() -> Json:
    text = resources.files("korusticket_api").joinpath("openapi.json").read_text(encoding="utf-8")
    doc: Json = json.loads(text)
    return doc


@functools.cache
def _get_templates() -> list[tuple[str, re.Pattern[str], bool]]:
    """(template, regex, is_collection) of every GET operation; literal segments first."""
    found = []
    for template, item in _spec()["paths"].items():
        op = item.get("get")
        if op is None:
            continue
        content: Json = op.get("responses", {}).get("200", {}).get("content", {})
        media: Json = next(iter(content.values()), {})
        schema = media.get("schema", {})
        found.append((template, template_regex(template), "member" in json.dumps(schema)))
    return sorted(found, key=lambda t: parameters(t[0]))


def _field(document: Mapping[str, Any], prop: str) -> Any:
    value = document.get(prop)
    if isinstance(value, Mapping):  # an embedded resource filters by its IRI
        return value.get("@id", value.get("id"))
    return value


def _matches(value: Any, wanted: str) -> bool:
    if isinstance(value, bool):
        return str(value).lower() == wanted.lower()
    if isinstance(value, str) and "/" in value and "/" not in wanted:
        return value.rstrip("/").rsplit("/", 1)[-1] == wanted  # an id matches an IRI's last segment
    return str(value) == wanted


class Documents:
    """The seed documents, by ``@id``."""

    def __init__(self, documents: Iterable[Json] = ()) -> None:
        self.by_iri: dict[str, Json] = {}
        self.links: dict[str, list[str]] = {}  # collection path -> member IRIs that live elsewhere
        for document in documents:
            self.add(document)

    def add(self, document: Json, *, served_only: bool = False) -> None:
        """Add a document; it must fit its item GET's schema, or its collection's member schema.
        ``served_only`` skips a document no operation of this spec serves (the built-in seed
        outlives the release that removes an endpoint)."""
        from korusticket_api._response_checks import CHECKS  # the client's own check of that answer

        iri = document.get("@id")
        if not isinstance(iri, str) or not iri.startswith("/"):
            raise DocumentError(f"a seed document needs an @id path, not {iri!r}")
        template = self.template(iri, collection=False)
        body: Any = document
        if template is None:  # only listed (no item GET): check it as a member of its collection
            template = self.template(iri.rsplit("/", 1)[0], collection=True)
            body = {"member": [document], "totalItems": 1}
        if template is None:
            if served_only:
                return
            raise DocumentError(f"{iri}: no GET operation of the spec serves it")
        answer = CHECKS.get((_spec()["paths"][template]["get"]["operationId"], 200))
        problem = None if answer is None else answer.strict(body)
        if problem is not None:
            raise DocumentError(f"{iri} does not fit the spec ({template}): {problem[0] or '(body)'}: {problem[1]}")
        self.by_iri[iri] = document

    def link(self, collection: str, iri: str) -> None:
        """List a document in a collection it does not live under (a sub-resource collection such
        as a product base's products, whose members keep their own IRIs)."""
        if iri not in self.by_iri or self.template(collection, collection=True) is None:
            return  # not served by this spec
        self.links.setdefault(collection, []).append(iri)

    @staticmethod
    def template(path: str, *, collection: bool | None = None) -> str | None:
        for template, regex, is_collection in _get_templates():
            if regex.match(path) and (collection is None or collection == is_collection):
                return template
        return None

    def answers(self, req: Request) -> bool:
        return req.method.upper() == "GET" and self.template(req.path) is not None

    def holds(self, req: Request) -> bool:
        """Some document is served at the request's template (or under it): the resource has seed data."""
        template = self.template(req.path)
        if template is None:
            return False
        item = self.template(req.path, collection=False) == template
        regex = template_regex(template if item else template + "/{id}")
        return any(regex.match(iri) for iri in self.by_iri) or (not item and req.path.rstrip("/") in self.links)

    def read(self, req: Request) -> Response:
        template = self.template(req.path)
        assert template is not None
        if self.template(req.path, collection=True) != template:
            document = self.by_iri.get(req.path)
            if document is None:
                raise ApiError(404, "Not Found")
            return json_response(200, document)
        prefix = req.path.rstrip("/") + "/"
        members = [d for iri, d in self.by_iri.items() if iri.startswith(prefix) and "/" not in iri[len(prefix) :]]
        members += [self.by_iri[iri] for iri in self.links.get(req.path.rstrip("/"), [])]
        members = self._filter(req, members)
        context = f"/contexts/{members[0].get('@type', 'Resource')}" if members else "/contexts/Resource"
        body = collection(req, path=req.path, context=context, members=members, serialize=lambda d: d)
        return json_response(200, body)

    @staticmethod
    def _filter(req: Request, members: list[Json]) -> list[Json]:
        order: list[tuple[str, bool]] = []
        for name, value in req.query:
            if name in ("page", "itemsPerPage"):
                continue
            if match := _ORDER.match(name):
                order.append((match.group("prop"), value == "desc"))
            elif match := _RANGE.match(name):
                prop, op = match.group("prop"), match.group("op")
                try:
                    bound = date.fromisoformat(value[:10])
                except ValueError:
                    raise ApiError(400, f'Invalid value for "{name}"') from None
                members = [m for m in members if _in_range(_field(m, prop), op, bound)]
            else:
                prop = name.removesuffix("[]")
                if not any(prop in m for m in members):
                    continue  # a filter on nothing the documents hold (e.g. withDisabled): API Platform ignores it
                members = [m for m in members if any(_matches(_field(m, prop), v) for v in req.params(name))]
        for prop, descending in reversed(order):
            members.sort(key=lambda m: str(_field(m, prop) or ""), reverse=descending)
        return members


def _in_range(value: Any, op: str, bound: date) -> bool:
    if not isinstance(value, str):
        return False
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return False
    return {
        "after": day >= bound,
        "strictly_after": day > bound,
        "before": day <= bound,
        "strictly_before": day < bound,
    }[op]
