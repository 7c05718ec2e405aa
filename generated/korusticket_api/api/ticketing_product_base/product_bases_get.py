from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_jsonld import ErrorJsonld
from ...models.ticketing_product_base import TicketingProductBase
from ...types import Response


def _get_kwargs(
    catalog_id: str,
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/product_bases/{id}".format(
            catalog_id=quote(str(catalog_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorJsonld | TicketingProductBase | None:
    if response.status_code == 200:
        response_200 = TicketingProductBase.from_dict(response.json())

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
) -> Response[ErrorJsonld | TicketingProductBase]:
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
) -> Response[ErrorJsonld | TicketingProductBase]:
    """Retrieves a TicketingProductBase resource.

     Retrieves one product base of a catalog.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorJsonld | TicketingProductBase]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
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
) -> ErrorJsonld | TicketingProductBase | None:
    """Retrieves a TicketingProductBase resource.

     Retrieves one product base of a catalog.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorJsonld | TicketingProductBase
    """

    return sync_detailed(
        catalog_id=catalog_id,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorJsonld | TicketingProductBase]:
    """Retrieves a TicketingProductBase resource.

     Retrieves one product base of a catalog.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorJsonld | TicketingProductBase]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorJsonld | TicketingProductBase | None:
    """Retrieves a TicketingProductBase resource.

     Retrieves one product base of a catalog.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorJsonld | TicketingProductBase
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            id=id,
            client=client,
        )
    ).parsed
