"""The stand-in tests' conformance check: every JSON-LD answer validated against its response schema in
spec/openapi.yaml (statuses the spec does not declare are skipped); a token from the stand-in's endpoint."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import jsonschema
import yaml
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn
from korusticket.testing._paths import most_specific
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.support import SPEC

BASE_URL = "https://api.demo.korusticket.com"
SPEC_PATH = SPEC

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("iri-reference")
def _iri_reference(value: object) -> bool:
    return not isinstance(value, str) or (value != "" and not re.search(r"\s", value))


@FORMATS.checks("uri")
def _uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


class SpecChecker:
    """Finds the operation of a request and validates the body against its response schema."""

    def __init__(self, path: Path) -> None:
        self.spec: dict[str, Any] = yaml.safe_load(path.read_text())
        self.registry: Registry[Any] = Registry().with_resource(
            "urn:spec", Resource.from_contents(self.spec, default_specification=DRAFT202012)
        )
        self.checked: set[tuple[str, int]] = set()

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
        """The template and operation of a request (the stand-in's matcher: ``_bulk`` beats ``{id}``)."""
        paths = self.spec["paths"]
        template = most_specific((t for t, item in paths.items() if method.lower() in item), path)
        return None if template is None else (template, paths[template][method.lower()])

    def errors(self, method: str, path: str, status: int, body: Any) -> list[str] | None:
        """Validation errors, or ``None`` when the spec declares no schema for this answer."""
        found = self.operation(method, path)
        if found is None:
            return None
        template, op = found
        response = op.get("responses", {}).get(str(status))
        if response is None or "application/ld+json" not in response.get("content", {}):
            return None
        pointer = "/".join(
            p.replace("~", "~0").replace("/", "~1")
            for p in (
                "paths",
                template,
                method.lower(),
                "responses",
                str(status),
                "content",
                "application/ld+json",
                "schema",
            )
        )
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"urn:spec#/{pointer}"}, registry=self.registry, format_checker=FORMATS
        )
        self.checked.add((op["operationId"], status))
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(body)]


def token_for(client: httpx.Client, stand_in: StandIn) -> str:
    answer = client.post(
        stand_in.token_path,
        data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET},
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def make_checker_hook(spec: SpecChecker | None) -> Any:
    def check(response: httpx.Response) -> None:
        if spec is None or not response.headers.get("content-type", "").startswith("application/ld+json"):
            return
        response.read()
        problems = spec.errors(
            response.request.method, response.request.url.path, response.status_code, json.loads(response.content)
        )
        assert not problems, (
            f"{response.request.method} {response.request.url.path} -> "
            f"{response.status_code} does not match the spec: {problems}"
        )

    return check
