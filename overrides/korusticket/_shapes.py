"""Typed request shapes: the dicts the hand-written operations take (reservations.create,
orders.create, order_tickets.set_beneficiary). IDEs complete their keys and mypy catches typos;
the run-time checks stay (a plain dict works too, and is checked the same way).

They are generated from the request schemas (korusticket_api/shapes.py, by scripts/codegen/shapes.py
from the `shapes:` of the operations table), with ``FIELDS``: what the run-time checks accept. A field
a release adds is accepted and sent, an enum value it removes is refused, with no edit here.
"""

from korusticket_api.shapes import (
    FIELDS,
    BeneficiaryInput,
    CustomerInput,
    Field,
    FormData,
    FormFieldValue,
    ReservationItemByIri,
    ReservationItemFromOffer,
    ReservationItemInput,
    TicketSessionInput,
)

__all__ = [
    "FIELDS",
    "BeneficiaryInput",
    "CustomerInput",
    "Field",
    "FormData",
    "FormFieldValue",
    "ReservationItemByIri",
    "ReservationItemFromOffer",
    "ReservationItemInput",
    "TicketSessionInput",
]
