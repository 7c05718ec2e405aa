"""OAuth2 client credentials (Keycloak) as an httpx.Auth: lazy, cached, renewed early, one
token request in flight at a time, and one renewal plus replay when the API answers 401."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from ._constants import TOKEN_RENEW_MARGIN
from ._errors import APIConnectionError, APITimeoutError, AuthenticationError, InputError
from ._version import __version__

if TYPE_CHECKING:
    import asyncio

__all__ = ["BearerToken", "ClientCredentials", "Secret"]

log = logging.getLogger("korusticket")
_HEADERS = {"Accept": "application/json", "User-Agent": f"korusticket-python/{__version__}"}


class Secret:
    """A string that never shows itself in repr, str, logs or tracebacks' locals."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__


@attrs.define(repr=False)
class _Token:
    access: Secret
    expires_at: float  # POSIX seconds on the client's clock


def check_secure(url: httpx.URL, what: str) -> None:
    """Refuse to send credentials over plain http, except to this machine."""
    if url.scheme == "https":
        return
    if url.scheme == "http" and url.host in ("localhost", "127.0.0.1", "::1"):
        return
    raise InputError(what, f"credentials are never sent over {url.scheme}:// to {url.host}", "https:// URLs")


class BearerToken(httpx.Auth):
    """A fixed bearer token (KORUSTICKET_TOKEN); a 401 is raised, not renewed."""

    def __init__(self, token: str) -> None:
        self._token = Secret(token)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token.get()}"
        yield request

    def __repr__(self) -> str:
        return "BearerToken(token='**********')"


class ClientCredentials(httpx.Auth):
    """Client-credentials grant against a token endpoint, shared by all threads and tasks.

    Token requests go through ``transport`` too (tests and the stand-in see them).
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        token_url: str,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client_id = client_id
        self._secret = Secret(client_secret)
        self.token_url = httpx.URL(token_url)
        check_secure(self.token_url, "token_url")
        self._transport = transport
        self._async_transport = async_transport
        self._timeout = timeout or httpx.Timeout(30.0, connect=5.0)
        self._clock = clock
        self._token: _Token | None = None
        self._lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None
        self._sync_http: httpx.Client | None = None
        self._async_http: httpx.AsyncClient | None = None

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, token_url={str(self.token_url)!r})"

    # -- the flows httpx calls ------------------------------------------------------------

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        used = self._sync_token(stale=None)
        request.headers["Authorization"] = f"Bearer {used.access.get()}"
        response = yield request
        if response.status_code == 401:
            # Expired or revoked before we thought: renew once, replay once.
            response.read()
            log.debug("401 from %s; renewing the access token and replaying once", request.url.path)
            request.headers["Authorization"] = f"Bearer {self._sync_token(stale=used).access.get()}"
            yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        used = await self._async_token(stale=None)
        request.headers["Authorization"] = f"Bearer {used.access.get()}"
        response = yield request
        if response.status_code == 401:
            await response.aread()
            log.debug("401 from %s; renewing the access token and replaying once", request.url.path)
            fresh = await self._async_token(stale=used)
            request.headers["Authorization"] = f"Bearer {fresh.access.get()}"
            yield request

    # -- token cache ----------------------------------------------------------------------

    def _usable(self, stale: _Token | None) -> _Token | None:
        token = self._token
        if token is None or token is stale:
            return None
        if self._clock().timestamp() >= token.expires_at:
            return None
        return token

    def _sync_token(self, stale: _Token | None) -> _Token:
        token = self._usable(stale)
        if token is not None:
            return token
        with self._lock:  # single flight: whoever waited finds the fresh token here
            token = self._usable(stale)
            if token is None:
                if self._sync_http is None:
                    self._sync_http = httpx.Client(transport=self._transport, timeout=self._timeout, headers=_HEADERS)
                token = self._store(self._send_sync(self._sync_http))
            return token

    async def _async_token(self, stale: _Token | None) -> _Token:
        token = self._usable(stale)
        if token is not None:
            return token
        if self._async_lock is None:
            import asyncio  # only async users pay for importing it

            self._async_lock = asyncio.Lock()
        async with self._async_lock:
            token = self._usable(stale)
            if token is None:
                if self._async_http is None:
                    self._async_http = httpx.AsyncClient(
                        transport=self._async_transport, timeout=self._timeout, headers=_HEADERS
                    )
                token = self._store(await self._send_async(self._async_http))
            return token

    def _form(self) -> dict[str, str]:
        return {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._secret.get(),
        }

    def _send_sync(self, http: httpx.Client) -> httpx.Response:
        log.debug("requesting an access token from %s", self.token_url)
        try:
            return http.post(self.token_url, data=self._form())
        except httpx.TimeoutException as exc:
            raise APITimeoutError(f"token endpoint timed out: {type(exc).__name__}") from None
        except httpx.TransportError as exc:
            raise APIConnectionError(f"token endpoint unreachable: {type(exc).__name__}") from None

    async def _send_async(self, http: httpx.AsyncClient) -> httpx.Response:
        log.debug("requesting an access token from %s", self.token_url)
        try:
            return await http.post(self.token_url, data=self._form())
        except httpx.TimeoutException as exc:
            raise APITimeoutError(f"token endpoint timed out: {type(exc).__name__}") from None
        except httpx.TransportError as exc:
            raise APIConnectionError(f"token endpoint unreachable: {type(exc).__name__}") from None

    def _store(self, response: httpx.Response) -> _Token:
        body = _json_or_none(response)
        if response.status_code != 200 or not isinstance(body, dict) or "access_token" not in body:
            error = body.get("error") if isinstance(body, dict) else None
            description = body.get("error_description") if isinstance(body, dict) else None
            exc = AuthenticationError(
                f"token endpoint refused client {self.client_id!r}: "
                f"{error or response.status_code}{f' ({description})' if description else ''}",
                response=_without_credentials(response),
                title=str(error) if error else None,
                detail=str(description) if description else None,
            )
            exc.error = str(error) if error else None
            exc.error_description = str(description) if description else None
            raise exc
        lifetime = float(body.get("expires_in") or 300)
        # Renew early, but never later than half the lifetime for very short-lived tokens.
        margin = min(TOKEN_RENEW_MARGIN, lifetime / 2)
        # A refresh token, if sent, is not kept: a new client-credentials grant is as cheap as a
        # refresh and needs no second secret in memory.
        self._token = _Token(
            access=Secret(str(body["access_token"])),
            expires_at=self._clock().timestamp() + lifetime - margin,
        )
        log.debug("access token obtained, valid %.0fs", lifetime)
        return self._token

    def close(self) -> None:
        if self._sync_http is not None:
            self._sync_http.close()

    async def aclose(self) -> None:
        if self._async_http is not None:
            await self._async_http.aclose()


def _without_credentials(response: httpx.Response) -> httpx.Response:
    """The token endpoint's answer, detached from the request whose body holds the client secret
    (an exception keeps its response, and with it the request)."""
    dropped = ("content-encoding", "content-length", "transfer-encoding")  # content is decoded already
    return httpx.Response(
        response.status_code,
        headers=[(k, v) for k, v in response.headers.multi_items() if k.lower() not in dropped],
        content=response.content,
        request=httpx.Request(response.request.method, response.request.url),
    )


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
