"""Typed request shapes: the dicts the hand-written operations take (reservations.create,
orders.create, order_tickets.set_beneficiary). IDEs complete their keys and mypy catches typos;
the run-time checks stay (a plain dict works too, and is checked the same way)."""

# No `from __future__ import annotations`: Required[] must be seen at class creation (__required_keys__).

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Required, TypedDict

from ._ids import IdLike

if TYPE_CHECKING:
    from korusticket_api.models import TicketingOffer

__all__ = [
    "BeneficiaryInput",
    "CustomerInput",
    "FormData",
    "FormFieldValue",
    "ReservationItemByIri",
    "ReservationItemFromOffer",
    "ReservationItemInput",
    "TicketSessionInput",
]

Title = Literal["mr", "mrs", "mx"]
"""The titles the API knows (checked at run time too)."""


class FormFieldValue(TypedDict):
    """One answered form field: its IRI and the value encoded as the API wants it."""

    field: str
    value: str


class FormData(TypedDict):
    """A ticket's form answers: what ``korusticket.forms.build_form_data`` returns."""

    form: str
    fields: list[FormFieldValue]


class TicketSessionInput(TypedDict, total=False):
    """One ticket of a reserved offer: the ticket, the session chosen for it (a ticket that is not
    full-day needs one), and its form answers when the ticket has a form."""

    ticket: Required[IdLike]
    session: IdLike | None
    form_data: FormData


class ReservationItemFromOffer(TypedDict, total=False):
    """An item whose offer is the model ``kt.offers`` returned: ``ticket_sessions`` may be left out
    when every ticket of the offer is full-day (the client fills them in; otherwise InputError)."""

    offer: Required["TicketingOffer"]
    quantity: Required[int]
    ticket_sessions: Sequence[TicketSessionInput]


class ReservationItemByIri(TypedDict):
    """An item whose offer is an IRI or id: the client cannot see its tickets, so
    ``ticket_sessions`` (one entry per ticket of the offer) is required."""

    offer: IdLike
    quantity: int
    ticket_sessions: Sequence[TicketSessionInput]


ReservationItemInput = ReservationItemFromOffer | ReservationItemByIri
"""One item of ``kt.reservations.create``: an offer, a quantity, and one entry per ticket of the
offer (``ticket_sessions``), which only an offer model with full-day tickets may leave out."""


class CustomerInput(TypedDict, total=False):
    """The customer of ``kt.orders.create``: ``firstname``, ``lastname`` and ``email`` are required."""

    firstname: Required[str]
    lastname: Required[str]
    email: Required[str]
    phone: str | None
    country: str | None
    language: str | None
    optin: bool | None
    title: Title | None


class BeneficiaryInput(TypedDict, total=False):
    """The ticket holder of ``kt.order_tickets.set_beneficiary`` (merge-patch: None clears a
    field). ``firstname`` and ``lastname`` are required."""

    firstname: Required[str]
    lastname: Required[str]
    title: Title | None
    nationality: str | None
    date_of_birth: dt.date | str | None
    dateOfBirth: dt.date | str | None
    place_of_birth: str | None
    placeOfBirth: str | None
    email: str | None
    phone: str | None
