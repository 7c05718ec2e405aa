"""Prefetch overlaps parsing with the next round trips: a request goes out as soon as an earlier
one is answered, before that answer is parsed; no more than `prefetch` requests are ever
unanswered, and no more than `prefetch` + `_WAITING` pages wait for the consumer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from korusticket._pagination import _WAITING, AsyncPaginator, Page

PAGES, SIZE, PREFETCH = 20, 5, 4


class Server:
    """Answers a page when the test says so; records what the paginator did, in order."""

    def __init__(self) -> None:
        self.answers: dict[int, asyncio.Event] = {n: asyncio.Event() for n in range(1, PAGES + 2)}
        self.log: list[tuple[str, int]] = []
        self.unanswered = 0
        self.most_unanswered = 0

    async def fetch(self, number: int, size: int) -> Callable[[], Page[str]]:
        self.log.append(("sent", number))
        self.unanswered += 1
        self.most_unanswered = max(self.most_unanswered, self.unanswered)
        await self.answers[number].wait()
        self.unanswered -= 1
        self.log.append(("answered", number))

        def parse() -> Page[str]:
            self.log.append(("parsed", number))
            items = [f"/things/{number}-{i}" for i in range(size)] if number <= PAGES else []
            return Page(items=items, page=number, total_items=PAGES * SIZE, next_page=None)

        return parse

    def answer(self, *numbers: int) -> None:
        for number in numbers:
            self.answers[number].set()


async def _settle() -> None:
    """Let every ready task run (event loop turns; no wall-clock wait)."""
    for _ in range(20):
        await asyncio.sleep(0)


async def _walk(server: Server, after_first_page: Callable[[], None]) -> list[str]:
    seen: list[str] = []
    paginator = AsyncPaginator(server.fetch, page_size=SIZE, prefetch=PREFETCH)
    async for item in paginator:
        seen.append(item)
        if len(seen) == 1:
            after_first_page()
    return seen


def test_requests_go_out_when_answers_arrive_not_when_pages_are_parsed() -> None:
    async def main() -> Server:
        server = Server()
        walk = asyncio.ensure_future(_walk(server, lambda: None))
        await _settle()
        assert [n for what, n in server.log if what == "sent"] == [1]  # no page before page 1 tells the total
        server.answer(1)
        await _settle()
        assert [n for what, n in server.log if what == "sent"] == [1, 2, 3, 4, 5]  # then the window at once
        server.answer(2, 3, 4)
        await _settle()
        server.answer(5, 6, 7, 8)
        await _settle()
        # Page 9 left on the answers to 5-8, before page 5 was parsed; page 10 on page 5's
        # place coming free, before page 6 was parsed.
        log = server.log
        assert log.index(("sent", 9)) < log.index(("parsed", 5))
        assert log.index(("sent", 10)) < log.index(("parsed", 6))
        server.answer(*range(5, PAGES + 2))
        items = await walk
        assert len(items) == PAGES * SIZE
        return server

    server = asyncio.run(main())
    assert server.most_unanswered <= PREFETCH


def test_a_slow_consumer_holds_a_bounded_window() -> None:
    async def main() -> int:
        server = Server()
        server.answer(*range(1, PAGES + 2))  # every answer ready at once: only the consumer is slow
        paginator = AsyncPaginator(server.fetch, page_size=SIZE, prefetch=PREFETCH)
        most_waiting = 0
        async for _ in paginator:
            sent = sum(1 for what, _ in server.log if what == "sent")
            parsed = sum(1 for what, _ in server.log if what == "parsed")
            most_waiting = max(most_waiting, sent - parsed)
            await asyncio.sleep(0)  # the consumer's own await points
        return most_waiting

    assert asyncio.run(main()) <= PREFETCH + _WAITING
