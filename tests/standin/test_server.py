from __future__ import annotations

import subprocess
import sys

import httpx
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FakeClock, StandIn, StandInServer


def test_loopback_server_round_trip(clock: FakeClock) -> None:
    stand_in = StandIn(clock=clock)
    with StandInServer(stand_in, ("127.0.0.1", 0)) as server, httpx.Client(base_url=server.base_url) as c:
        token = c.post(
            stand_in.token_path,
            data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET},
        ).json()["access_token"]
        answer = c.get("/v1/ticketing/catalogs", headers={"authorization": f"Bearer {token}"})
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/ld+json; charset=utf-8"
        assert answer.json()["totalItems"] == 2
        stand_in.faults.add("/v1/ticketing/*", drop_connection="after")
        try:
            c.get("/v1/ticketing/catalogs", headers={"authorization": f"Bearer {token}"})
        except httpx.RemoteProtocolError:
            pass
        else:  # pragma: no cover
            raise AssertionError("the server should hang up")
    assert stand_in.count("GET", "/v1/ticketing/catalogs") == 2


def test_cli_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "korusticket.testing", "serve", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert "--port" in out.stdout
