"""Fixtures for the stand-in tests.

Every response seen by the ``client`` fixture is checked against spec/openapi.yaml (when it
exists) for the operation and status it answers; statuses the spec does not declare (401,
the 400 of a bad ``itemsPerPage``...) are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from korusticket.testing import StandIn

from tests.support.spec_checker import BASE_URL, SPEC_PATH, SpecChecker, make_checker_hook, token_for


@pytest.fixture(scope="session")
def spec() -> SpecChecker | None:
    return SpecChecker(SPEC_PATH) if SPEC_PATH.exists() else None


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
