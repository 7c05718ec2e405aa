"""Every operation of the spec without a hook, through kt.<resource>.<method>, sync and async, against
the stand-in: whatever the release, each operation's method reaches a stand-in answer that parses.

The arguments come from the stand-in's own world (seed documents, offers, a booked order): for
each operation, an IRI the stand-in serves that fits the path template gives the path arguments, and
a method that takes a body gets its request model with each required field filled in. Each client
gets a fresh stand-in: a state-changing action called by the sync client must not meet its own
effect when the async client calls it.
"""

from __future__ import annotations

import asyncio
import inspect
import typing
from typing import Any

import attrs
import pytest
from korusticket import AsyncKorusTicket, AsyncPaginator, KorusTicket, Paginator
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FakeClock, StandIn
from korusticket.testing._paths import fill, template_regex
from korusticket.testing._serialize import Iri

from tests.support.operations import Operation, answered_from_schema, operations, warns_if_deprecated

OPERATIONS = [op for op in operations() if op.hook is None]  # hooks have tests of their own


@pytest.fixture
def world() -> tuple[StandIn, list[str]]:
    """A stand-in with one order booked, and every IRI it can serve."""
    stand_in = StandIn(clock=FakeClock())
    (order,) = stand_in.seed_orders(1)
    seed = stand_in.state.seed
    pool = list(stand_in.state.documents.by_iri)
    pool += [Iri.catalog(c) for c in seed.catalogs]
    pool += [Iri.offer(o.catalog_id, o.id) for o in seed.offers.values()]
    pool += [Iri.ticket(o.catalog_id, o.id, t.id) for o in seed.offers.values() for t in o.tickets]
    pool += [Iri.product(p.catalog_id, p.id) for p in seed.products.values()]
    pool += [Iri.form(f) for f in seed.forms]
    record = stand_in.state.orders[order.rsplit("/", 1)[-1]]
    pool += [order, f"/v1/booking/reservations/{record.reservation_id}", *stand_in.document_iris(order)]
    pool += [Iri.order_ticket(record.id, t.item_id, t.id) for t in record.tickets]
    forbidden = stand_in.demo.catalog_forbidden
    return stand_in, [iri for iri in pool if not iri.startswith(forbidden)]  # another organization's: 403


def path_for(template: str, pool: list[str]) -> str:
    """A concrete path of `template` the stand-in serves (an item, a collection above one, or a view
    below one: /offers/{id}/price), else one with made-up ids."""
    if (found := next((iri for iri in pool if template_regex(template).match(iri)), None)) is not None:
        return found
    parent, _, tail = template.rpartition("/")
    if "{" not in tail:
        for iri in pool:
            if template_regex(parent).match(iri):
                return f"{iri}/{tail}"
            if template_regex(template + "/{id}").match(iri):
                return iri.rsplit("/", 1)[0]
    # Nothing seeded there (an operation a release just added): any ids; the stand-in answers from the schema.
    return fill(template, "0199570c-9a85-7f53-962a-a8f0a54441cb")


def call_args(op: Operation, pool: list[str]) -> list[str]:
    path = path_for(op.path, pool)
    match = template_regex(op.path).match(path)
    assert match is not None, (op.path, path)
    return list(match.groups())


SAMPLES: dict[Any, Any] = {str: "text", int: 1, bool: False, float: 1.0}


def body_for(method: Any) -> list[Any]:
    """The request model a method takes as `body`, each required field set to a sample of its type."""
    if "body" not in inspect.signature(method).parameters:
        return []
    hint = typing.get_type_hints(method)["body"]  # Model | Mapping[str, object]
    cls = next(t for t in (typing.get_args(hint) or (hint,)) if attrs.has(t))
    required = {f.name: f.type for f in attrs.fields(cls) if f.default is attrs.NOTHING and f.init}
    hints = typing.get_type_hints(cls)
    return [cls(**{name: SAMPLES.get(hints.get(name), "text") for name in required})]


def check(result: Any, op: Operation, stand_in: StandIn) -> None:
    """A model, or a list of them: not empty where the stand-in has data for the operation (only an
    operation it answers from the schema alone may list nothing)."""
    items = result if isinstance(result, list) else [result]
    assert items or answered_from_schema(stand_in, op.path), f"{op.resource}.{op.method} listed nothing"
    assert all(hasattr(item, "to_dict") for item in items)


@pytest.mark.parametrize("op", OPERATIONS, ids=[f"{o.resource}.{o.method}" for o in OPERATIONS])
def test_sync(op: Operation, world: tuple[StandIn, list[str]]) -> None:
    stand_in, pool = world
    kt = KorusTicket(
        client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport(),
        validate_responses="strict",
    )  # fmt: skip
    method = getattr(getattr(kt, op.resource), op.method)
    with warns_if_deprecated(op):
        result = method(*call_args(op, pool), *body_for(method))
    check(list(result) if isinstance(result, Paginator) else result, op, stand_in)


@pytest.mark.parametrize("op", OPERATIONS, ids=[f"{o.resource}.{o.method}" for o in OPERATIONS])
def test_async(op: Operation, world: tuple[StandIn, list[str]]) -> None:
    stand_in, pool = world

    async def main() -> Any:
        async with AsyncKorusTicket(
            client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.async_transport(),
            validate_responses="strict",
        ) as kt:  # fmt: skip
            method = getattr(getattr(kt, op.resource), op.method)
            result = method(*call_args(op, pool), *body_for(method))
            if isinstance(result, AsyncPaginator):
                return [item async for item in result]
            return await result

    with warns_if_deprecated(op):
        check(asyncio.run(main()), op, stand_in)


def test_check_refuses_an_empty_list_where_the_stand_in_has_data(world: tuple[StandIn, list[str]]) -> None:
    stand_in, _ = world
    (orders_list,) = [op for op in OPERATIONS if op.resource == "orders" and op.method == "list"]
    with pytest.raises(AssertionError, match=r"orders\.list listed nothing"):
        check([], orders_list, stand_in)
