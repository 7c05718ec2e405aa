"""Parse cost: a 50-item order page into models, against ``json.loads`` alone.

The page is the documented order (tests/fixtures/documented_payloads.py ORDER) 50 times with
varied ids, in the Hydra envelope. Models: ``OrdersListResponse200.from_dict(json.loads(body))``,
which is what the client runs for each page of ``kt.orders.list()``.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from functools import partial
from typing import Any

import httpx
from korusticket_api.models import OrdersListResponse200

from ._payloads import order_page
from ._stats import Figure, Section, Spread, alternate, median_call, ratio

__all__ = ["run"]

ITEMS = 50


def _client_check() -> Callable[[httpx.Response, Any], object] | None:
    """The client's check of 2xx bodies against the spec (private; None if it moved or went away)."""
    try:
        from korusticket._decode import check_body
    except ImportError:
        return None
    return check_body


def run(*, rounds: int = 15, calls: int = 30) -> Section:
    section = Section("Parse cost")
    body = order_page(ITEMS)
    page = OrdersListResponse200.from_dict(json.loads(body))
    assert isinstance(page.member, list)
    assert len(page.member) == ITEMS

    def loads() -> object:
        return json.loads(body)

    def models() -> object:
        return OrdersListResponse200.from_dict(json.loads(body))

    check_body = _client_check()
    response = httpx.Response(200, content=body, request=httpx.Request("GET", "https://bench/v1/booking/orders"))

    def client() -> object:
        # What the client runs per page: the generated parse, then the spec check on a second json.loads.
        parsed = OrdersListResponse200.from_dict(json.loads(body))
        if check_body is not None and check_body(response, json.loads(body)) is not None:
            raise AssertionError("the benchmark page does not fit the spec")
        return parsed

    for fn in (loads, models, client):
        median_call(fn, 10)
    loads_t, models_t, client_t = alternate([partial(median_call, fn, calls) for fn in (loads, models, client)], rounds)

    # Items/s: higher is better, so the spread is min/median/max of the per-round rates.
    loads_rate = Spread.of([ITEMS / t for t in loads_t])
    models_rate = Spread.of([ITEMS / t for t in models_t])
    section.figures += [
        Figure(
            f"Parse: {ITEMS}-order page into models (`OrdersListResponse200.from_dict`)",
            models_rate,
            lambda x: f"{x:,.0f} items/s",
            detail=f"{len(body) / 1024:.0f} KiB page; {rounds} rounds x {calls} pages",
        ),
        Figure(f"Parse: same page, `json.loads` alone ({ITEMS} orders)", loads_rate, lambda x: f"{x:,.0f} items/s"),
        Figure(
            "Parse: models / `json.loads` time",
            Spread.of([m / lo for m, lo in zip(models_t, loads_t, strict=True)]),
            ratio,
        ),
    ]
    if check_body is not None:
        section.figures.append(
            Figure(
                "Parse: models + the client's spec check (`_decode.check_body`) / models alone",
                Spread.of([c / m for c, m in zip(client_t, models_t, strict=True)]),
                ratio,
                detail=f"{ITEMS / statistics.median(client_t):,.0f} items/s: what `kt.orders.list()` pays per page",
            )
        )
    return section
