from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.orders_list_ordercreated_at import OrdersListOrdercreatedAt
from ...models.orders_list_response_200 import OrdersListResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: OrdersListOrdercreatedAt | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    params["external_reference"] = external_reference

    json_ordercreated_at: str | Unset = UNSET
    if not isinstance(ordercreated_at, Unset):
        json_ordercreated_at = ordercreated_at.value

    params["order[createdAt]"] = json_ordercreated_at

    params["createdAt[after]"] = created_atafter

    params["createdAt[strictly_after]"] = created_atstrictly_after

    params["createdAt[before]"] = created_atbefore

    params["createdAt[strictly_before]"] = created_atstrictly_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "orders_list"},
        "method": "get",
        "url": "/v1/booking/orders",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrdersListResponse200 | None:
    if response.status_code == 200:
        response_200 = OrdersListResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OrdersListResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: OrdersListOrdercreatedAt | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[OrdersListResponse200]:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources, with a filter on the caller's own reference
    (`external_reference`, snake case, while the body field is `externalReference`) and creation-date
    range filters.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (OrdersListOrdercreatedAt | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersListResponse200]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        external_reference=external_reference,
        ordercreated_at=ordercreated_at,
        created_atafter=created_atafter,
        created_atstrictly_after=created_atstrictly_after,
        created_atbefore=created_atbefore,
        created_atstrictly_before=created_atstrictly_before,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: OrdersListOrdercreatedAt | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> OrdersListResponse200 | None:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources, with a filter on the caller's own reference
    (`external_reference`, snake case, while the body field is `externalReference`) and creation-date
    range filters.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (OrdersListOrdercreatedAt | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersListResponse200
    """

    return sync_detailed(
        client=client,
        page=page,
        items_per_page=items_per_page,
        external_reference=external_reference,
        ordercreated_at=ordercreated_at,
        created_atafter=created_atafter,
        created_atstrictly_after=created_atstrictly_after,
        created_atbefore=created_atbefore,
        created_atstrictly_before=created_atstrictly_before,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: OrdersListOrdercreatedAt | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[OrdersListResponse200]:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources, with a filter on the caller's own reference
    (`external_reference`, snake case, while the body field is `externalReference`) and creation-date
    range filters.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (OrdersListOrdercreatedAt | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersListResponse200]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        external_reference=external_reference,
        ordercreated_at=ordercreated_at,
        created_atafter=created_atafter,
        created_atstrictly_after=created_atstrictly_after,
        created_atbefore=created_atbefore,
        created_atstrictly_before=created_atstrictly_before,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: OrdersListOrdercreatedAt | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> OrdersListResponse200 | None:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources, with a filter on the caller's own reference
    (`external_reference`, snake case, while the body field is `externalReference`) and creation-date
    range filters.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (OrdersListOrdercreatedAt | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersListResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            items_per_page=items_per_page,
            external_reference=external_reference,
            ordercreated_at=ordercreated_at,
            created_atafter=created_atafter,
            created_atstrictly_after=created_atstrictly_after,
            created_atbefore=created_atbefore,
            created_atstrictly_before=created_atstrictly_before,
            accept_language=accept_language,
        )
    ).parsed
