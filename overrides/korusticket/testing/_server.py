"""A loopback HTTP server (stdlib ``ThreadingHTTPServer``) in front of a ``StandIn``."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ._control import CONTROL_PATH, FILES_PATH, Control
from ._core import Request, Response
from ._standin import StandIn

__all__ = ["DEFAULT_PORT", "StandInServer", "connection_help", "serve"]


class _Handler(BaseHTTPRequestHandler):
    server: StandInServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle holds the body back
    # until the client's delayed ACK (~40 ms per request on a reused connection).
    disable_nagle_algorithm = True

    def _any(self) -> None:
        url = urlsplit(self.path)
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(
            self.command,
            url.path,
            tuple(parse_qsl(url.query, keep_blank_values=True)),
            {k.lower(): v for k, v in self.headers.items()},
            body,
        )
        control = self.server.control.handle(request)  # the control API and the file storage
        if control is not None:
            self._send(control)
            return
        stand_in = self.server.stand_in
        plan = stand_in.begin(request)
        if plan.delay:
            stand_in.sleep(plan.delay)
        response = stand_in.finish(plan)
        if response is None or (plan.fault is not None and plan.fault.drop_connection is not None):
            self.close_connection = True  # hang up without an answer
            return
        self._send(response)

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("content-length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _any

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class StandInServer(ThreadingHTTPServer):
    """``StandInServer(stand_in, ("127.0.0.1", 0))``; ``base_url`` tells where it listens.

    Besides the API it serves the documents' signed URLs (the stand-in's ``temporaryUrl`` then
    points here, unless ``serve_files=False``) and the control API under ``/_stand-in`` (faults, seeding, the request log: see
    ``korusticket.testing._control``). Every API answer carries an ``X-Request-Id``."""

    daemon_threads = True

    def __init__(
        self,
        stand_in: StandIn,
        address: tuple[str, int] = ("127.0.0.1", 0),
        *,
        verbose: bool = False,
        serve_files: bool = True,
    ) -> None:
        super().__init__(address, _Handler)
        self.stand_in = stand_in
        self.verbose = verbose
        self.control = Control(stand_in)
        if serve_files:  # else the temporaryUrls keep the demo storage host (recorded cassettes look like the demo's)
            stand_in.settings.storage_url = self.base_url + FILES_PATH

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def token_url(self) -> str:
        """The stand-in's token endpoint (``token_url=`` / KORUSTICKET_TOKEN_URL)."""
        return f"{self.base_url}{self.stand_in.token_path}"

    def start(self) -> threading.Thread:
        """Serve in a daemon thread; stop with ``shutdown()`` then ``server_close()``."""
        thread = threading.Thread(target=self.serve_forever, name="korusticket-stand-in", daemon=True)
        thread.start()
        return thread

    def __enter__(self) -> StandInServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


DEFAULT_PORT = 8787
"""The port ``python -m korusticket.testing serve`` listens on (the README's)."""


def connection_help(server: StandInServer) -> str:
    """How to connect to `server`: the KORUSTICKET_* variables, or the one Python line."""
    s = server.stand_in.settings
    token_url = server.token_url
    return "\n".join(
        [
            f"KorusTicket stand-in listening on {server.base_url}",
            "",
            "Connect with these environment variables (then KorusTicket() / AsyncKorusTicket()):",
            f"  export KORUSTICKET_BASE_URL={server.base_url}",
            f"  export KORUSTICKET_TOKEN_URL={token_url}",
            f"  export KORUSTICKET_CLIENT_ID={s.client_id}",
            f"  export KORUSTICKET_CLIENT_SECRET={s.client_secret}",
            "",
            "or in Python:",
            f"  kt = KorusTicket(base_url={server.base_url!r}, token_url={token_url!r}, "
            f"client_id={s.client_id!r}, client_secret={s.client_secret!r})",
            "",
            f"Demo catalog: {server.stand_in.demo.catalog}",
            f"Control API (faults, seeding, request log): {server.base_url}{CONTROL_PATH}",
        ]
    )


def serve(
    stand_in: StandIn | None = None, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *, verbose: bool = True
) -> None:
    """Serve forever in the foreground (Ctrl-C to stop). A port in use raises OSError."""
    server = StandInServer(stand_in or StandIn(), (host, port), verbose=verbose)
    print(connection_help(server), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
