from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.offer_tickets_list_response_200 import OfferTicketsListResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    offer_id: str,
    *,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "offer_tickets_list"},
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/offers/{offer_id}/tickets".format(
            catalog_id=quote(str(catalog_id), safe=""),
            offer_id=quote(str(offer_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OfferTicketsListResponse200 | None:
    if response.status_code == 200:
        response_200 = OfferTicketsListResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OfferTicketsListResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    catalog_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[OfferTicketsListResponse200]:
    """Retrieves the collection of TicketingOfferTicket resources.

     Retrieves the tickets contained in an offer. The reference shows no pagination parameters for this
    operation.

    Args:
        catalog_id (str):
        offer_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferTicketsListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        offer_id=offer_id,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    catalog_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> OfferTicketsListResponse200 | None:
    """Retrieves the collection of TicketingOfferTicket resources.

     Retrieves the tickets contained in an offer. The reference shows no pagination parameters for this
    operation.

    Args:
        catalog_id (str):
        offer_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferTicketsListResponse200
    """

    return sync_detailed(
        catalog_id=catalog_id,
        offer_id=offer_id,
        client=client,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[OfferTicketsListResponse200]:
    """Retrieves the collection of TicketingOfferTicket resources.

     Retrieves the tickets contained in an offer. The reference shows no pagination parameters for this
    operation.

    Args:
        catalog_id (str):
        offer_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferTicketsListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        offer_id=offer_id,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> OfferTicketsListResponse200 | None:
    """Retrieves the collection of TicketingOfferTicket resources.

     Retrieves the tickets contained in an offer. The reference shows no pagination parameters for this
    operation.

    Args:
        catalog_id (str):
        offer_id (str):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferTicketsListResponse200
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            offer_id=offer_id,
            client=client,
            accept_language=accept_language,
        )
    ).parsed
