"""Fixtures for the stand-in tests.

Every response seen by the ``client`` fixture is checked against spec/openapi.yaml (when it
exists) for the operation and status it answers; statuses the spec does not declare (401,
the 400 of a bad ``itemsPerPage``...) are skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import jsonschema
import pytest
import yaml
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FakeClock, StandIn
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

BASE_URL = "https://api.demo.korusticket.com"
SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"

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
        self.routes: list[tuple[str, re.Pattern[str], str, dict[str, Any]]] = []
        for template, item in self.spec["paths"].items():
            regex = re.compile(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$")
            for method, op in item.items():
                if method in ("get", "post", "patch", "put", "delete"):
                    self.routes.append((method.upper(), regex, template, op))
        # most specific first: literal segments beat parameters (``_bulk`` vs ``{id}``)
        self.routes.sort(key=lambda r: r[2].count("{"))
        self.checked: set[tuple[str, int]] = set()

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
        for m, regex, template, op in self.routes:
            if m == method and regex.match(path):
                return template, op
        return None

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


@pytest.fixture(scope="session")
def spec() -> SpecChecker | None:
    return SpecChecker(SPEC_PATH) if SPEC_PATH.exists() else None


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def stand_in(clock: FakeClock) -> StandIn:
    return StandIn(clock=clock)


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


@pytest.fixture
def anon(stand_in: StandIn, spec: SpecChecker | None) -> Iterator[httpx.Client]:
    """A client without a token."""
    with httpx.Client(
        base_url=BASE_URL, transport=stand_in.transport(), event_hooks={"response": [make_checker_hook(spec)]}
    ) as client:
        yield client


@pytest.fixture
def client(anon: httpx.Client, stand_in: StandIn) -> httpx.Client:
    """An authenticated client (token from the token endpoint); responses checked against the spec."""
    anon.headers["authorization"] = f"Bearer {token_for(anon, stand_in)}"
    anon.headers["accept"] = "application/ld+json"
    return anon
