"""The httpx client stack under the client's auth, retries and checks: a caller's own
httpx.Client / httpx.AsyncClient (proxies, mTLS, limits, event hooks) or a default one that
honours the proxy environment variables as httpx does; per-call and default headers."""

from __future__ import annotations

import httpx

from ._errors import ClientClosedError

__all__ = ["AsyncClientTransport", "ClientTransport"]


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
