"""No cassette in tests/cassettes may carry a secret or personal data (see tests/support/cassettes.py)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from korusticket.testing import DEMO_CLIENT_SECRET

from tests.support.cassettes import (
    ALLOWED_EMAILS,
    EMAIL_RE,
    PHONE_PLACEHOLDER,
    SECRET_PLACEHOLDER,
    STAND_IN_ORIGIN,
    TOKEN_PLACEHOLDER,
)

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes"
ALL = sorted(CASSETTES.glob("**/*.yaml")) + sorted(CASSETTES.glob("**/*.yml"))

BEARER = re.compile(r"Bearer\s+([^\s\"',]+)", re.IGNORECASE)
JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}")
SECRET_PARAM = re.compile(r"client_secret[\"']?\s*[=:]\s*[\"']?([^&\s\"',}]*)")
TOKEN_VALUE = re.compile(r"(access_token|refresh_token|id_token)[\"']?\s*[=:]\s*[\"']?([^&\s\"',}]*)")
PHONE_VALUE = re.compile(r"[\"']phone[\"']\s*:\s*[\"']([^\"']*)[\"']")


def strings(value: Any) -> Iterator[str]:
    """Every string in a loaded cassette (keys too): YAML may fold a long body over several lines."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, bytes):
        yield value.decode("utf-8", "replace")
    elif isinstance(value, str):
        yield value


def problems(text: str) -> list[str]:
    """What in one string of a cassette must not be committed."""
    found = []
    secrets = {DEMO_CLIENT_SECRET, os.environ.get("KORUSTICKET_CLIENT_SECRET") or DEMO_CLIENT_SECRET}
    found += [f"bearer token {t[:12]}..." for t in BEARER.findall(text) if t != TOKEN_PLACEHOLDER]
    found += [f"JWT-looking string {t[:12]}..." for t in JWT.findall(text)]
    found += ["a client secret" for s in secrets if s in text]
    found += [f"client_secret={v[:4]}..." for v in SECRET_PARAM.findall(text) if v != SECRET_PLACEHOLDER]
    found += [f"{k}={v[:4]}..." for k, v in TOKEN_VALUE.findall(text) if v not in (TOKEN_PLACEHOLDER, "")]
    found += [f"e-mail {e}" for e in EMAIL_RE.findall(text) if e not in ALLOWED_EMAILS]
    found += [f"phone {p}" for p in PHONE_VALUE.findall(text) if p not in (PHONE_PLACEHOLDER, "")]
    return found


def test_there_are_cassettes() -> None:
    assert len(ALL) >= 7, f"expected the committed cassettes under {CASSETTES}"


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_cassette_is_scrubbed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = problems(text)  # the raw file, and each loaded string (YAML folds long bodies)
    for value in strings(yaml.safe_load(text)):
        found += problems(value)
    assert not found, f"{path.name} is not scrubbed: {sorted(set(found))}"


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_cassette_says_what_it_was_recorded_against(path: Path) -> None:
    metadata = yaml.safe_load(path.read_text(encoding="utf-8")).get("metadata") or {}
    origin = metadata.get("recorded_against")
    assert origin == STAND_IN_ORIGIN or str(origin).startswith(("https://", "http://")), f"{path.name}: {origin!r}"


@pytest.mark.parametrize(
    "dirty",
    [
        "authorization: Bearer abc.def.ghi",
        '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.sig"}',
        '{"refresh_token":"opaque-refresh"}',
        f"grant_type=client_credentials&client_id=x&client_secret={DEMO_CLIENT_SECRET}",
        "client_secret=s3cr3t",
        '{"customer":{"email":"jane.doe@example.com"}}',
        "contact jane@corp.fr for details",
        '{"beneficiary":{"phone":"+33612345678"}}',
    ],
)
def test_the_check_catches(dirty: str) -> None:
    assert problems(dirty)


def test_the_check_accepts_placeholders() -> None:
    clean = (
        f"Bearer {TOKEN_PLACEHOLDER} client_secret={SECRET_PLACEHOLDER} "
        f'{{"access_token":"{TOKEN_PLACEHOLDER}","email":"scrubbed@example.com","phone":"{PHONE_PLACEHOLDER}",'
        '"token_type":"Bearer","scope":"profile email"}'
    )
    assert problems(clean) == []
