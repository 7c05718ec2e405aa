from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.offers_list_orderdate import OffersListOrderdate
from ...models.offers_list_response_200 import OffersListResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    orderdate: OffersListOrderdate | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    json_orderdate: str | Unset = UNSET
    if not isinstance(orderdate, Unset):
        json_orderdate = orderdate.value

    params["order[date]"] = json_orderdate

    params["date[after]"] = dateafter

    params["date[strictly_after]"] = datestrictly_after

    params["date[before]"] = datebefore

    params["date[strictly_before]"] = datestrictly_before

    json_product: list[str] | Unset = UNSET
    if not isinstance(product, Unset):
        json_product = product

    params["product[]"] = json_product

    params["productBaseId"] = product_base_id

    params["session"] = session

    json_option_values_context: list[str] | Unset = UNSET
    if not isinstance(option_values_context, Unset):
        json_option_values_context = option_values_context

    params["optionValuesContext[]"] = json_option_values_context

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "offers_list"},
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/offers".format(
            catalog_id=quote(str(catalog_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OffersListResponse200 | None:
    if response.status_code == 200:
        response_200 = OffersListResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OffersListResponse200]:
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
    orderdate: OffersListOrderdate | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[OffersListResponse200]:
    """List offers

     Retrieves the offers of a catalog: the price and availability of a product on a date.
    `availableQuantity` here is close to real time and fine for showing availability over a month; use
    the `/availability` and `/price` operations of an offer when `availabilityCheckRequired` or
    `realtimePriceRequired` is true.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (OffersListOrderdate | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OffersListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        orderdate=orderdate,
        dateafter=dateafter,
        datestrictly_after=datestrictly_after,
        datebefore=datebefore,
        datestrictly_before=datestrictly_before,
        product=product,
        product_base_id=product_base_id,
        session=session,
        option_values_context=option_values_context,
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
    orderdate: OffersListOrderdate | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> OffersListResponse200 | None:
    """List offers

     Retrieves the offers of a catalog: the price and availability of a product on a date.
    `availableQuantity` here is close to real time and fine for showing availability over a month; use
    the `/availability` and `/price` operations of an offer when `availabilityCheckRequired` or
    `realtimePriceRequired` is true.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (OffersListOrderdate | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OffersListResponse200
    """

    return sync_detailed(
        catalog_id=catalog_id,
        client=client,
        page=page,
        items_per_page=items_per_page,
        orderdate=orderdate,
        dateafter=dateafter,
        datestrictly_after=datestrictly_after,
        datebefore=datebefore,
        datestrictly_before=datestrictly_before,
        product=product,
        product_base_id=product_base_id,
        session=session,
        option_values_context=option_values_context,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    orderdate: OffersListOrderdate | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[OffersListResponse200]:
    """List offers

     Retrieves the offers of a catalog: the price and availability of a product on a date.
    `availableQuantity` here is close to real time and fine for showing availability over a month; use
    the `/availability` and `/price` operations of an offer when `availabilityCheckRequired` or
    `realtimePriceRequired` is true.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (OffersListOrderdate | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OffersListResponse200]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        orderdate=orderdate,
        dateafter=dateafter,
        datestrictly_after=datestrictly_after,
        datebefore=datebefore,
        datestrictly_before=datestrictly_before,
        product=product,
        product_base_id=product_base_id,
        session=session,
        option_values_context=option_values_context,
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
    orderdate: OffersListOrderdate | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> OffersListResponse200 | None:
    """List offers

     Retrieves the offers of a catalog: the price and availability of a product on a date.
    `availableQuantity` here is close to real time and fine for showing availability over a month; use
    the `/availability` and `/price` operations of an offer when `availabilityCheckRequired` or
    `realtimePriceRequired` is true.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (OffersListOrderdate | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OffersListResponse200
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            client=client,
            page=page,
            items_per_page=items_per_page,
            orderdate=orderdate,
            dateafter=dateafter,
            datestrictly_after=datestrictly_after,
            datebefore=datebefore,
            datestrictly_before=datestrictly_before,
            product=product,
            product_base_id=product_base_id,
            session=session,
            option_values_context=option_values_context,
            accept_language=accept_language,
        )
    ).parsed
