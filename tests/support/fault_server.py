"""A raw-socket HTTP/1.1 fault server on loopback, in front of a realistic API (a StandIn).

Each connection is served by its own thread; every answer carries ``Connection: close``, so each
request arrives on a fresh socket and a fault never leaks into the next request. Rules decide,
per request, what the server does (first live rule wins, ``times`` bounds it):

- ``pass``: the API answers normally.
- ``close``: hang up without an answer; with ``process=True`` the API handles the request first
  (its effects happen: the answer is lost), else it never sees it.
- ``reset``: the API handles it, headers and half the body go out, then a TCP reset.
- ``stall``: (after processing, when asked) send nothing or half the body, then wait until
  ``release()`` or the server stops: the client's read timeout fires.
- ``answer``: send ``status``/``body`` (any bytes: HTML, 100,000-deep JSON); with
  ``process=True`` the API handles the request first and its answer is replaced.
- ``serialize=True``: handling the path holds a lock, as a database row lock would; with
  ``hold_until_contended=True`` the holder commits only once another request waits for the lock
  (a slow transaction that a second request runs into).
- ``rewrite_request`` / ``rewrite_response``: a misbehaving server (ignores ``page``, caps the
  page size, loops ``view.next``...).

Nothing waits for time: waits are on events and conditions, each bounded by ``BOUND`` seconds so
a broken test fails instead of hanging.
"""

from __future__ import annotations

import contextlib
import fnmatch
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from typing import Literal
from urllib.parse import parse_qsl, urlsplit

from korusticket.testing import TOKEN_PATH, StandIn
from korusticket.testing._core import Request, Response

__all__ = ["BOUND", "FaultServer", "Rule", "Seen"]

BOUND = 5.0  # seconds any wait may last before the server gives up (a failing test, not a hang)
Action = Literal["pass", "close", "reset", "stall", "answer"]


@dataclass
class Rule:
    path: str = "*"
    method: str | None = None
    action: Action = "pass"
    process: bool = False
    status: int = 200
    body: bytes = b""
    content_type: str = "application/ld+json"
    headers: dict[str, str] = field(default_factory=dict)
    partial: bool = True  # stall: send the headers and half the body first
    serialize: bool = False
    hold_until_contended: bool = False
    when: Callable[[Request], bool] | None = None
    rewrite_request: Callable[[Request], Request] | None = None
    rewrite_response: Callable[[Request, Response], Response] | None = None
    times: int | None = 1
    hits: int = 0

    def matches(self, request: Request) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        if self.method is not None and self.method != request.method:
            return False
        if not fnmatch.fnmatchcase(request.path, self.path):
            return False
        return self.when is None or self.when(request)


@dataclass(frozen=True)
class Seen:
    """A request as it reached the server, and what the server did with it."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    action: str
    processed: bool


class FaultServer:
    """``with FaultServer(stand_in) as server:`` ... ``server.base_url``, ``server.token_url``."""

    def __init__(self, stand_in: StandIn | None = None) -> None:
        self.stand_in = stand_in or StandIn()
        self.rules: list[Rule] = []
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._release = threading.Event()
        self._row_locks: dict[str, threading.Lock] = {}
        self._waiting: dict[str, int] = {}
        self._contention = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._acceptor = threading.Thread(target=self._accept, name="fault-server", daemon=True)

    # -- set-up -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    @property
    def token_url(self) -> str:
        return self.base_url + TOKEN_PATH

    def add(self, path: str = "*", **kwargs: object) -> Rule:
        rule = Rule(path, **kwargs)  # type: ignore[arg-type]
        with self._lock:
            self.rules.append(rule)
        return rule

    def release(self) -> None:
        """Let every stalled answer end (the connection is then closed)."""
        self._release.set()

    def count(self, method: str | None = None, path: str = "*", *, processed: bool | None = None) -> int:
        return sum(
            1
            for s in self.seen
            if (method is None or s.method == method)
            and fnmatch.fnmatchcase(s.path, path)
            and (processed is None or s.processed == processed)
        )

    def __enter__(self) -> FaultServer:
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._release.set()
        with self._contention:
            self._contention.notify_all()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        with contextlib.suppress(OSError):
            self._listener.close()
        self._acceptor.join(BOUND)
        for thread in list(self._threads):
            thread.join(BOUND)

    # -- serving ----------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(BOUND)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            request = _read_request(conn)
            if request is None:
                return
            with self._lock:
                rule = next((r for r in self.rules if r.matches(request)), None)
                if rule is not None:
                    rule.hits += 1
            self._handle(conn, request, rule or Rule(times=None))
        except OSError:
            pass  # the client went away (it timed out): nothing to answer
        finally:
            with contextlib.suppress(OSError):
                conn.close()

    def _handle(self, conn: socket.socket, request: Request, rule: Rule) -> None:
        if rule.rewrite_request is not None:
            request = rule.rewrite_request(request)
        processes = rule.action == "pass" or rule.process or rule.action == "reset"
        self.seen.append(Seen(request.method, request.path, request.query, rule.action, processes))
        response: Response | None = None
        if processes:
            response = self._process(request, rule)
            if response is not None and rule.rewrite_response is not None:
                response = rule.rewrite_response(request, response)
        if rule.action == "close":
            return
        if rule.action == "answer":
            _send(conn, rule.status, [("content-type", rule.content_type), *rule.headers.items()], rule.body)
            return
        if response is None:  # the stand-in itself dropped the connection (its own faults)
            return
        if rule.action == "pass":
            _send(conn, response.status, list(response.headers), response.body)
        elif rule.action == "reset":
            _send_half(conn, response)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = RST
        elif rule.action == "stall":
            if rule.partial:
                _send_half(conn, response)
            self._release.wait(BOUND)

    def _process(self, request: Request, rule: Rule) -> Response | None:
        if not rule.serialize:
            return self.stand_in.handle(request)
        with self._row(request.path):
            if rule.hold_until_contended:
                with self._contention:
                    self._contention.wait_for(
                        lambda: self._waiting.get(request.path, 0) > 0 or self._stop.is_set(), BOUND
                    )
            return self.stand_in.handle(request)

    @contextlib.contextmanager
    def _row(self, path: str) -> Iterator[None]:
        with self._lock:
            lock = self._row_locks.setdefault(path, threading.Lock())
        with self._contention:
            self._waiting[path] = self._waiting.get(path, 0) + 1
            self._contention.notify_all()
        acquired = lock.acquire(timeout=BOUND)
        with self._contention:
            self._waiting[path] -= 1
        try:
            yield
        finally:
            if acquired:
                lock.release()


def _read_request(conn: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length") or 0)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    url = urlsplit(target)
    return Request(method, url.path, tuple(parse_qsl(url.query, keep_blank_values=True)), headers, body[:length])


def _head(status: int, headers: list[tuple[str, str]], length: int) -> bytes:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{k}: {v}" for k, v in headers if k.lower() not in ("content-length", "connection")]
    lines += [f"content-length: {length}", "connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


def _send(conn: socket.socket, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
    conn.sendall(_head(status, headers, len(body)) + body)


def _send_half(conn: socket.socket, response: Response) -> None:
    body = response.body
    conn.sendall(_head(response.status, list(response.headers), len(body)) + body[: len(body) // 2])


def with_query(request: Request, **changes: str | None) -> Request:
    """The request with query parameters replaced (None removes one)."""
    query = [(k, v) for k, v in request.query if k not in changes]
    query += [(k, v) for k, v in changes.items() if v is not None]
    return replace(request, query=tuple(query))
