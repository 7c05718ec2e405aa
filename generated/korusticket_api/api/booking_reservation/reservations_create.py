from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_reservation_bulk_result import BookingReservationBulkResult
from ...models.booking_reservation_bulk_write import BookingReservationBulkWrite
from ...models.constraint_violation_jsonld import ConstraintViolationJsonld
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BookingReservationBulkWrite,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "reservations_create"},
        "method": "post",
        "url": "/v1/booking/reservations/_bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/ld+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingReservationBulkResult | ConstraintViolationJsonld | None:
    if response.status_code == 200:
        response_200 = BookingReservationBulkResult.from_dict(response.json())

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
) -> Response[BookingReservationBulkResult | ConstraintViolationJsonld]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BookingReservationBulkWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingReservationBulkResult | ConstraintViolationJsonld]:
    """Creates a BookingReservation resource.

     Create one or many reservations. A reservation holds an offer (availability and price) for a limited
    time.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each item is then forwarded to the upstream ticketing systems,
    which may fail independently: partial success is normal. The 200 body lists the created reservations
    in `reservations` and the failed ones in `failedReservations`. Each created reservation has its own
    lifecycle and `expiresAt` (two reservations created by one call may expire at different times).

    Args:
        accept_language (str | Unset):
        body (BookingReservationBulkWrite): Body of POST /v1/booking/reservations/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingReservationBulkResult | ConstraintViolationJsonld]
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
    body: BookingReservationBulkWrite,
    accept_language: str | Unset = UNSET,
) -> BookingReservationBulkResult | ConstraintViolationJsonld | None:
    """Creates a BookingReservation resource.

     Create one or many reservations. A reservation holds an offer (availability and price) for a limited
    time.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each item is then forwarded to the upstream ticketing systems,
    which may fail independently: partial success is normal. The 200 body lists the created reservations
    in `reservations` and the failed ones in `failedReservations`. Each created reservation has its own
    lifecycle and `expiresAt` (two reservations created by one call may expire at different times).

    Args:
        accept_language (str | Unset):
        body (BookingReservationBulkWrite): Body of POST /v1/booking/reservations/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingReservationBulkResult | ConstraintViolationJsonld
    """

    return sync_detailed(
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BookingReservationBulkWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingReservationBulkResult | ConstraintViolationJsonld]:
    """Creates a BookingReservation resource.

     Create one or many reservations. A reservation holds an offer (availability and price) for a limited
    time.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each item is then forwarded to the upstream ticketing systems,
    which may fail independently: partial success is normal. The 200 body lists the created reservations
    in `reservations` and the failed ones in `failedReservations`. Each created reservation has its own
    lifecycle and `expiresAt` (two reservations created by one call may expire at different times).

    Args:
        accept_language (str | Unset):
        body (BookingReservationBulkWrite): Body of POST /v1/booking/reservations/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingReservationBulkResult | ConstraintViolationJsonld]
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
    body: BookingReservationBulkWrite,
    accept_language: str | Unset = UNSET,
) -> BookingReservationBulkResult | ConstraintViolationJsonld | None:
    """Creates a BookingReservation resource.

     Create one or many reservations. A reservation holds an offer (availability and price) for a limited
    time.

    The whole request first goes through a synchronous consistency check; if it fails, nothing is
    created and the API answers 422. Each item is then forwarded to the upstream ticketing systems,
    which may fail independently: partial success is normal. The 200 body lists the created reservations
    in `reservations` and the failed ones in `failedReservations`. Each created reservation has its own
    lifecycle and `expiresAt` (two reservations created by one call may expire at different times).

    Args:
        accept_language (str | Unset):
        body (BookingReservationBulkWrite): Body of POST /v1/booking/reservations/_bulk.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingReservationBulkResult | ConstraintViolationJsonld
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed
