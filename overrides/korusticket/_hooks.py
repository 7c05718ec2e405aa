"""Hand-written behaviour of the operations that need more than a request and a parse.

The operations table (scripts/codegen/operations.yaml) names a hook per such operation. A hook's
first parameter is the call's effective options (``core.effective``: the call's over the
``with_options`` defaults, ``max_retries`` always set); the generated resource method takes the
hook's other parameters plus ``**options``, returns what its flow returns, and runs the flow
sync or async. The first line of each docstring joins the method's. Request dicts are typed with
the shapes of korusticket.types (``ReservationItemInput``, ``CustomerInput``,
``BeneficiaryInput``), which the generated methods take too; the run-time checks in _operations stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from korusticket_api.models import BookingOrder, BookingOrderItemTicket, BookingReservation

from ._bulk import BulkResult
from ._config import RequestOptions
from ._ids import IdLike
from ._operations import Call, Flow, create_orders_flow, create_reservations_flow, set_beneficiary_call
from ._shapes import BeneficiaryInput, CustomerInput, ReservationItemInput

__all__ = ["create_orders", "create_reservations", "set_beneficiary"]


def _one(call: Call[Any]) -> Flow[Any]:
    result = yield call
    return result


def create_reservations(
    options: RequestOptions, items: Sequence[ReservationItemInput]
) -> Flow[BulkResult[BookingReservation]]:
    """Items: ``{"offer", "quantity", "ticket_sessions": [{"ticket", "session"?, "form_data"?}]}``.
    Some items may fail while others succeed: check ``.failed`` (every item is accounted for)."""
    return create_reservations_flow(items, options)


def create_orders(
    options: RequestOptions,
    reservations: Sequence[IdLike],
    customer: CustomerInput,
    external_reference: str,
    *,
    notes: str | None = None,
) -> Flow[BulkResult[BookingOrder]]:
    """``external_reference`` (your own id, 1-50 characters) makes this safe to retry: a lost
    answer is resolved by looking the orders up, never by a blind second POST. ``notes``: a
    message for the ticket issuer (e.g. "Special assistance needed")."""
    return create_orders_flow(reservations, customer, external_reference, options=options, notes=notes)


def set_beneficiary(
    options: RequestOptions, order: IdLike, item: IdLike, id: IdLike, beneficiary: BeneficiaryInput
) -> Flow[BookingOrderItemTicket]:
    """Name the ticket holder (merge-patch); ``firstname`` and ``lastname`` are required."""
    return _one(set_beneficiary_call(order, item, id, beneficiary, options))
