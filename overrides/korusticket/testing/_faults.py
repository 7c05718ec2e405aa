"""Fault injection and the request log."""

from __future__ import annotations

import fnmatch
import json
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

__all__ = ["DropWhen", "Fault", "Faults", "RecordedRequest"]

DropWhen = Literal["before", "after"]


@dataclass
class Fault:
    """One injected misbehaviour; see ``Faults.add``."""

    path_glob: str = "*"
    method: str | None = None
    status: int | None = None
    retry_after: str | None = None
    body: object = None
    headers: Mapping[str, str] = field(default_factory=dict)
    latency: float = 0.0
    drop_connection: DropWhen | None = None
    error: type[httpx.TransportError] | None = None
    times: int | None = 1
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return fnmatch.fnmatchcase(path, self.path_glob)

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times

    def transport_error(self) -> type[httpx.TransportError]:
        if self.error is not None:
            return self.error
        return httpx.ConnectError if self.drop_connection == "before" else httpx.ReadError


class Faults:
    """Faults applied in the order they were added; the first live match wins.

    ``add(path_glob="/v1/booking/*", method="POST", status=503, retry_after="0", times=1)``
    answers the next matching request with a 503 (and ``Retry-After: 0``) without handling it.
    ``drop_connection="before"`` raises ``httpx.ConnectError`` and the request is not handled;
    ``drop_connection="after"`` handles the request (state changes happen) and then raises
    ``httpx.ReadError`` (or ``error=httpx.RemoteProtocolError``...): the answer is lost.
    ``latency`` adds seconds before answering. ``times=None`` keeps the fault forever.
    """

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(
        self,
        path_glob: str = "*",
        *,
        method: str | None = None,
        status: int | None = None,
        retry_after: str | None = None,
        body: object = None,
        headers: Mapping[str, str] | None = None,
        latency: float = 0.0,
        drop_connection: DropWhen | None = None,
        error: type[httpx.TransportError] | None = None,
        times: int | None = 1,
    ) -> Fault:
        if status is None and drop_connection is None and not latency:
            raise ValueError("a fault needs a status, drop_connection or latency")
        if drop_connection not in (None, "before", "after"):
            raise ValueError("drop_connection must be 'before' or 'after'")
        fault = Fault(
            path_glob,
            method,
            status,
            retry_after,
            body,
            dict(headers or {}),
            latency,
            drop_connection,
            error,
            times,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """The fault for this request (its hit counted), if any."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.hits += 1
                    return fault
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def __iter__(self) -> Iterator[Fault]:
        return iter(list(self._faults))

    def __len__(self) -> int:
        return len(self._faults)


@dataclass
class RecordedRequest:
    """A request as the stand-in saw it (``Authorization`` redacted)."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: dict[str, str]
    body: bytes
    status: int | None = None  # None: no answer was sent (dropped)
    fault: Fault | None = None

    def json(self) -> Any:
        return json.loads(self.body)
