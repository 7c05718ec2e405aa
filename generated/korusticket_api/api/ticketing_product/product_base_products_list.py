from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.product_base_products_list_response_200 import (
    ProductBaseProductsListResponse200,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    product_base_id: str,
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "product_base_products_list"},
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/product_bases/{product_base_id}/products".format(
            catalog_id=quote(str(catalog_id), safe=""),
            product_base_id=quote(str(product_base_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProductBaseProductsListResponse200 | None:
    if response.status_code == 200:
        response_200 = ProductBaseProductsListResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProductBaseProductsListResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    catalog_id: str,
    product_base_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    accept_language: str | Unset = UNSET,
) -> Response[ProductBaseProductsListResponse200]:
    """Retrieves the collection of TicketingProduct resources.

     Retrieves the products of a product base: each product is one variant of the base (for example a
    3-day park entry with price type adult). Then list the offers of a product with `GET
    .../offers?product[]=`.

    Args:
        catalog_id (str):
        product_base_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductBaseProductsListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        page=page,
        items_per_page=items_per_page,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    catalog_id: str,
    product_base_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    accept_language: str | Unset = UNSET,
) -> ProductBaseProductsListResponse200 | None:
    """Retrieves the collection of TicketingProduct resources.

     Retrieves the products of a product base: each product is one variant of the base (for example a
    3-day park entry with price type adult). Then list the offers of a product with `GET
    .../offers?product[]=`.

    Args:
        catalog_id (str):
        product_base_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductBaseProductsListResponse200
    """

    return sync_detailed(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        client=client,
        page=page,
        items_per_page=items_per_page,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    product_base_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    accept_language: str | Unset = UNSET,
) -> Response[ProductBaseProductsListResponse200]:
    """Retrieves the collection of TicketingProduct resources.

     Retrieves the products of a product base: each product is one variant of the base (for example a
    3-day park entry with price type adult). Then list the offers of a product with `GET
    .../offers?product[]=`.

    Args:
        catalog_id (str):
        product_base_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductBaseProductsListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        page=page,
        items_per_page=items_per_page,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    product_base_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    accept_language: str | Unset = UNSET,
) -> ProductBaseProductsListResponse200 | None:
    """Retrieves the collection of TicketingProduct resources.

     Retrieves the products of a product base: each product is one variant of the base (for example a
    3-day park entry with price type adult). Then list the offers of a product with `GET
    .../offers?product[]=`.

    Args:
        catalog_id (str):
        product_base_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductBaseProductsListResponse200
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            product_base_id=product_base_id,
            client=client,
            page=page,
            items_per_page=items_per_page,
            accept_language=accept_language,
        )
    ).parsed
