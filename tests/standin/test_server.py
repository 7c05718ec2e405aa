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


def test_serve_prints_how_to_connect_and_defaults_to_the_readme_port() -> None:
    from korusticket import KorusTicket
    from korusticket.testing import DEFAULT_PORT, connection_help

    assert DEFAULT_PORT == 8787
    with StandInServer(StandIn(), ("127.0.0.1", 0)) as server:
        text = connection_help(server)
        env = dict(
            line.strip().removeprefix("export ").split("=", 1)
            for line in text.splitlines()
            if line.strip().startswith("export ")
        )
        assert env == {
            "KORUSTICKET_BASE_URL": server.base_url,
            "KORUSTICKET_TOKEN_URL": server.token_url,
            "KORUSTICKET_CLIENT_ID": DEMO_CLIENT_ID,
            "KORUSTICKET_CLIENT_SECRET": DEMO_CLIENT_SECRET,
        }
        python_line = next(line.strip() for line in text.splitlines() if line.strip().startswith("kt = "))
        namespace: dict[str, object] = {"KorusTicket": KorusTicket}
        exec(python_line, namespace)  # the printed line connects as printed
        kt = namespace["kt"]
        assert isinstance(kt, KorusTicket)
        with kt:
            assert len(list(kt.catalogs.list())) == 2


def test_serve_on_a_busy_port_is_one_line() -> None:
    with StandInServer(StandIn(), ("127.0.0.1", 0)) as server:
        port = str(server.server_address[1])
        out = subprocess.run(
            [sys.executable, "-m", "korusticket.testing", "serve", "--port", port, "--quiet"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1
    assert "Traceback" not in out.stderr
    assert f"127.0.0.1:{port}" in out.stderr
