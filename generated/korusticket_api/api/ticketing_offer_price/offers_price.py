from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_jsonld import ErrorJsonld
from ...models.ticketing_offer_price import TicketingOfferPrice
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    id: str,
    *,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "offers_price"},
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/offers/{id}/price".format(
            catalog_id=quote(str(catalog_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorJsonld | TicketingOfferPrice | None:
    if response.status_code == 200:
        response_200 = TicketingOfferPrice.from_dict(response.json())

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
) -> Response[ErrorJsonld | TicketingOfferPrice]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[ErrorJsonld | TicketingOfferPrice]:
    """Retrieve the offer's price

     Real-time (dynamic) price of one offer. Call it when the offer has `realtimePriceRequired` set to
    true, before `POST /v1/booking/reservations/_bulk`.

    Args:
        catalog_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorJsonld | TicketingOfferPrice]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> ErrorJsonld | TicketingOfferPrice | None:
    """Retrieve the offer's price

     Real-time (dynamic) price of one offer. Call it when the offer has `realtimePriceRequired` set to
    true, before `POST /v1/booking/reservations/_bulk`.

    Args:
        catalog_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorJsonld | TicketingOfferPrice
    """

    return sync_detailed(
        catalog_id=catalog_id,
        id=id,
        client=client,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[ErrorJsonld | TicketingOfferPrice]:
    """Retrieve the offer's price

     Real-time (dynamic) price of one offer. Call it when the offer has `realtimePriceRequired` set to
    true, before `POST /v1/booking/reservations/_bulk`.

    Args:
        catalog_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorJsonld | TicketingOfferPrice]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> ErrorJsonld | TicketingOfferPrice | None:
    """Retrieve the offer's price

     Real-time (dynamic) price of one offer. Call it when the offer has `realtimePriceRequired` set to
    true, before `POST /v1/booking/reservations/_bulk`.

    Args:
        catalog_id (str):
        id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorJsonld | TicketingOfferPrice
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            id=id,
            client=client,
            accept_language=accept_language,
        )
    ).parsed
