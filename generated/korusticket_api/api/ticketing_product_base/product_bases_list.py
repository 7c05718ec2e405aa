from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.product_bases_list_response_200 import ProductBasesListResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    params["withDisabled"] = with_disabled

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "product_bases_list"},
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/product_bases".format(
            catalog_id=quote(str(catalog_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProductBasesListResponse200 | None:
    if response.status_code == 200:
        response_200 = ProductBasesListResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProductBasesListResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[ProductBasesListResponse200]:
    """List product bases

     Retrieves the product bases of a catalog. A product base is the main element of a catalog: it groups
    related products (its variants) and has options whose values filter products. The docs advise
    caching catalog data for 24 hours.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductBasesListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        with_disabled=with_disabled,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> ProductBasesListResponse200 | None:
    """List product bases

     Retrieves the product bases of a catalog. A product base is the main element of a catalog: it groups
    related products (its variants) and has options whose values filter products. The docs advise
    caching catalog data for 24 hours.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductBasesListResponse200
    """

    return sync_detailed(
        catalog_id=catalog_id,
        client=client,
        page=page,
        items_per_page=items_per_page,
        with_disabled=with_disabled,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[ProductBasesListResponse200]:
    """List product bases

     Retrieves the product bases of a catalog. A product base is the main element of a catalog: it groups
    related products (its variants) and has options whose values filter products. The docs advise
    caching catalog data for 24 hours.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductBasesListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        with_disabled=with_disabled,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> ProductBasesListResponse200 | None:
    """List product bases

     Retrieves the product bases of a catalog. A product base is the main element of a catalog: it groups
    related products (its variants) and has options whose values filter products. The docs advise
    caching catalog data for 24 hours.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductBasesListResponse200
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            client=client,
            page=page,
            items_per_page=items_per_page,
            with_disabled=with_disabled,
            accept_language=accept_language,
        )
    ).parsed
