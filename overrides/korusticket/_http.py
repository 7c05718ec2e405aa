"""The httpx client stack under the client's auth, retries and checks: a caller's own
httpx.Client / httpx.AsyncClient (proxies, mTLS, limits, event hooks) or a default one that
honours the proxy environment variables as httpx does; per-call and default headers."""

from __future__ import annotations

import re
from collections.abc import Mapping

import httpx

from ._errors import ClientClosedError, InputError

__all__ = ["AsyncClientTransport", "ClientTransport", "check_headers", "check_query"]

# RFC 9110 token: what a header name may be.
HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# A header value: visible ASCII, spaces and tabs inside (no CR, LF, NUL, non-ASCII).
HEADER_VALUE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?")
# Headers the client owns: the bearer token, the body's framing and type, and the hop-by-hop
# headers of the connection (RFC 9110 7.6.1; Expect and Upgrade change how the exchange goes).
RESERVED = frozenset(
    {
        "authorization",
        "host",
        "content-length",
        "transfer-encoding",
        "content-type",
        "connection",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "upgrade",
        "expect",
        "proxy-authorization",
    }
)


def _closed(what: str) -> ClientClosedError:
    return ClientClosedError(
        f"the {what} is closed: create a new client (or use `with KorusTicket(...)` for its lifetime)"
    )


class ClientTransport(httpx.BaseTransport):
    """Sends each request through an httpx.Client, with its proxies, TLS, limits and event hooks.
    Redirects are never followed; the client's own auth is never used (a caller's client with
    auth= is refused, and auth set on it later is overridden per request)."""

    def __init__(self, client: httpx.Client, *, owned: bool) -> None:
        self.client = client
        self.owned = owned
        # The default client (no hooks, no auth; its cookies would only repeat the outer
        # client's) is only there to pick the transport its proxy settings route a URL to:
        # asking it directly spares a second Client.send per request, a tenth of the calls
        # a request makes. A caller's client keeps its event hooks: it sends.
        self._route = getattr(client, "_transport_for_url", None) if owned else None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.client.is_closed:
            raise _closed("httpx client given as http_client")
        if self._route is not None:
            response: httpx.Response = self._route(request.url).handle_request(request)
            return response
        return self.client.send(request, stream=True, follow_redirects=False, auth=None)

    def close(self) -> None:
        if self.owned:  # a caller's client stays theirs to close
            self.client.close()


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """ClientTransport for an httpx.AsyncClient."""

    def __init__(self, client: httpx.AsyncClient, *, owned: bool) -> None:
        self.client = client
        self.owned = owned
        self._route = getattr(client, "_transport_for_url", None) if owned else None  # see ClientTransport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.client.is_closed:
            raise _closed("httpx client given as http_client")
        if self._route is not None:
            response: httpx.Response = await self._route(request.url).handle_async_request(request)
            return response
        return await self.client.send(request, stream=True, follow_redirects=False, auth=None)

    async def aclose(self) -> None:
        if self.owned:
            await self.client.aclose()


def check_headers(value: object, field: str) -> dict[str, str]:
    """Extra headers: names are HTTP tokens, values visible ASCII (never echoed: they may be
    secrets). Authorization and framing headers stay the client's."""
    if not isinstance(value, Mapping):
        raise InputError(field, f"{type(value).__name__} is not a mapping", "a dict of header names to str values")
    headers: dict[str, str] = {}
    for name, header in value.items():
        if not isinstance(name, str) or not HEADER_NAME.fullmatch(name):
            raise InputError(field, f"{name!r:.40} is not a header name", "letters, digits and !#$%&'*+-.^_`|~")
        if name.lower() in RESERVED:
            raise InputError(field, f"{name} is set by the client", "any header but " + ", ".join(sorted(RESERVED)))
        if not isinstance(header, str) or not HEADER_VALUE.fullmatch(header):
            raise InputError(
                field,
                f"the value of {name} is not a str of visible ASCII characters (value not shown)",
                "visible ASCII, spaces inside; no CR, LF, NUL or non-ASCII",
            )
        headers[name] = header
    return headers


def check_query(value: object, field: str = "extra_query") -> dict[str, str | int | float | bool]:
    """Extra query parameters: names are str, values scalars (str, int, float, bool)."""
    if not isinstance(value, Mapping):
        raise InputError(field, f"{type(value).__name__} is not a mapping", "a dict of names to scalar values")
    query: dict[str, str | int | float | bool] = {}
    for name, item in value.items():
        if not isinstance(name, str) or not name:
            raise InputError(field, f"{name!r:.40} is not a parameter name", "a non-empty str")
        if not isinstance(item, str | int | float | bool):
            raise InputError(field, f"the value of {name} is a {type(item).__name__}", "str, int, float or bool")
        query[name] = item
    return query
