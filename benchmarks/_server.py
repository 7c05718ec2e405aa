"""A minimal loopback HTTP/1.1 server with fixed payloads, run in its own process.

Why not the stand-in for every figure: the stand-in is a faithful model of the API, which costs
CPU per request (it serialises the whole collection for every page) and, in-process, competes
with the client for the GIL and shows up in tracemalloc. This server answers from a cache of
ready bytes, keeps connections alive, and sleeps ``--latency`` seconds per request without
serialising requests (asyncio timers), so both sides of a comparison pay the same small cost.

    GET /v1/booking/reservations/{id}                   the documented reservation
    GET /v1/booking/reservations?page=P&itemsPerPage=S  page P of ``--items`` reservations

Run: ``python -m benchmarks._server --items 1000 --latency 0.02``; it prints its base URL.
``LoopbackServer`` starts and stops one from the benchmarks.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import subprocess
import sys
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["LoopbackServer"]


def _response(status: int, body: bytes) -> bytes:
    reason = {200: "OK", 404: "Not Found"}[status]
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "content-type: application/ld+json; charset=utf-8\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


class _App:
    """Maps a request target to complete response bytes, rendered once and cached."""

    def __init__(self, items: int) -> None:
        from benchmarks._payloads import RESERVATIONS_PATH, reservation_body

        self.items = items
        self.path = RESERVATIONS_PATH
        self.single = _response(200, reservation_body())
        self.cache: dict[str, bytes] = {}

    def __call__(self, method: str, target: str) -> bytes:
        cached = self.cache.get(target)
        if cached is None:
            cached = self.cache[target] = self._render(method, target)
        return cached

    def _render(self, method: str, target: str) -> bytes:
        from benchmarks._payloads import collection_page

        url = urlsplit(target)
        if method != "GET":
            return _response(404, b"{}")
        if url.path.startswith(self.path + "/"):
            return self.single
        if url.path == self.path:
            query = parse_qs(url.query)
            page = int(query.get("page", ["1"])[0])
            per_page = int(query.get("itemsPerPage", ["30"])[0])
            return _response(200, collection_page(self.items, page, per_page))
        return _response(404, b"{}")


class _Connection(asyncio.Protocol):
    def __init__(self, app: _App, latency: float) -> None:
        self.app = app
        self.latency = latency
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            lines = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return  # wait for the rest of the body
            del self.buffer[: end + 4 + length]
            method, target, _ = lines[0].split(" ", 2)
            answer = self.app(method, target)
            if self.latency:
                asyncio.get_running_loop().call_later(self.latency, self._send, answer)
            else:
                self._send(answer)

    def _send(self, answer: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(answer)


async def _serve(items: int, latency: float) -> None:
    app = _App(items)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Connection(app, latency), "127.0.0.1", 0, backlog=256)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"http://{host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


class LoopbackServer:
    """``with LoopbackServer(items=1000, latency=0.02) as server: ... server.base_url``."""

    def __init__(self, *, items: int = 0, latency: float = 0.0) -> None:
        self.items = items
        self.latency = latency
        self.base_url = ""
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> Self:
        command = [sys.executable, "-m", "benchmarks._server", "--items", str(self.items)]
        command += ["--latency", repr(self.latency)]
        self._process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        self.base_url = self._process.stdout.readline().strip()
        if not self.base_url.startswith("http://"):
            self.__exit__(None, None, None)
            raise RuntimeError("the benchmark server did not start")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=0, help="size of the reservation collection")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.items, args.latency))


if __name__ == "__main__":
    main()
