"""run()/arun() close the flow however they end, as httpx closes its auth flow in `finally`."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest
from korusticket import KorusTicketError
from korusticket._operations import Call, Flow, arun, run
from korusticket_api.api.ticketing_catalog import catalogs_get
from korusticket_api.models import TicketingCatalog


class Boom(Exception):
    """Not a library error: run()/arun() do not hand it to the flow."""


def tracked_flow(cleanups: list[str]) -> Flow[str]:
    try:
        first = yield Call(catalogs_get._get_kwargs(id="c1"), TicketingCatalog, {})
        try:
            yield Call(catalogs_get._get_kwargs(id="c2"), TicketingCatalog, {})
        except KorusTicketError:
            return f"{first} then handled"
        return f"{first} then second"
    finally:
        cleanups.append("closed")


def execute_with(second: BaseException | None) -> Any:
    calls: list[Call[Any]] = []

    def execute(call: Call[Any]) -> Any:
        calls.append(call)
        if len(calls) == 2 and second is not None:
            raise second
        return f"answer {len(calls)}"

    return execute


def test_run_closes_the_flow_when_a_non_library_exception_escapes() -> None:
    cleanups: list[str] = []
    flow = tracked_flow(cleanups)
    with pytest.raises(Boom):
        run(flow, execute_with(Boom()))
    assert cleanups == ["closed"]
    assert inspect.getgeneratorstate(flow) == inspect.GEN_CLOSED


def test_arun_closes_the_flow_when_a_non_library_exception_escapes() -> None:
    cleanups: list[str] = []
    flow = tracked_flow(cleanups)
    sync_execute = execute_with(Boom())

    async def execute(call: Call[Any]) -> Any:
        return sync_execute(call)

    with pytest.raises(Boom):
        asyncio.run(arun(flow, execute))
    assert cleanups == ["closed"]
    assert inspect.getgeneratorstate(flow) == inspect.GEN_CLOSED


def test_arun_closes_the_flow_when_the_task_is_cancelled() -> None:
    cleanups: list[str] = []
    flow = tracked_flow(cleanups)

    async def execute(call: Call[Any]) -> Any:
        await asyncio.sleep(3600)

    async def main() -> None:
        task = asyncio.create_task(arun(flow, execute))
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert cleanups == ["closed"]


def test_library_errors_still_go_to_the_flow_and_results_come_back() -> None:
    cleanups: list[str] = []
    assert run(tracked_flow(cleanups), execute_with(KorusTicketError("lost"))) == "answer 1 then handled"
    assert run(tracked_flow(cleanups), execute_with(None)) == "answer 1 then second"
    assert cleanups == ["closed", "closed"]
