from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_order_document_patch import BookingOrderDocumentPatch
from ...models.booking_order_document_patch_write import BookingOrderDocumentPatchWrite
from ...models.constraint_violation_jsonld import ConstraintViolationJsonld
from ...models.error_jsonld import ErrorJsonld
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    id: str,
    *,
    body: BookingOrderDocumentPatchWrite,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "extensions": {"korusticket.operation": "order_documents_refresh_url"},
        "method": "patch",
        "url": "/v1/booking/orders/{order_id}/documents/{id}".format(
            order_id=quote(str(order_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld | None:
    if response.status_code == 200:
        response_200 = BookingOrderDocumentPatch.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = ErrorJsonld.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorJsonld.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ConstraintViolationJsonld.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderDocumentPatchWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld]:
    """Updates the BookingOrderDocument resource.

     Ask for a fresh download URL of an order document (typically a PDF ticket) by sending an empty
    merge-patch body `{}`.

    `temporaryUrl` is a short-lived signed URL: do not hand it to the customer; download and store the
    file, or call this operation again for a fresh URL. The `Accept-Language` request header picks the
    document language when that language is available; otherwise the catalog's default language is used.

    Args:
        order_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderDocumentPatchWrite): Empty object: send `{}` to get a fresh download
            URL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        id=id,
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderDocumentPatchWrite,
    accept_language: str | Unset = UNSET,
) -> BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld | None:
    """Updates the BookingOrderDocument resource.

     Ask for a fresh download URL of an order document (typically a PDF ticket) by sending an empty
    merge-patch body `{}`.

    `temporaryUrl` is a short-lived signed URL: do not hand it to the customer; download and store the
    file, or call this operation again for a fresh URL. The `Accept-Language` request header picks the
    document language when that language is available; otherwise the catalog's default language is used.

    Args:
        order_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderDocumentPatchWrite): Empty object: send `{}` to get a fresh download
            URL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld
    """

    return sync_detailed(
        order_id=order_id,
        id=id,
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderDocumentPatchWrite,
    accept_language: str | Unset = UNSET,
) -> Response[BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld]:
    """Updates the BookingOrderDocument resource.

     Ask for a fresh download URL of an order document (typically a PDF ticket) by sending an empty
    merge-patch body `{}`.

    `temporaryUrl` is a short-lived signed URL: do not hand it to the customer; download and store the
    file, or call this operation again for a fresh URL. The `Accept-Language` request header picks the
    document language when that language is available; otherwise the catalog's default language is used.

    Args:
        order_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderDocumentPatchWrite): Empty object: send `{}` to get a fresh download
            URL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        id=id,
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookingOrderDocumentPatchWrite,
    accept_language: str | Unset = UNSET,
) -> BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld | None:
    """Updates the BookingOrderDocument resource.

     Ask for a fresh download URL of an order document (typically a PDF ticket) by sending an empty
    merge-patch body `{}`.

    `temporaryUrl` is a short-lived signed URL: do not hand it to the customer; download and store the
    file, or call this operation again for a fresh URL. The `Accept-Language` request header picks the
    document language when that language is available; otherwise the catalog's default language is used.

    Args:
        order_id (str):
        id (str):
        accept_language (str | Unset):
        body (BookingOrderDocumentPatchWrite): Empty object: send `{}` to get a fresh download
            URL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderDocumentPatch | ConstraintViolationJsonld | ErrorJsonld
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            id=id,
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed
