"""httpx transports (sync and async) over a ``StandIn`` (any ``Cycle``); any host is served."""

from __future__ import annotations

import httpx

from ._core import Request, Response
from ._cycle import Cycle, Plan

__all__ = ["StandInAsyncTransport", "StandInTransport"]


def _to_request(request: httpx.Request, body: bytes) -> Request:
    return Request(
        method=request.method,
        path=request.url.path,
        query=tuple(request.url.params.multi_items()),
        headers={k.lower(): v for k, v in request.headers.items()},
        body=body,
    )


def _to_response(plan: Plan, response: Response | None, request: httpx.Request) -> httpx.Response:
    fault = plan.fault
    if response is None or (fault is not None and fault.drop_connection is not None):
        assert fault is not None
        when = "before the request was handled" if response is None else "after the request was handled"
        raise fault.transport_error()(f"stand-in: connection dropped {when}", request=request)
    return httpx.Response(response.status, headers=list(response.headers), content=response.body, request=request)


class StandInTransport(httpx.BaseTransport):
    def __init__(self, stand_in: Cycle) -> None:
        self.stand_in = stand_in

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        plan = self.stand_in.begin(_to_request(request, request.read()))
        if plan.delay:
            self.stand_in.sleep(plan.delay)
        return _to_response(plan, self.stand_in.finish(plan), request)


class StandInAsyncTransport(httpx.AsyncBaseTransport):
    def __init__(self, stand_in: Cycle) -> None:
        self.stand_in = stand_in

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        plan = self.stand_in.begin(_to_request(request, await request.aread()))
        if plan.delay:
            await self.stand_in.async_sleep(plan.delay)
        return _to_response(plan, self.stand_in.finish(plan), request)
