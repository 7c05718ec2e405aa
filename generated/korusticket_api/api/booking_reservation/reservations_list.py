from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.reservations_list_ordercreated_at import ReservationsListOrdercreatedAt
from ...models.reservations_list_response_200 import ReservationsListResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: ReservationsListOrdercreatedAt | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    json_ordercreated_at: str | Unset = UNSET
    if not isinstance(ordercreated_at, Unset):
        json_ordercreated_at = ordercreated_at.value

    params["order[createdAt]"] = json_ordercreated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "reservations_list"},
        "method": "get",
        "url": "/v1/booking/reservations",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ReservationsListResponse200 | None:
    if response.status_code == 200:
        response_200 = ReservationsListResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ReservationsListResponse200]:
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
    ordercreated_at: ReservationsListOrdercreatedAt | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[ReservationsListResponse200]:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources: the caller's reservations, as a paginated
    Hydra collection.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (ReservationsListOrdercreatedAt | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReservationsListResponse200]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        ordercreated_at=ordercreated_at,
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
    ordercreated_at: ReservationsListOrdercreatedAt | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> ReservationsListResponse200 | None:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources: the caller's reservations, as a paginated
    Hydra collection.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (ReservationsListOrdercreatedAt | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReservationsListResponse200
    """

    return sync_detailed(
        client=client,
        page=page,
        items_per_page=items_per_page,
        ordercreated_at=ordercreated_at,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: ReservationsListOrdercreatedAt | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[ReservationsListResponse200]:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources: the caller's reservations, as a paginated
    Hydra collection.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (ReservationsListOrdercreatedAt | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReservationsListResponse200]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        ordercreated_at=ordercreated_at,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: ReservationsListOrdercreatedAt | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> ReservationsListResponse200 | None:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources: the caller's reservations, as a paginated
    Hydra collection.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (ReservationsListOrdercreatedAt | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReservationsListResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            items_per_page=items_per_page,
            ordercreated_at=ordercreated_at,
            accept_language=accept_language,
        )
    ).parsed
