"""KORUSTICKET_LOG=info|debug: one line per request on the korusticket.http logger (issue 14)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from korusticket import InputError, KorusTicket

from tests.support.bodies import CATALOG, CLIENT_SECRET, access_token, catalog_body

LINE = re.compile(r"^(GET|POST|PATCH) (/\S*) (\d{3}|\w+) \d+\.\d{3}s attempt=(\d)/(\d) request_id=(\S+)$")


@pytest.fixture
def restore_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("korusticket")
    level, handlers = logger.level, list(logger.handlers)
    yield logger
    logger.setLevel(level)
    logger.handlers[:] = handlers


def test_one_line_per_request_with_status_elapsed_attempt_and_request_id(
    api: Any, make_client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="korusticket.http")
    kt = make_client(max_retries=2, sleep=lambda s: None)
    api.replies = [httpx.Response(503), httpx.Response(200, json=catalog_body(), headers={"x-request-id": "r-7"})]
    kt.catalogs.get(CATALOG)
    lines = [r.getMessage() for r in caplog.records if r.name == "korusticket.http"]
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    token, first, second = (m.groups() for m in parsed if m)
    assert token[0] == "POST"
    assert token[1].endswith("/token")
    assert token[2] == "200"
    assert first == ("GET", f"/v1/ticketing/catalogs/{CATALOG}", "503", "1", "3", "-")
    assert second == ("GET", f"/v1/ticketing/catalogs/{CATALOG}", "200", "2", "3", "r-7")
    for record in caplog.records:
        assert CLIENT_SECRET not in record.getMessage()
        assert access_token(1) not in record.getMessage()


def test_a_connection_error_is_logged_by_name(api: Any, make_client: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="korusticket.http")
    kt = make_client(max_retries=0)
    kt.catalogs.get(CATALOG)  # the token first
    api.replies = [httpx.ConnectError("refused")]
    with pytest.raises(Exception, match="ConnectError"):
        kt.catalogs.get(CATALOG)
    assert caplog.records[-1].getMessage().split()[2] == "ConnectError"


@pytest.mark.parametrize(("value", "level"), [("info", logging.INFO), ("DEBUG", logging.DEBUG)])
def test_korusticket_log_sets_the_level(
    value: str, level: int, monkeypatch: pytest.MonkeyPatch, restore_logger: logging.Logger
) -> None:
    monkeypatch.setenv("KORUSTICKET_LOG", value)
    KorusTicket(token="t")
    assert restore_logger.level == level
    assert logging.getLogger("korusticket.http").isEnabledFor(logging.INFO)


def test_korusticket_log_unknown_level(monkeypatch: pytest.MonkeyPatch, restore_logger: logging.Logger) -> None:
    monkeypatch.setenv("KORUSTICKET_LOG", "loud")
    with pytest.raises(InputError) as info:
        KorusTicket(token="t")
    assert info.value.field == "KORUSTICKET_LOG"


def test_without_korusticket_log_nothing_is_configured(
    monkeypatch: pytest.MonkeyPatch, restore_logger: logging.Logger
) -> None:
    monkeypatch.delenv("KORUSTICKET_LOG", raising=False)
    before = (restore_logger.level, list(restore_logger.handlers))
    KorusTicket(token="t")
    assert (restore_logger.level, list(restore_logger.handlers)) == before
