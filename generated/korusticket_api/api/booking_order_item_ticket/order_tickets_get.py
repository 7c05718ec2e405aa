from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_order_item_ticket import BookingOrderItemTicket
from ...models.error_jsonld import ErrorJsonld
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    order_item_id: str,
    id: str,
    *,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "order_tickets_get"},
        "method": "get",
        "url": "/v1/booking/orders/{order_id}/items/{order_item_id}/tickets/{id}".format(
            order_id=quote(str(order_id), safe=""),
            order_item_id=quote(str(order_item_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingOrderItemTicket | ErrorJsonld | None:
    if response.status_code == 200:
        response_200 = BookingOrderItemTicket.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = ErrorJsonld.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorJsonld.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BookingOrderItemTicket | ErrorJsonld]:
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
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderItemTicket | ErrorJsonld]:
    """Retrieves a BookingOrderItemTicket resource.

     Retrieves one issued ticket of an order item, with its beneficiary requirements and status.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderItemTicket | ErrorJsonld]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        order_item_id=order_item_id,
        id=id,
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
    accept_language: str | Unset = UNSET,
) -> BookingOrderItemTicket | ErrorJsonld | None:
    """Retrieves a BookingOrderItemTicket resource.

     Retrieves one issued ticket of an order item, with its beneficiary requirements and status.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderItemTicket | ErrorJsonld
    """

    return sync_detailed(
        order_id=order_id,
        order_item_id=order_item_id,
        id=id,
        client=client,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    order_item_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderItemTicket | ErrorJsonld]:
    """Retrieves a BookingOrderItemTicket resource.

     Retrieves one issued ticket of an order item, with its beneficiary requirements and status.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderItemTicket | ErrorJsonld]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        order_item_id=order_item_id,
        id=id,
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
    accept_language: str | Unset = UNSET,
) -> BookingOrderItemTicket | ErrorJsonld | None:
    """Retrieves a BookingOrderItemTicket resource.

     Retrieves one issued ticket of an order item, with its beneficiary requirements and status.

    Args:
        order_id (str):
        order_item_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderItemTicket | ErrorJsonld
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            order_item_id=order_item_id,
            id=id,
            client=client,
            accept_language=accept_language,
        )
    ).parsed
