"""OAuth2 client credentials (Keycloak) as an httpx.Auth: lazy, cached, renewed early, one
token request in flight at a time, and one renewal plus replay when the API answers 401.

Callers that waited for a flight share its outcome, failure included: during a token-endpoint
outage N threads or tasks cause one flight (1 + max_retries requests), not N.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import re
import threading
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from ._config import check_secure
from ._constants import TOKEN_RENEW_MARGIN
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    KorusTicketError,
    RateLimitError,
    RedirectError,
    ServerError,
)
from ._version import __version__

if TYPE_CHECKING:
    import asyncio

__all__ = ["BearerToken", "ClientCredentials", "Secret"]

log = logging.getLogger("korusticket")
_HEADERS = {"Accept": "application/json", "User-Agent": f"korusticket-python/{__version__}"}
# An access token goes into a header: visible ASCII only.
_TOKEN_CHARS = re.compile(r"[\x21-\x7e]+")
# Fields of a token answer that are credentials: masked in whatever an error keeps of the answer.
_TOKEN_FIELDS = ("access_token", "refresh_token", "id_token")
_MASK = "**********"


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


class BearerToken(httpx.Auth):
    """A fixed bearer token (KORUSTICKET_TOKEN); a 401 is raised, not renewed."""

    def __init__(self, token: str) -> None:
        self._token = Secret(token)

    def header(self) -> str:
        return f"Bearer {self._token.get()}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self.header()
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
        # Flights finished so far, and the error of the last one if it failed: a caller that
        # waited while a flight ran gets that flight's outcome instead of starting another.
        self._flights = 0
        self._failure: KorusTicketError | None = None
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

    def _shared(self, flights: int) -> KorusTicketError | None:
        """The failure of a flight that ended while this caller waited (a copy: each caller
        gets its own traceback), else None."""
        if self._flights != flights and self._failure is not None:
            return copy.copy(self._failure)
        return None

    def _landed(self, outcome: _Token | KorusTicketError) -> None:
        self._flights += 1
        self._failure = outcome if isinstance(outcome, KorusTicketError) else None

    def _sync_token(self, stale: _Token | None) -> _Token:
        token = self._usable(stale)
        if token is not None:
            return token
        flights = self._flights
        with self._lock:  # single flight: whoever waited finds the fresh token (or its failure) here
            token = self._usable(stale)
            if token is not None:
                return token
            if (failure := self._shared(flights)) is not None:
                raise failure
            if self._sync_http is None:
                self._sync_http = httpx.Client(transport=self._transport, timeout=self._timeout, headers=_HEADERS)
            outcome = self._outcome(self._send_sync, self._sync_http)
            self._landed(outcome)
        if isinstance(outcome, KorusTicketError):
            raise outcome
        return outcome

    async def _async_token(self, stale: _Token | None) -> _Token:
        token = self._usable(stale)
        if token is not None:
            return token
        if self._async_lock is None:
            import asyncio  # only async users pay for importing it

            self._async_lock = asyncio.Lock()
        flights = self._flights
        async with self._async_lock:
            token = self._usable(stale)
            if token is not None:
                return token
            if (failure := self._shared(flights)) is not None:
                raise failure
            if self._async_http is None:
                self._async_http = httpx.AsyncClient(
                    transport=self._async_transport, timeout=self._timeout, headers=_HEADERS
                )
            outcome = self._checked(await self._send_async(self._async_http))  # no answer in this frame
            self._landed(outcome)
        if isinstance(outcome, KorusTicketError):
            raise outcome
        return outcome

    def _outcome(
        self, send: Callable[[httpx.Client], httpx.Response | KorusTicketError], http: httpx.Client
    ) -> _Token | KorusTicketError:
        return self._checked(send(http))

    def _checked(self, response: httpx.Response | KorusTicketError) -> _Token | KorusTicketError:
        if isinstance(response, KorusTicketError):
            return response
        try:
            return self._store(response)
        except KorusTicketError as exc:
            # Without the frames that read the answer: their locals hold the token it carried.
            return exc.with_traceback(None)

    def _form(self) -> dict[str, str]:
        return {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._secret.get(),
        }

    # The failures below are returned, then raised by the caller outside any except block: the
    # httpx exception (its request body holds the client secret, its traceback the form) must not
    # be reachable through __context__ or __cause__.

    def _send_sync(self, http: httpx.Client) -> httpx.Response | KorusTicketError:
        log.debug("requesting an access token from %s", self.token_url)
        try:
            return http.post(self.token_url, data=self._form())
        except httpx.TransportError as exc:
            return _unreachable(exc)

    async def _send_async(self, http: httpx.AsyncClient) -> httpx.Response | KorusTicketError:
        log.debug("requesting an access token from %s", self.token_url)
        try:
            return await http.post(self.token_url, data=self._form())
        except httpx.TransportError as exc:
            return _unreachable(exc)

    def _store(self, response: httpx.Response) -> _Token:
        body = _json_or_none(response)
        status = response.status_code
        error = body.get("error") if isinstance(body, dict) else None
        description = body.get("error_description") if isinstance(body, dict) else None
        reason = f"{error or status}{f' ({description})' if description else ''}"
        cls: type[APIError] = AuthenticationError
        if status >= 500:
            # An outage, not a verdict on the credentials (already retried by the transport).
            cls, message = ServerError, f"token endpoint failed on the server side: {reason}"
        elif status == 429:
            cls, message = RateLimitError, f"token endpoint is rate limiting: {reason}"
        elif 300 <= status < 400:
            cls, message = RedirectError, f"token endpoint answered a redirect ({status}), which is never followed"
        elif status != 200:
            message = f"token endpoint refused client {self.client_id!r}: {reason}"
        else:
            message = _malformed(body) or ""
        if message:
            body = None  # a 200 that does not fit still carries a live token: keep none of it here
            oauth: dict[str, Any] = {}
            if issubclass(cls, AuthenticationError):  # the OAuth2 fields, through the constructor
                oauth = {"error": str(error) if error else None,
                         "error_description": str(description) if description else None}  # fmt: skip
            raise cls(
                message,
                response=_without_credentials(response),
                title=str(error) if error else None,
                detail=str(description) if description else None,
                **oauth,
            )
        assert isinstance(body, dict)
        lifetime = float(body.get("expires_in") or 300)  # finite and positive: _malformed checked
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
        content=_masked(response),
        request=httpx.Request(response.request.method, response.request.url),
    )


def _masked(response: httpx.Response) -> bytes:
    """The answer's body with its credentials masked (a 200 refused for a bad ``expires_in`` still
    holds a live access token); a body that is not a JSON object is kept only when it holds none."""
    body = _json_or_none(response)
    if isinstance(body, dict):
        if not any(key in body for key in _TOKEN_FIELDS):
            return response.content
        return json.dumps({k: _MASK if k in _TOKEN_FIELDS else v for k, v in body.items()}).encode()
    text = response.content
    return b"" if any(key.encode() in text for key in _TOKEN_FIELDS) else text


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


def _malformed(body: Any) -> str | None:
    """What is wrong with a 200 token answer, or None (the token value is never quoted)."""
    if not isinstance(body, dict):
        return "token endpoint answered 200 with a body that is not a JSON object"
    token = body.get("access_token")
    if not isinstance(token, str) or not _TOKEN_CHARS.fullmatch(token):
        kind = "missing" if "access_token" not in body else f"a {type(token).__name__}"
        if isinstance(token, str):
            kind = "empty" if not token else "not sendable in a header (space, control or non-ASCII character)"
        return f"token endpoint answered 200 with an unusable access_token ({kind}); no request was sent with it"
    lifetime = body.get("expires_in")
    if lifetime is not None and (
        isinstance(lifetime, bool) or not isinstance(lifetime, int | float) or not _positive_seconds(lifetime)
    ):
        return f"token endpoint answered 200 with expires_in {lifetime!r:.40}, not a positive number of seconds"
    return None


def _positive_seconds(value: float) -> bool:
    """A finite positive number that a float can hold (10**400 cannot: OverflowError)."""
    try:
        seconds = float(value)
    except OverflowError:
        return False
    return math.isfinite(seconds) and seconds > 0


def _unreachable(exc: httpx.TransportError) -> KorusTicketError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"token endpoint timed out: {type(exc).__name__}")
    return APIConnectionError(f"token endpoint unreachable: {type(exc).__name__}")
