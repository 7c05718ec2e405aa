from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order_documents_list_response_200 import OrderDocumentsListResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    *,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "order_documents_list"},
        "method": "get",
        "url": "/v1/booking/orders/{order_id}/documents".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrderDocumentsListResponse200 | None:
    if response.status_code == 200:
        response_200 = OrderDocumentsListResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OrderDocumentsListResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[OrderDocumentsListResponse200]:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the documents (typically PDF tickets) of an order, each with the time it becomes
    downloadable. Get a download URL for one with `PATCH /v1/booking/orders/{orderId}/documents/{id}`.
    The reference shows no pagination parameters for this operation.

    Args:
        order_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderDocumentsListResponse200]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> OrderDocumentsListResponse200 | None:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the documents (typically PDF tickets) of an order, each with the time it becomes
    downloadable. Get a download URL for one with `PATCH /v1/booking/orders/{orderId}/documents/{id}`.
    The reference shows no pagination parameters for this operation.

    Args:
        order_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderDocumentsListResponse200
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[OrderDocumentsListResponse200]:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the documents (typically PDF tickets) of an order, each with the time it becomes
    downloadable. Get a download URL for one with `PATCH /v1/booking/orders/{orderId}/documents/{id}`.
    The reference shows no pagination parameters for this operation.

    Args:
        order_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderDocumentsListResponse200]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> OrderDocumentsListResponse200 | None:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the documents (typically PDF tickets) of an order, each with the time it becomes
    downloadable. Get a download URL for one with `PATCH /v1/booking/orders/{orderId}/documents/{id}`.
    The reference shows no pagination parameters for this operation.

    Args:
        order_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderDocumentsListResponse200
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            accept_language=accept_language,
        )
    ).parsed
