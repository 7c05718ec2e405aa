"""Cassette tests of the booking flow (vcrpy through pytest-recording).

Replay (the default, and what ``make test`` / CI run): record mode ``none``, network blocked by the
``block_network`` mark, nothing is started; base URL, clock, external reference and document ids
come from the cassette's ``metadata``. A missing cassette or request fails the test
(``CannotOverwriteExistingCassetteException``); nothing reaches the network.

Recording: ``make record`` (scripts/record_cassettes.py) runs these tests with
``--record-mode=rewrite`` and ``KORUSTICKET_RECORD_TARGET`` = ``stand-in`` (a ``StandInServer`` on
loopback with a ``FakeClock``) or ``demo`` (the demo server, credentials from KORUSTICKET_*).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from korusticket.testing import FakeClock, StandIn, StandInServer
from vcr.persisters.filesystem import FilesystemPersister

from tests.support.cassettes import Env, before_record_request, before_record_response

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes"
TARGET_ENV = "KORUSTICKET_RECORD_TARGET"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "stand_in_only: needs the stand-in's seeded data; not recorded on the demo server"
    )


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    # pytest-recording 0.14.1's CombinedPersister unpacks (requests, responses) only and breaks on the
    # (requests, responses, metadata) that vcrpy 9.4 returns for cassettes with metadata: use vcrpy's own.
    vcr.register_persister(FilesystemPersister)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    return {
        "before_record_request": before_record_request,
        "before_record_response": before_record_response,
        "decode_compressed_response": True,
        # the body too: a change in what the client sends must fail the replay
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
    }


@pytest.fixture
def env(vcr: Any, record_mode: str) -> Iterator[Env]:
    target = None if record_mode == "none" else os.environ.get(TARGET_ENV, "stand-in")
    if target == "demo":
        yield Env(vcr, target, os.environ.get("KORUSTICKET_BASE_URL", "https://api.demo.korusticket.com"))
    elif target == "stand-in":
        clock = FakeClock()  # starts at FakeClock.DEFAULT_START: same ids and dates at every recording
        with StandInServer(StandIn(clock=clock), serve_files=False) as server:  # document URLs as the demo's
            yield Env(vcr, target, server.base_url, (server.stand_in, clock))
    else:
        yield Env(vcr, None)
