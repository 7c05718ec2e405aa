"""Types of the KorusTicket client: every model a method returns (generated from the spec) and
what callers annotate with (``IdLike``, ``BulkResult``, ``Paginator``, ...).

    from korusticket.types import BookingOrder, IdLike
"""

from __future__ import annotations

from korusticket_api.resources import types as _models
from korusticket_api.resources.types import *  # noqa: F403 - the generated models are this module's API

from ._bulk import BulkFailure, BulkResult
from ._config import RequestOptions
from ._ids import IdLike
from ._pagination import AsyncPaginator, Page, Paginator
from ._raw import RawResponse
from ._shapes import (
    BeneficiaryInput,
    CustomerInput,
    FormData,
    FormFieldValue,
    ReservationItemByIri,
    ReservationItemFromOffer,
    ReservationItemInput,
    TicketSessionInput,
)

__all__ = [
    "AsyncPaginator",
    "BeneficiaryInput",
    "BulkFailure",
    "BulkResult",
    "CustomerInput",
    "FormData",
    "FormFieldValue",
    "IdLike",
    "Page",
    "Paginator",
    "RawResponse",
    "RequestOptions",
    "ReservationItemByIri",
    "ReservationItemFromOffer",
    "ReservationItemInput",
    "TicketSessionInput",
]
__all__ += _models.__all__
