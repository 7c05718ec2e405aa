"""Parse cost: a 50-item order page into models, against ``json.loads`` alone.

The page is the documented order (tests/support/documented_payloads.py ORDER) 50 times with
varied ids, in the Hydra envelope. Sides, each timed per page and alternated round by round:

- ``json.loads`` alone (the floor any Python client pays);
- models: ``OrdersListResponse200.from_dict(json.loads(body))``;
- the client: what ``kt.orders.list()`` runs per page once the bytes are in, i.e. the private
  ``korusticket._base._parse`` (one ``json.loads``, then ``from_dict(body, check=True)``: the
  models check the body against the spec while they read it); if that moved, the same steps
  spelled out;
- ``from_dict`` with and without its check, on an already decoded body, so the client's figure
  splits into its parts; and the full spec check (``_decode.check_body``: the generated checker of
  the request's operation, korusticket_api/_response_checks.py), which the client runs only when
  the models' check fails (to name the field), for raw JSON, and for models that cannot check
  themselves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

import httpx
from korusticket_api.models import OrdersListResponse200

from ._payloads import order_page
from ._stats import Figure, Section, Spread, alternate, median_call, ratio

__all__ = ["run"]

ITEMS = 50
GOAL = 2.0  # issue 16: models plus the default response check at most 2.0x json.loads


def _client_check() -> Callable[[httpx.Response, Any], object] | None:
    """The client's check of 2xx bodies against the spec (private; None if it moved or went away)."""
    try:
        from korusticket._decode import check_body
    except ImportError:
        return None
    return check_body


def _client_parse() -> Callable[[httpx.Response], object] | None:
    """The client's per-response step (private; None if it moved or changed its signature)."""
    try:
        from korusticket._base import _parse
        from korusticket._decode import Validation
    except ImportError:
        return None
    validation = Validation("lenient")  # the client's default mode

    def parse(response: httpx.Response) -> object:
        return _parse(response, OrdersListResponse200, lambda: datetime.now(UTC), validation)

    return parse


def _response(body: bytes) -> httpx.Response:
    """The page's response, its request built as `kt.orders.list()` builds it (the request names
    its operation, which picks the full check)."""
    from korusticket_api.api.booking_order import orders_list

    built = orders_list._get_kwargs(page=1, items_per_page=ITEMS)
    request = httpx.Request(
        built["method"], "https://bench" + built["url"], params=built.get("params"), extensions=built.get("extensions")
    )
    return httpx.Response(200, content=body, request=request)


def _sides(body: bytes) -> tuple[Callable[[], object], ...]:
    """What is timed: json.loads, models, the client, from_dict without and with its check, the full check."""
    decoded = json.loads(body)
    page = OrdersListResponse200.from_dict(decoded)
    assert isinstance(page.member, list)
    assert len(page.member) == ITEMS
    response = _response(body)
    check_body = _client_check()
    client_parse = _client_parse()
    if check_body is not None:
        if check_body(response, decoded) is not None:
            raise AssertionError("the benchmark page does not fit the spec")
        broken = {**decoded, "member": [*decoded["member"][:-1], {**decoded["member"][-1], "id": 5}]}
        if check_body(response, broken) is None:  # a check that did not run would time nothing
            raise AssertionError("the full spec check does not check the benchmark page")

    def client() -> object:
        if client_parse is not None:
            return client_parse(response)
        return OrdersListResponse200.from_dict(json.loads(body), True)

    return (
        lambda: json.loads(body),
        lambda: OrdersListResponse200.from_dict(json.loads(body)),
        client,
        lambda: OrdersListResponse200.from_dict(decoded),
        lambda: OrdersListResponse200.from_dict(decoded, True),
        lambda: None if check_body is None else check_body(response, decoded),
    )


def run(*, rounds: int = 15, calls: int = 30) -> Section:
    section = Section("Parse cost")
    body = order_page(ITEMS)
    sides = _sides(body)
    sides[2]()  # the page fits: _parse raises otherwise
    for fn in sides:
        median_call(fn, 10)
    times = alternate([partial(median_call, fn, calls) for fn in sides], rounds)
    section.figures += _figures(*times, page_bytes=len(body), rounds=rounds, calls=calls)
    return section


def _figures(
    loads_t: list[float],
    models_t: list[float],
    client_t: list[float],
    from_dict_t: list[float],
    checked_t: list[float],
    check_t: list[float],
    *,
    page_bytes: int,
    rounds: int,
    calls: int,
) -> list[Figure]:
    """Each side's per-page time over `json.loads`'s in the same round; the client's and the floor's items/s."""

    def per_loads(times: list[float]) -> Spread:
        return Spread.of([t / lo for t, lo in zip(times, loads_t, strict=True)])

    # Items/s: higher is better, so the spread is min/median/max of the per-round rates.
    return [
        Figure(
            f"Parse: {ITEMS}-order page, models + the default response check / `json.loads` alone",
            per_loads(client_t),
            ratio,
            goal=f"≤ {GOAL:.1f}x",
            check=lambda x: x <= GOAL,
            detail=(
                "what `kt.orders.list()` runs per page: `_base._parse` (json.loads, then `from_dict` checking "
                f"the body as it reads it); {page_bytes / 1024:.0f} KiB page; {rounds} rounds x {calls} pages"
            ),
        ),
        Figure(
            "… models alone (`OrdersListResponse200.from_dict(json.loads(body))`) / `json.loads`",
            per_loads(models_t),
            ratio,
        ),
        Figure(
            "… of which `from_dict(page, check=True)` on the decoded page / `json.loads`",
            per_loads(checked_t),
            ratio,
            detail="models plus the default response check: what the client runs after json.loads",
        ),
        Figure("… `from_dict` without its check / `json.loads`", per_loads(from_dict_t), ratio),
        Figure(
            "… the full spec check (`_decode.check_body`) / `json.loads`",
            per_loads(check_t),
            ratio,
            detail="the generated checker of the operation; runs only when the models' check fails (to name "
            "the field), and on raw JSON",
        ),
        Figure("… client, items/s", Spread.of([ITEMS / t for t in client_t]), lambda x: f"{x:,.0f} items/s"),
        Figure(
            f"… `json.loads` alone, items/s ({ITEMS} orders)",
            Spread.of([ITEMS / t for t in loads_t]),
            lambda x: f"{x:,.0f} items/s",
        ),
    ]
