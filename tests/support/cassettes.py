"""Scrubbing and placeholders for the cassettes in tests/cassettes (used by conftest.py and the tests).

Cassettes are recorded with vcrpy through pytest-recording. Before anything is written, and on
every request matched during replay (vcrpy runs ``before_record_request`` on both), these hooks:

- replace the ``authorization`` header by ``Bearer <TOKEN_PLACEHOLDER>``;
- replace ``client_secret`` (and ``client_id``) in token request bodies;
- replace ``access_token`` / ``refresh_token`` / ``id_token`` values in token responses;
- replace every ``email`` and ``phone`` in JSON bodies, and any other e-mail address found in a body;
- rewrite the stand-in's random loopback port to ``STAND_IN_PORT``, so re-recordings do not churn.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
from korusticket import API_VERSION, KorusTicket, __version__
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH, FakeClock, StandIn

TOKEN_PLACEHOLDER = "scrubbed-token"
SECRET_PLACEHOLDER = "scrubbed-secret"
CLIENT_ID_PLACEHOLDER = "scrubbed-client-id"
EMAIL_PLACEHOLDER = "scrubbed@example.com"
PHONE_PLACEHOLDER = "+33000000000"
STAND_IN_PORT = 8787
STAND_IN_BASE_URL = f"http://127.0.0.1:{STAND_IN_PORT}"
STAND_IN_ORIGIN = f"korusticket.testing stand-in (in-memory fake of the KorusTicket API {API_VERSION}, served on loopback); not the real API"

ALLOWED_EMAILS = frozenset({EMAIL_PLACEHOLDER})
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
LOOPBACK_RE = re.compile(r"(?<=127\.0\.0\.1:)\d+")
TOKEN_KEYS = frozenset({"access_token", "refresh_token", "id_token"})
DROPPED_RESPONSE_HEADERS = frozenset({"date", "set-cookie"})  # churn between recordings; cookies may be sessions
FORM_SECRETS = {"client_secret": SECRET_PLACEHOLDER, "client_id": CLIENT_ID_PLACEHOLDER}


def _scrub_json(value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in TOKEN_KEYS and isinstance(item, str):
                out[key] = TOKEN_PLACEHOLDER
            elif key == "email" and isinstance(item, str):
                out[key] = EMAIL_PLACEHOLDER
            elif key == "phone" and isinstance(item, str):
                out[key] = PHONE_PLACEHOLDER
            else:
                out[key] = _scrub_json(item)
        return out
    if isinstance(value, list):
        return [_scrub_json(item) for item in value]
    if isinstance(value, str):
        return EMAIL_RE.sub(lambda m: m[0] if m[0] in ALLOWED_EMAILS else EMAIL_PLACEHOLDER, value)
    return value


def scrub_body(body: bytes | str | None, content_type: str) -> bytes | str | None:
    """The body with secrets and personal data replaced; left as is when it is neither JSON nor a form."""
    if not body:
        return body
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    if "x-www-form-urlencoded" in content_type:
        pairs = [(k, FORM_SECRETS.get(k, v)) for k, v in parse_qsl(text, keep_blank_values=True)]
        scrubbed = urlencode(pairs)
    elif "json" in content_type:
        try:
            scrubbed = json.dumps(_scrub_json(json.loads(text)), ensure_ascii=False, separators=(",", ":"))
        except ValueError:
            scrubbed = EMAIL_RE.sub(EMAIL_PLACEHOLDER, text)
    else:
        scrubbed = text
    return scrubbed.encode("utf-8") if isinstance(body, bytes) else scrubbed


def _header(headers: Any, name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) and value else value)
    return ""


def before_record_request(request: Any) -> Any:
    """vcrpy hook: runs on a copy of each request, both when recording and when matching in replay."""
    request.uri = LOOPBACK_RE.sub(str(STAND_IN_PORT), request.uri)
    for key in list(request.headers):
        if key.lower() == "authorization":
            request.headers[key] = f"Bearer {TOKEN_PLACEHOLDER}"
        elif key.lower() == "host":
            request.headers[key] = LOOPBACK_RE.sub(str(STAND_IN_PORT), request.headers[key])
    request.body = scrub_body(request.body, _header(request.headers, "content-type"))
    return request


def before_record_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy hook: runs on each response before it is saved."""
    headers = response.get("headers", {})
    for key in [k for k in headers if k.lower() in DROPPED_RESPONSE_HEADERS]:
        del headers[key]
    body = response.get("body", {}).get("string")
    scrubbed = scrub_body(body, _header(response.get("headers", {}), "content-type"))
    if scrubbed != body:
        response["body"]["string"] = scrubbed
        for key in response.get("headers", {}):
            if key.lower() == "content-length":
                length = len(scrubbed.encode("utf-8") if isinstance(scrubbed, str) else scrubbed or b"")
                response["headers"][key] = [str(length)]
    return response


class Env:
    """Where a cassette test talks to, the same way in replay and while recording.

    ``meta(key, value)`` stores ``value`` in the cassette while recording and reads it back in replay
    (vcrpy ``Cassette.get_metadata``), so values that vary between recordings stay deterministic.
    """

    def __init__(
        self,
        cassette: Any,
        target: str | None,
        base_url: str | None = None,
        stand_in: tuple[StandIn, FakeClock] | None = None,
    ) -> None:
        self.cassette, self.target = cassette, target
        if target is None and not Path(cassette.path).is_file():
            pytest.fail(
                f"no cassette {cassette.path}: record it (make record, or scripts/record_cassettes.py --stand-in)"
            )
        self.stand_in = stand_in[0] if stand_in else None
        self.recording = target is not None
        self.meta("recorded_against", STAND_IN_ORIGIN if target == "stand-in" else base_url)
        self.meta("recorded_with", f"korusticket {__version__}, tests/flow via scripts/record_cassettes.py")
        self.meta("api_version", API_VERSION)
        start = stand_in[1]() if stand_in else dt.datetime.now(dt.UTC).replace(microsecond=0)
        self.clock = FakeClock(dt.datetime.fromisoformat(self.meta("clock", start.isoformat())))
        if stand_in is not None:
            self.clock = stand_in[1]  # the stand-in's own clock: advancing it expires reservations
        self.base_url: str = self.meta("base_url", STAND_IN_BASE_URL if stand_in else base_url)
        token_url = STAND_IN_BASE_URL + TOKEN_PATH if stand_in else os.environ.get("KORUSTICKET_TOKEN_URL")
        self.token_url: str | None = self.meta("token_url", token_url)
        self.live_url = base_url if stand_in else None  # the real port; the cassette says STAND_IN_PORT

    def meta(self, key: str, value: Any = None) -> Any:
        return self.cassette.get_metadata(key, value)

    def demo(self, name: str) -> str:
        """An IRI of the stand-in's seeded data (``StandIn.demo``); only stand-in recordings have them."""
        if self.target == "demo":
            pytest.skip(f"needs the stand-in's {name}")
        return str(self.meta(f"demo.{name}", getattr(self.stand_in.demo, name) if self.stand_in else None))

    def client(self, **overrides: Any) -> KorusTicket:
        """A client on the recorded base URL (live: the stand-in's real port, rewritten in the cassette)."""
        options: dict[str, Any] = {
            "base_url": self.live_url or self.base_url,
            "token_url": self.live_url + TOKEN_PATH if self.live_url else self.token_url,
            "clock": self.clock,
            "sleep": lambda _: None,
            "validate_responses": "strict",
        }
        if self.target != "demo":  # replay sends anything: secrets are scrubbed before matching
            options.update(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
        return KorusTicket(**{**options, **overrides})
