"""One request through the stand-in, as every transport drives it: ``begin`` logs it and picks its
fault, the transport waits the plan's ``delay`` (blocking or not), ``finish`` gives the answer (None:
the connection drops first). Here so that the transports need not import ``StandIn``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from ._core import Request, Response
from ._faults import Fault, RecordedRequest

__all__ = ["Cycle", "Plan"]


@dataclass
class Plan:
    record: RecordedRequest
    request: Request
    fault: Fault | None
    delay: float


class Cycle(Protocol):
    """What a transport drives (``StandIn``)."""

    sleep: Callable[[float], None]
    async_sleep: Callable[[float], Awaitable[None]]

    def begin(self, request: Request) -> Plan: ...

    def finish(self, plan: Plan) -> Response | None: ...
