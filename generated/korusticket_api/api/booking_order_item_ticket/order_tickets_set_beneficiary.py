from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_order_item_ticket import BookingOrderItemTicket
from ...models.booking_order_item_ticket_patch_write import (
    BookingOrderItemTicketPatchWrite,
)
from ...models.constraint_violation_jsonld import ConstraintViolationJsonld
from ...models.error_jsonld import ErrorJsonld
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    order_item_id: str,
    id: str,
    *,
    body: BookingOrderItemTicketPatchWrite,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "order_tickets_set_beneficiary"},
        "method": "patch",
        "url": "/v1/booking/orders/{order_id}/items/{order_item_id}/tickets/{id}".format(
            order_id=quote(str(order_id), safe=""),
            order_item_id=quote(str(order_item_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld | None:
    if response.status_code == 200:
        response_200 = BookingOrderItemTicket.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorJsonld.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = ErrorJsonld.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorJsonld.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ConstraintViolationJsonld.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    order_item_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderItemTicketPatchWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld]:
    """Updates the BookingOrderItemTicket resource.

     Set or replace the beneficiary (ticket holder) of one ticket. Some products need beneficiary data
    before the ticket documents can be produced: read `requiredBeneficiaryFields` on the ticket (or on
    `items[].tickets[]` of the order) and send at least those fields before
    `beneficiaryDesignationDeadline`, while `beneficiaryAmendable` is true.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderItemTicketPatchWrite): Body of the ticket PATCH (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        order_item_id=order_item_id,
        id=id,
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    order_item_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderItemTicketPatchWrite,
    accept_language: str | Unset = UNSET,
) -> BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld | None:
    """Updates the BookingOrderItemTicket resource.

     Set or replace the beneficiary (ticket holder) of one ticket. Some products need beneficiary data
    before the ticket documents can be produced: read `requiredBeneficiaryFields` on the ticket (or on
    `items[].tickets[]` of the order) and send at least those fields before
    `beneficiaryDesignationDeadline`, while `beneficiaryAmendable` is true.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderItemTicketPatchWrite): Body of the ticket PATCH (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld
    """

    return sync_detailed(
        order_id=order_id,
        order_item_id=order_item_id,
        id=id,
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    order_item_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderItemTicketPatchWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld]:
    """Updates the BookingOrderItemTicket resource.

     Set or replace the beneficiary (ticket holder) of one ticket. Some products need beneficiary data
    before the ticket documents can be produced: read `requiredBeneficiaryFields` on the ticket (or on
    `items[].tickets[]` of the order) and send at least those fields before
    `beneficiaryDesignationDeadline`, while `beneficiaryAmendable` is true.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderItemTicketPatchWrite): Body of the ticket PATCH (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        order_item_id=order_item_id,
        id=id,
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    order_item_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderItemTicketPatchWrite,
    accept_language: str | Unset = UNSET,
) -> BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld | None:
    """Updates the BookingOrderItemTicket resource.

     Set or replace the beneficiary (ticket holder) of one ticket. Some products need beneficiary data
    before the ticket documents can be produced: read `requiredBeneficiaryFields` on the ticket (or on
    `items[].tickets[]` of the order) and send at least those fields before
    `beneficiaryDesignationDeadline`, while `beneficiaryAmendable` is true.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderItemTicketPatchWrite): Body of the ticket PATCH (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderItemTicket | ConstraintViolationJsonld | ErrorJsonld
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            order_item_id=order_item_id,
            id=id,
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed
