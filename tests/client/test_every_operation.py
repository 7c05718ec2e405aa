"""Every operation of the spec, through kt.<resource>.<method>, sync and async, with no list of
operations written here: the calls come from the operations table, the answers are generated
from the spec's schemas. A new release's operations are tested the day they are generated."""

from __future__ import annotations

import asyncio
import inspect
import uuid
from typing import Any

import httpx
import pytest
from korusticket import AsyncKorusTicket, AsyncPaginator, KorusTicket, Paginator
from korusticket.testing._paths import most_specific, template_regex
from korusticket_api._response_checks import OPERATION

from tests.support import spec_bodies
from tests.support.mock_api import MockAPI
from tests.support.operations import Operation, operations, warns_if_deprecated

TOKEN_URL = "https://auth.example.test/token"


OPERATIONS = [op for op in operations() if op.hook is None]  # hooks have tests of their own


class SpecAPI:
    """Answers every operation with a body generated from its response schema."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            return httpx.Response(200, json={"access_token": "a", "expires_in": 300, "token_type": "Bearer"})
        self.requests.append(request)
        method = request.method.lower()
        paths = spec_bodies.spec()["paths"]
        path = most_specific((t for t, item in paths.items() if method in item), request.url.path)
        assert path is not None, f"no operation answers {request.method} {request.url.path}"
        return httpx.Response(200, json=spec_bodies.response_body(method, path, request.url.path))


def arguments(function: Any, op: Operation) -> tuple[list[Any], dict[str, Any]]:
    """A valid value for each path argument: the first value of an enum, else a UUID."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    path_params = [p for p in spec_bodies.operation(op.http_method, op.path).get("parameters", []) if p["in"] == "path"]
    enums = [p.get("schema", {}).get("enum") for p in path_params]
    positional = [p for p in inspect.signature(function).parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    for _, enum in zip((p for p in positional if p.name != "body"), enums, strict=False):
        args.append(enum[0] if enum else str(uuid.UUID("0194abdc-3a71-72b0-a9b9-89d4be0cd73e")))
    if any(p.name == "body" for p in positional):
        args.append(spec_bodies.request_body(op.http_method, op.path) or {})
    return args, kwargs


def check_request(request: httpx.Request, op: Operation) -> None:
    assert request.method == op.http_method.upper()
    assert request.extensions[OPERATION] == op.module  # its answer gets the checks of its operation
    assert template_regex(op.path).match(request.url.path), request.url.path
    assert request.headers["Authorization"] == "Bearer a"
    if request.method in ("POST", "PATCH") and request.content:  # an action may take no body (no Content-Type)
        expected = "application/merge-patch+json" if request.method == "PATCH" else "application/ld+json"
        assert request.headers["Content-Type"] == expected


@pytest.mark.parametrize("op", OPERATIONS, ids=[f"{o.resource}.{o.method}" for o in OPERATIONS])
def test_sync(op: Operation) -> None:
    api = SpecAPI()
    kt = KorusTicket(client_id="c", client_secret="s", token_url=TOKEN_URL, transport=MockAPI(answer=api).transport())
    function = getattr(getattr(kt, op.resource), op.method)
    args, kwargs = arguments(function, op)
    with warns_if_deprecated(op):
        result = function(*args, **kwargs)
    if isinstance(result, Paginator):
        items = list(result)
        assert len(items) == 1
        assert hasattr(items[0], "to_dict")
    else:
        assert hasattr(result, "to_dict")
    assert len(api.requests) == 1
    check_request(api.requests[0], op)


@pytest.mark.parametrize("op", OPERATIONS, ids=[f"{o.resource}.{o.method}" for o in OPERATIONS])
def test_async(op: Operation) -> None:
    api = SpecAPI()

    async def main() -> Any:
        async with AsyncKorusTicket(
            client_id="c", client_secret="s", token_url=TOKEN_URL, transport=MockAPI(answer=api).transport()
        ) as kt:
            function = getattr(getattr(kt, op.resource), op.method)
            args, kwargs = arguments(function, op)
            result = function(*args, **kwargs)
            if isinstance(result, AsyncPaginator):
                return [item async for item in result]
            return await result

    with warns_if_deprecated(op):
        result = asyncio.run(main())
    assert (len(result) == 1) if isinstance(result, list) else hasattr(result, "to_dict")
    check_request(api.requests[0], op)


ALL_OPERATIONS = operations()


@pytest.mark.parametrize("op", OPERATIONS, ids=[f"{o.resource}.{o.method}" for o in OPERATIONS])
def test_sync_raw_response(op: Operation) -> None:
    from korusticket.types import RawResponse

    api = SpecAPI()
    kt = KorusTicket(client_id="c", client_secret="s", token_url=TOKEN_URL, transport=MockAPI(answer=api).transport())
    args, kwargs = arguments(getattr(getattr(kt, op.resource), op.method), op)
    with warns_if_deprecated(op):
        raw = getattr(getattr(kt.with_raw_response, op.resource), op.method)(*args, **kwargs)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.method == op.http_method.upper()
    assert raw.headers["content-type"] == "application/json"
    assert raw.elapsed.total_seconds() >= 0
    check_request(api.requests[0], op)
    value = raw.parse()
    if isinstance(value, Paginator):
        assert len(list(value)) == 1  # the usual paginator
    else:
        assert hasattr(value, "to_dict")


@pytest.mark.parametrize("op", OPERATIONS, ids=[f"{o.resource}.{o.method}" for o in OPERATIONS])
def test_async_raw_response(op: Operation) -> None:
    api = SpecAPI()

    async def main() -> Any:
        async with AsyncKorusTicket(
            client_id="c", client_secret="s", token_url=TOKEN_URL, transport=MockAPI(answer=api).transport()
        ) as kt:
            args, kwargs = arguments(getattr(getattr(kt, op.resource), op.method), op)
            raw = await getattr(getattr(kt.with_raw_response, op.resource), op.method)(*args, **kwargs)
            assert raw.status_code == 200
            assert raw.method == op.http_method.upper()
            value = raw.parse()
            if isinstance(value, AsyncPaginator):
                return [item async for item in value]
            return value

    with warns_if_deprecated(op):
        result = asyncio.run(main())
    assert (len(result) == 1) if isinstance(result, list) else hasattr(result, "to_dict")
    check_request(api.requests[0], op)


def test_raw_response_exists_for_every_method_of_every_resource() -> None:
    kt = KorusTicket(
        client_id="c", client_secret="s", token_url=TOKEN_URL, transport=MockAPI(answer=SpecAPI()).transport()
    )
    for op in ALL_OPERATIONS:  # hooked operations (bulk, safe orders) included
        assert callable(getattr(getattr(kt.with_raw_response, op.resource), op.method)), op
    with pytest.raises(AttributeError):
        _ = kt.with_raw_response.nowhere  # type: ignore[attr-defined]  # mypy knows, too
    with pytest.raises(AttributeError):
        _ = kt.with_raw_response.orders._core  # type: ignore[attr-defined]
