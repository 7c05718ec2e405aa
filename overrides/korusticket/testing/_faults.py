"""Fault injection and the request log."""

from __future__ import annotations

import fnmatch
import json
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

__all__ = ["ArrayShape", "DropWhen", "Fault", "Faults", "RecordedRequest", "reshape"]

DropWhen = Literal["before", "after"]
# How a bulk answer writes its created/failed arrays. The docs show lists of objects; PHP emits a
# JSON object once array_filter has left holes, and a serializer may write IRIs or nulls.
ArrayShape = Literal["list", "object", "iris", "null"]
ARRAY_SHAPES = ("list", "object", "iris", "null")
# The arrays of the two `_bulk` answers: created resources, then failures.
CREATED_KEYS = ("orders", "reservations")
FAILED_KEYS = ("failedOrders", "failedReservations")


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
    process: bool = False
    arrays: ArrayShape = "list"
    omit_created: int = 0
    refusal: Mapping[str, object] | None = None
    hide_orders: int = 0

    @property
    def reshapes(self) -> bool:
        """Whether the handled answer's body is rewritten (arrays, omissions, refusals)."""
        return self.arrays != "list" or bool(self.omit_created) or self.refusal is not None

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

    Answers in the other shapes the docs allow (the request is handled, its effects happen):

    - ``status=500, process=True``: the request is handled (an order commits), then ``status``
      and ``body`` replace the answer.
    - ``arrays="object" | "iris" | "null"``: the created and failed arrays of a ``_bulk`` answer
      are written as a JSON object keyed by position (PHP after ``array_filter``), as a list of
      the created resources' IRIs, or with every member ``null``.
    - ``omit_created=n``: the last ``n`` created resources are left out of the answer (a partial
      answer: they exist all the same).
    - ``refusal={"message": "Cette réservation a déjà été commandée.", "code": None}``: every
      failure of the answer gets these keys (``None`` removes one): a refusal in another language,
      without a code or with another code.
    - ``hide_orders=n``: the orders this request creates stay out of the next ``n`` order lists
      (a commit not yet visible to other reads).
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
        process: bool = False,
        arrays: ArrayShape = "list",
        omit_created: int = 0,
        refusal: Mapping[str, object] | None = None,
        hide_orders: int = 0,
    ) -> Fault:
        if drop_connection not in (None, "before", "after"):
            raise ValueError("drop_connection must be 'before' or 'after'")
        if arrays not in ARRAY_SHAPES:
            raise ValueError(f"arrays must be one of {', '.join(ARRAY_SHAPES)}")
        if omit_created < 0 or hide_orders < 0:
            raise ValueError("omit_created and hide_orders must be >= 0")
        if process and status is None:
            raise ValueError("process=True needs the status that replaces the answer")
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
            process=process,
            arrays=arrays,
            omit_created=omit_created,
            refusal=None if refusal is None else dict(refusal),
            hide_orders=hide_orders,
        )
        if status is None and drop_connection is None and not latency and not fault.reshapes and not hide_orders:
            raise ValueError(
                "a fault needs a status, drop_connection, latency, arrays, omit_created, refusal or hide_orders"
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


def reshape(body: Any, fault: Fault) -> Any:
    """A ``_bulk`` answer's body written as ``fault`` says (see ``Faults``); other bodies unchanged."""
    if not isinstance(body, dict) or not fault.reshapes:
        return body
    out = dict(body)
    for key in CREATED_KEYS + FAILED_KEYS:
        members = out.get(key)
        if not isinstance(members, list):
            continue
        if key in CREATED_KEYS and fault.omit_created:
            members = members[: max(0, len(members) - fault.omit_created)]
        if key in FAILED_KEYS and fault.refusal is not None:
            members = [_refused(m, fault.refusal) for m in members]
        if fault.arrays == "iris" and key in CREATED_KEYS:
            members = [m.get("@id") if isinstance(m, dict) else m for m in members]
        elif fault.arrays == "null":
            members = [None for _ in members]
        out[key] = {str(i): m for i, m in enumerate(members)} if fault.arrays == "object" else members
    return out


def _refused(failure: object, refusal: Mapping[str, object]) -> object:
    if not isinstance(failure, dict):
        return failure
    changed = {**failure, **{k: v for k, v in refusal.items() if v is not None}}
    return {k: v for k, v in changed.items() if refusal.get(k, True) is not None}


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
