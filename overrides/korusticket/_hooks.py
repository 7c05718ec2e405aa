"""Hand-written behaviour of the operations that need more than a request and a parse.

The operations table (scripts/codegen/operations.yaml) names a hook per such operation; the
generated resource method takes the hook's parameters (after ``core``), returns what its flow
returns, and runs the flow sync or async. The first line of each docstring joins the method's. Request dicts are typed with the shapes of
korusticket.types (``ReservationItemInput``, ``CustomerInput``, ``BeneficiaryInput``), which the
generated methods take too; the run-time checks in _operations stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, Unpack

from korusticket_api.models import BookingOrder, BookingOrderItemTicket, BookingReservation

from ._bulk import BulkResult
from ._config import Clock, Config, RequestOptions, merge_options
from ._ids import IdLike
from ._operations import Call, Flow, create_orders_flow, create_reservations_flow, set_beneficiary_call
from ._shapes import BeneficiaryInput, CustomerInput, ReservationItemInput

__all__ = ["Core", "create_orders", "create_reservations", "set_beneficiary"]


class Core(Protocol):
    """What a hook may read of the client (sync or async)."""

    @property
    def config(self) -> Config: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def defaults(self) -> RequestOptions: ...


def _one(call: Call[Any]) -> Flow[Any]:
    result = yield call
    return result


def create_reservations(
    core: Core, items: Sequence[ReservationItemInput], **options: Unpack[RequestOptions]
) -> Flow[BulkResult[BookingReservation]]:
    """Items: ``{"offer", "quantity", "ticket_sessions": [{"ticket", "session"?, "form_data"?}]}``.
    Some items may fail while others succeed: check ``.failed`` (every item is accounted for)."""
    return create_reservations_flow(items, options)


def create_orders(
    core: Core,
    reservations: Sequence[IdLike],
    customer: CustomerInput,
    external_reference: str,
    *,
    notes: str | None = None,
    **options: Unpack[RequestOptions],
) -> Flow[BulkResult[BookingOrder]]:
    """``external_reference`` (your own id, 1-50 characters) makes this safe to retry: a lost
    answer is resolved by looking the orders up, never by a blind second POST. ``notes``: a
    message for the ticket issuer (e.g. "Special assistance needed")."""
    # The effective max_retries: the call's, over with_options' defaults, over the client's.
    attempts = merge_options(core.defaults, options).get("max_retries", core.config.max_retries)
    return create_orders_flow(
        reservations, customer, external_reference, now=core.clock(), attempts=attempts, options=options, notes=notes
    )


def set_beneficiary(
    core: Core,
    order: IdLike,
    item: IdLike,
    id: IdLike,
    beneficiary: BeneficiaryInput,
    **options: Unpack[RequestOptions],
) -> Flow[BookingOrderItemTicket]:
    """Name the ticket holder (merge-patch); ``firstname`` and ``lastname`` are required."""
    return _one(set_beneficiary_call(order, item, id, beneficiary, options))
