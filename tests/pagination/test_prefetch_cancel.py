"""Issue 22: once a page says the walk ends, prefetched requests past it are cancelled at once (not
left running until the walk ends). Since issue 23 the window opens only to pages known to exist, so
such requests remain only when the total shrinks while the walk runs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from korusticket._pagination import AsyncPaginator, Page

SIZE = 5


def test_prefetched_requests_past_the_last_page_are_cancelled_when_a_page_says_it_is_the_last() -> None:
    cancelled: list[int] = []
    tasks: dict[int, asyncio.Task[object]] = {}

    async def fetch(number: int, size: int) -> Callable[[], Page[str]]:
        if number > 2:
            tasks[number] = asyncio.current_task()  # type: ignore[assignment]
            try:
                await asyncio.Event().wait()  # never answered
            except asyncio.CancelledError:
                cancelled.append(number)
                raise
        items = [f"/things/{number}-{i}" for i in range(SIZE)]
        if number == 1:  # 4 pages, says page 1
            return lambda: Page(items=items, page=1, total_items=4 * SIZE, next_page=None)
        return lambda: Page(items=items, page=2, total_items=2 * SIZE, next_page=None, final=True)  # now 2

    async def main() -> list[bool]:
        seen: list[bool] = []
        async for item in AsyncPaginator(fetch, page_size=SIZE, prefetch=4):
            if item.startswith("/things/2-") and not seen:  # while page 2 is consumed, before the walk ends
                seen = [task.cancelling() > 0 or task.cancelled() for task in tasks.values()]
        return seen

    assert asyncio.run(main()) == [True, True]  # pages 3-4, cancelled as soon as page 2 was read
    assert sorted(cancelled) == [3, 4]
