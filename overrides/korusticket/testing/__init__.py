"""An in-memory, stateful stand-in of the KorusTicket API (the release in korusticket.API_VERSION), for tests and demos.

    stand_in = StandIn(clock=FakeClock())
    client = httpx.Client(base_url="https://api.demo.korusticket.com", transport=stand_in.transport())
    token = client.post(stand_in.token_path, data={"grant_type": "client_credentials",
                        "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}).json()

Or over HTTP: ``python -m korusticket.testing serve --port 8787``.

Stand-in choices where the docs are silent (not API facts):
``failedReservations[]`` items are ``{"item": <input item>, "index": i, "message", "code"}`` with
code ``sold_out`` | ``offer_expired`` | ``session_expired``; ``failedOrders[]`` items are
``{"reservation": <IRI>, "message", "code"}`` with code ``reservation_expired`` |
``reservation_already_ordered``; an expired reservation reads ``status: released``.
"""

from __future__ import annotations

from ._app import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH
from ._clock import Clock, FakeClock, system_clock
from ._faults import Fault, Faults, RecordedRequest
from ._server import DEFAULT_PORT, StandInServer, connection_help, serve
from ._sleeps import SleepRecorder
from ._standin import Demo, StandIn
from ._transport import StandInAsyncTransport, StandInTransport

__all__ = [
    "DEMO_CLIENT_ID",
    "DEFAULT_PORT",
    "DEMO_CLIENT_SECRET",
    "TOKEN_PATH",
    "Clock",
    "Demo",
    "FakeClock",
    "Fault",
    "Faults",
    "RecordedRequest",
    "SleepRecorder",
    "StandIn",
    "StandInAsyncTransport",
    "StandInServer",
    "StandInTransport",
    "connection_help",
    "serve",
    "system_clock",
]
