"""An item (by IRI) is yielded once per walk, however far apart the pages repeating it are; a
page bringing nothing new is a loop. Repeats from the 2 pages before are known by their IRI
string, older ones by a 64-bit fingerprint (a warning names what was skipped)."""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from korusticket import AsyncKorusTicket, KorusTicket, ResponseDecodeError
from korusticket import _pagination as pagination

from tests.support.mock_api import MockAPI

PATH = "/v1/booking/reservations"
SIZE = 10


def iri(i: int) -> str:
    return f"{PATH}/0194cb34-0ad0-711e-b447-{i:012x}"


def reservation(i: int) -> dict[str, Any]:
    return {"@id": iri(i), "@type": "BookingReservation", "id": iri(i).rsplit("/", 1)[1]}


class Pages:
    """Serves exactly the given pages (lists of item numbers), with totalItems and view.next."""

    def __init__(self, *pages: list[int] | range, total: int) -> None:
        self.pages = [list(p) for p in pages]
        self.total = total

    def handler(self, request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        members = self.pages[number - 1] if number <= len(self.pages) else []
        view: dict[str, Any] = {"@id": f"{PATH}?page={number}", "@type": "PartialCollectionView"}
        if number < len(self.pages):
            view["next"] = f"{PATH}?page={number + 1}"
        body = {"member": [reservation(i) for i in members], "totalItems": self.total, "view": view}
        return httpx.Response(200, json=body)


def walk(pages: Pages) -> list[str | None]:
    kt = KorusTicket(token="t", transport=MockAPI(answer=pages.handler).transport(), max_retries=0)
    return [r.iri for r in kt.reservations.list(page_size=SIZE)]


def async_walk(pages: Pages, prefetch: int) -> list[str | None]:
    async def main() -> list[str | None]:
        async with AsyncKorusTicket(
            token="t", transport=MockAPI(answer=pages.handler).transport(), max_retries=0
        ) as kt:
            return [r.iri async for r in kt.reservations.list(page_size=SIZE, prefetch=prefetch)]

    return asyncio.run(main())


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "korusticket" and r.levelno >= logging.WARNING]


# Page 4 repeats item 3 of page 1: 3 pages back, past the IRIs kept as strings.
FAR = Pages(range(10), range(10, 20), range(20, 30), [30, 31, 32, 3, 33, 34, 35, 36, 37, 38, 39], total=40)


@pytest.fixture(params=["hash", "blake2b"])
def fingerprint(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both fingerprints: hash() on 64-bit CPython, BLAKE2b where hash() is narrower."""
    if request.param == "blake2b":
        monkeypatch.setattr(pagination, "_fingerprint", pagination._blake2b_fingerprint)


@pytest.mark.usefixtures("fingerprint")
def test_an_item_repeated_pages_later_is_yielded_once_and_the_warning_names_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="korusticket"):
        assert walk(FAR) == [iri(i) for i in range(40)]
    [warning] = warnings(caplog)
    assert "page 4 repeats 1 item(s)" in warning
    assert iri(3) in warning


@pytest.mark.parametrize("prefetch", [1, 3])
def test_async_walks_yield_an_item_repeated_pages_later_once(prefetch: int, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="korusticket"):
        assert async_walk(FAR, prefetch) == [iri(i) for i in range(40)]
    assert len(warnings(caplog)) == 1


def test_repeats_from_the_same_or_the_2_pages_before_are_skipped_quietly(caplog: pytest.LogCaptureFixture) -> None:
    # Item 9 again at the top of page 2 (an item inserted ahead of the walk shifts the pages),
    # item 5 of page 1 again on page 3, and item 22 twice on page 3.
    pages = Pages(range(10), range(9, 19), [5, 19, 20, 21, 22, 22, 23, 24, 25, 26], range(27, 40), total=40)
    with caplog.at_level(logging.DEBUG, logger="korusticket"):
        assert walk(pages) == [iri(i) for i in range(40)]
    assert warnings(caplog) == []


def test_a_page_that_only_repeats_items_from_pages_back_is_a_detected_loop(caplog: pytest.LogCaptureFixture) -> None:
    pages = Pages(range(10), range(10, 20), range(20, 30), range(30, 40), range(10), range(40, 50), total=50)
    seen: list[str | None] = []
    kt = KorusTicket(token="t", transport=MockAPI(answer=pages.handler).transport(), max_retries=0)
    with (
        caplog.at_level(logging.WARNING, logger="korusticket"),
        pytest.raises(ResponseDecodeError, match="page 5 repeats only items already seen"),
    ):
        seen.extend(r.iri for r in kt.reservations.list(page_size=SIZE))
    assert seen == [iri(i) for i in range(40)]
    assert warnings(caplog) == []  # the error says it


def test_a_fingerprint_collision_skips_the_item_and_the_warning_names_it(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """What the module docstring says happens in the ~n²/2^65 case: item 35 shares item 0's
    fingerprint, is taken for a repeat from 3 pages back, and is not yielded; the warning names it."""
    monkeypatch.setattr(pagination, "_fingerprint", lambda s: hash(iri(0) if s == iri(35) else s))
    pages = Pages(range(10), range(10, 20), range(20, 30), range(30, 40), total=40)
    with caplog.at_level(logging.WARNING, logger="korusticket"):
        assert walk(pages) == [iri(i) for i in range(40) if i != 35]
    [warning] = warnings(caplog)
    assert iri(35) in warning


@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1)))
def test_fingerprints_add_says_whether_a_value_is_new(values: list[int]) -> None:
    prints, known = pagination._Fingerprints(), set()
    for value in values:
        assert prints.add(value) is (value not in known)
        known.add(value)


def test_fingerprints_stay_exact_as_their_buckets_split() -> None:
    rng = random.Random(16)
    values = [rng.getrandbits(64) - 2**63 for _ in range(20_000)] + [-(2**63), 2**63 - 1, 0, -1]
    prints = pagination._Fingerprints()
    assert all(prints.add(v) for v in values)
    assert not any(prints.add(v) for v in values)
    assert all(prints.add(v + 1) for v in values[:1000])  # neighbours are distinct values
    assert len(prints._buckets) >= 64  # it did split, several times


def test_blake2b_fingerprint_is_a_signed_64_bit_value_of_the_string() -> None:
    a, b = pagination._blake2b_fingerprint(iri(1)), pagination._blake2b_fingerprint(iri(2))
    assert a == pagination._blake2b_fingerprint(iri(1)) != b
    assert all(-(2**63) <= v < 2**63 for v in (a, b))
