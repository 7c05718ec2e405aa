"""Issue 22: once page 1 tells the total, prefetched requests past the last page are cancelled at
once (not left running until the walk ends)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from korusticket._pagination import AsyncPaginator, Page

SIZE = 5


def test_prefetched_requests_past_the_last_page_are_cancelled_when_page_one_tells_the_total() -> None:
    cancelled: list[int] = []
    tasks: dict[int, asyncio.Task[object]] = {}

    async def fetch(number: int, size: int) -> Callable[[], Page[str]]:
        if number > 1:
            tasks[number] = asyncio.current_task()  # type: ignore[assignment]
            try:
                await asyncio.Event().wait()  # never answered
            except asyncio.CancelledError:
                cancelled.append(number)
                raise
        return lambda: Page(items=[f"/things/{i}" for i in range(SIZE)], page=1, total_items=SIZE, next_page=None)

    async def main() -> list[bool]:
        first: list[bool] = []
        async for _ in AsyncPaginator(fetch, page_size=SIZE, prefetch=4):
            if not first:  # while page 1 is consumed, before the walk ends
                first = [task.cancelling() > 0 for task in tasks.values()]
        return first

    assert asyncio.run(main()) == [True, True, True]  # pages 2-4, cancelled as soon as page 1 was read
    assert sorted(cancelled) == [2, 3, 4]
