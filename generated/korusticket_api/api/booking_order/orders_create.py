from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_order_bulk_result import BookingOrderBulkResult
from ...models.booking_order_bulk_write import BookingOrderBulkWrite
from ...models.constraint_violation_jsonld import ConstraintViolationJsonld
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BookingOrderBulkWrite,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "orders_create"},
        "method": "post",
        "url": "/v1/booking/orders/_bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/ld+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingOrderBulkResult | ConstraintViolationJsonld | None:
    if response.status_code == 200:
        response_200 = BookingOrderBulkResult.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = ConstraintViolationJsonld.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BookingOrderBulkResult | ConstraintViolationJsonld]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderBulkWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderBulkResult | ConstraintViolationJsonld]:
    """Creates a BookingOrder resource.

     Turn one or more reservations into confirmed orders for a customer.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each reservation is then ordered from the upstream ticketing
    systems, which may fail independently: partial success is normal. The 200 body lists the created
    orders in `orders` and the failed ones in `failedOrders`.

    Args:
        accept_language (str | Unset):
        body (BookingOrderBulkWrite): Body of POST /v1/booking/orders/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderBulkResult | ConstraintViolationJsonld]
    """

    kwargs = _get_kwargs(
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderBulkWrite,
    accept_language: str | Unset = UNSET,
) -> BookingOrderBulkResult | ConstraintViolationJsonld | None:
    """Creates a BookingOrder resource.

     Turn one or more reservations into confirmed orders for a customer.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each reservation is then ordered from the upstream ticketing
    systems, which may fail independently: partial success is normal. The 200 body lists the created
    orders in `orders` and the failed ones in `failedOrders`.

    Args:
        accept_language (str | Unset):
        body (BookingOrderBulkWrite): Body of POST /v1/booking/orders/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderBulkResult | ConstraintViolationJsonld
    """

    return sync_detailed(
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderBulkWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderBulkResult | ConstraintViolationJsonld]:
    """Creates a BookingOrder resource.

     Turn one or more reservations into confirmed orders for a customer.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each reservation is then ordered from the upstream ticketing
    systems, which may fail independently: partial success is normal. The 200 body lists the created
    orders in `orders` and the failed ones in `failedOrders`.

    Args:
        accept_language (str | Unset):
        body (BookingOrderBulkWrite): Body of POST /v1/booking/orders/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderBulkResult | ConstraintViolationJsonld]
    """

    kwargs = _get_kwargs(
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderBulkWrite,
    accept_language: str | Unset = UNSET,
) -> BookingOrderBulkResult | ConstraintViolationJsonld | None:
    """Creates a BookingOrder resource.

     Turn one or more reservations into confirmed orders for a customer.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each reservation is then ordered from the upstream ticketing
    systems, which may fail independently: partial success is normal. The 200 body lists the created
    orders in `orders` and the failed ones in `failedOrders`.

    Args:
        accept_language (str | Unset):
        body (BookingOrderBulkWrite): Body of POST /v1/booking/orders/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderBulkResult | ConstraintViolationJsonld
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed
