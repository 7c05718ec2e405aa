"""The request pipeline shared by every resource: the httpx client stack (auth, retries,
headers, timeouts), per-call options applied to a request, and one place that turns HTTP
outcomes into results or exceptions. Configuration is resolved in _config.py."""

from __future__ import annotations

import copy
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Self, TypeVar

import httpx

from ._auth import BearerToken, ClientCredentials
from ._config import (
    Clock,
    Config,
    RequestOptions,
    check_headers,
    check_options,
    check_transport,
    configure_logging,
    merge_options,
    to_timeout,
)
from ._decode import Validation, decode_error, load_json
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    InputError,
    KorusTicketError,
    OutcomeUnknownError,
    ResponseDecodeError,
)
from ._http import AsyncClientTransport, ClientTransport
from ._raw import record_exchange
from ._responses import error_from_response
from ._retry import (
    DELAY_KEY,
    MAX_RETRIES_KEY,
    NOT_SENT,
    AsyncRetryTransport,
    RetryTransport,
    policies,
)

__all__ = ["AsyncCore", "CoreBase", "Request", "SyncCore"]

log = logging.getLogger("korusticket")
T = TypeVar("T")
Request = dict[str, Any]
"""A built request: method, url, params, json, headers (what a generated `_get_kwargs` returns)."""

# Exceptions the generated from_dict raises on a body that does not fit the spec.
DECODE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, ArithmeticError)
# A POST answered with a 5xx may or may not have been processed (a gateway answered instead of
# the API, or the API failed after committing); 501 and 505 say the request was not understood.
NOT_PROCESSED_5XX = frozenset({501, 505})


# --- one call ----------------------------------------------------------------------------------


def _with_options(request: Request, options: RequestOptions, delay: float) -> Request:
    """A built request (method, url, query, body) with the per-call options applied. A flow may
    ask for a wait before the request (`delay`, e.g. backing off before a second lookup): the
    retry transport sleeps it, on the client's injected clock."""
    if not options and not delay:  # most calls: nothing to apply
        return request
    options = check_options(options)
    kwargs = dict(request)
    extensions: dict[str, Any] = {}
    if "extra_headers" in options:
        kwargs["headers"] = {**kwargs.get("headers", {}), **options["extra_headers"]}
    if "language" in options:
        kwargs["headers"] = {**kwargs.get("headers", {}), "Accept-Language": options["language"]}
    if "extra_query" in options:
        params = kwargs.get("params", {})
        if clash := sorted(set(options["extra_query"]) & set(params)):
            # A parameter the call sets itself (page, itemsPerPage, a filter of an order lookup):
            # overriding it would silently change what the call reads or reconciles.
            raise InputError(
                f"extra_query.{clash[0]}",
                "is set by the call itself",
                "parameters the call does not send (use the method's own arguments)",
            )
        kwargs["params"] = {**params, **options["extra_query"]}
    if "timeout" in options:
        kwargs["timeout"] = to_timeout(options["timeout"])
    if "max_retries" in options:
        extensions[MAX_RETRIES_KEY] = options["max_retries"]
    if delay:
        extensions[DELAY_KEY] = float(delay)
    if extensions:  # beside those of the request (the operation it was built for)
        kwargs["extensions"] = {**kwargs.get("extensions", {}), **extensions}
    return kwargs


def _local_error(exc: Exception) -> InputError:
    """A request httpx or h11 refused to build or write: nothing left this machine. The message
    is not echoed, as it may quote a header value (a bearer token)."""
    return InputError(
        "request",
        f"could not be sent ({type(exc).__name__}): a header value or the body holds a character HTTP forbids "
        "(CR, LF, NUL, non-ASCII)",
        "header values in visible ASCII",
    )


def _transport_error(exc: httpx.TransportError) -> KorusTicketError:
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:
        request = None
    if isinstance(exc, httpx.LocalProtocolError):
        return _local_error(exc)
    where = f"{request.method} {request.url.path}" if request is not None else "request"
    if request is not None and request.method == "POST" and not isinstance(exc, NOT_SENT):
        # The request left; the server may have acted on it. Never resend blindly.
        return OutcomeUnknownError(
            f"{where}: the outcome is unknown, the request was sent but the answer was lost ({type(exc).__name__})",
            request=request,
            cause=type(exc).__name__,
        )
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{where} timed out ({type(exc).__name__})", request=request)
    return APIConnectionError(f"{where} failed: {type(exc).__name__}: {exc}", request=request)


def _parse(response: httpx.Response, expect: type[T], clock: Clock, validation: Validation) -> T:
    """An error for an error status (3xx included: redirects are never followed); otherwise the
    body, checked and parsed into `expect`. A POST whose answer cannot be read is an unknown
    outcome: the server may have acted on it."""
    request = response.request
    status = response.status_code
    if not 200 <= status < 300:
        error = error_from_response(response, now=clock)
        if request.method == "POST" and ((status >= 500 and status not in NOT_PROCESSED_5XX) or 300 <= status < 400):
            raise OutcomeUnknownError(
                f"{request.method} {request.url.path}: the outcome is unknown, "
                f"{'the server answered' if status >= 500 else 'the server redirected with'} {status} "
                "after the request was sent",
                request=request,
                cause=f"HTTP {status}",
            ) from error
        raise error
    try:
        parsed = _decode(response, expect, validation)
    except ResponseDecodeError as error:
        if request.method != "POST":
            raise
        unreadable = error
    else:
        # httpx keeps a response in a reference cycle with its stream: break it so the page body
        # is freed now, not at the next garbage collection (memory stays flat while draining).
        response.stream = httpx.ByteStream(b"")
        return parsed
    raise OutcomeUnknownError(
        f"{request.method} {request.url.path}: the outcome is unknown, the server answered {status} "
        f"but its body cannot be read ({unreadable})",
        request=request,
        cause=f"HTTP {status}, undecodable body",
    ) from unreadable


def _decode(response: httpx.Response, expect: type[T], validation: Validation) -> T:
    problem: Exception
    try:
        body = load_json(response)
    except ValueError as exc:
        problem = exc
    else:
        unfit: Exception | None = None
        if validation.mode != "off" and getattr(expect, "_CHECKED", False):
            # Response models check the body against the spec while they read it (one type
            # test per value). Only when something does not fit does the full check below run,
            # to name the field or, leniently, set it aside.
            try:
                return expect.from_dict(body, True)  # type: ignore[attr-defined,no-any-return]
            except DECODE_ERRORS as exc:
                unfit = exc
        body, restore = validation.check(response, body, unfit)
        if expect is dict or expect is object:  # raw JSON, for kt.get(..., cast_to=dict)
            if expect is object or isinstance(body, dict):
                return body  # type: ignore[no-any-return]
            problem = TypeError(f"expected a JSON object, got {type(body).__name__}")
            raise decode_error(response, problem)
        try:
            parsed = expect.from_dict(body)  # type: ignore[attr-defined]
        except DECODE_ERRORS as exc:
            problem = exc
        else:
            restore(parsed)
            return parsed  # type: ignore[no-any-return]
    raise decode_error(response, problem)


def _auth(config: Config, clock: Clock, **transport: Any) -> httpx.Auth:
    """A static bearer token, or client credentials whose token requests go through `transport`."""
    if config.token:
        return BearerToken(config.token)
    return ClientCredentials(
        client_id=config.client_id or "",
        client_secret=config.client_secret or "",
        token_url=config.token_url,
        timeout=config.timeout,
        clock=clock,
        **transport,
    )


def _http_auth(auth: httpx.Auth, headers: dict[str, str]) -> httpx.Auth | None:
    """What the httpx client runs per request. A static token never changes: it goes into the
    default headers, as httpx's auth flow would set it on every request, which spares that flow
    per call (~20 µs over a socket). httpx masks Authorization in every repr; the token itself
    stays a Secret in the BearerToken the core keeps."""
    if isinstance(auth, BearerToken):
        headers["Authorization"] = auth.header()
        return None
    return auth


def _headers(config: Config, default_headers: Mapping[str, str] | None) -> dict[str, str]:
    headers = config.headers()
    if default_headers is not None:
        headers.update(check_headers(default_headers, "default_headers"))
    return headers


def _closed() -> ClientClosedError:
    return ClientClosedError("the client is closed: create a new one (or use `with KorusTicket(...)` for its lifetime)")


class CoreBase:
    """What the sync and async cores share: everything but sending (only `await` differs there)."""

    config: Config
    clock: Clock
    validation: Validation
    defaults: RequestOptions

    def _setup(self, config: Config, clock: Clock, default_headers: Mapping[str, str] | None) -> dict[str, str]:
        configure_logging()
        self.config = config
        self.clock = clock
        self.validation = Validation(config.validate_responses)
        self.defaults = {}
        return _headers(config, default_headers)

    def derive(self, options: RequestOptions) -> Self:
        """This core with default options for every call, sharing the connection pool (with_options)."""
        derived = copy.copy(self)
        derived.defaults = merge_options(self.defaults, check_options(options))
        return derived

    def effective(self, options: RequestOptions) -> RequestOptions:
        """What one call runs with: its options over the with_options defaults, ``max_retries``
        always set (the client's when neither sets it). Hooks receive this, not the client."""
        merged = merge_options(self.defaults, check_options(options))
        return merged if "max_retries" in merged else {**merged, "max_retries": self.config.max_retries}


class SyncCore(CoreBase):
    """Runs generated operations on a configured httpx.Client."""

    def __init__(
        self,
        config: Config,
        *,
        transport: httpx.BaseTransport | None,
        clock: Clock,
        sleep: Callable[[float], None] | None,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        headers = self._setup(config, clock, default_headers)
        check_transport(transport, http_client, httpx.Client)
        inner: httpx.BaseTransport
        if transport is not None:
            inner = transport
        else:  # a default httpx.Client honours HTTP(S)_PROXY, NO_PROXY and SSL_CERT_FILE as httpx does
            inner = ClientTransport(http_client or httpx.Client(), owned=http_client is None)
        policy, token_policy = policies(config.max_retries, clock)
        self.auth = _auth(config, clock, transport=RetryTransport(inner, token_policy, sleep))
        http_auth = _http_auth(self.auth, headers)  # may move a static token into the headers
        self.http = httpx.Client(
            base_url=config.base_url,
            headers=headers,
            timeout=config.timeout,
            transport=RetryTransport(inner, policy, sleep),
            auth=http_auth,
        )

    def send(self, request: Request, expect: type[T], options: RequestOptions, *, delay: float = 0.0) -> T:
        """Send a built request (after `delay` seconds) and parse its answer into `expect`."""
        kwargs = _with_options(request, merge_options(self.defaults, options), delay)
        if self.http.is_closed:
            raise _closed()
        started = time.perf_counter()
        try:
            response = self.http.request(**kwargs)
        except httpx.TransportError as exc:
            error = _transport_error(exc)
        except UnicodeError as exc:  # a header value httpx cannot encode: nothing was sent
            error = _local_error(exc)
        else:
            record_exchange(response, started)
            return _parse(response, expect, self.clock, self.validation)
        # Raised outside the except block: httpx's exception (its request carries the bearer
        # token) must not be reachable through __context__.
        raise error

    def close(self) -> None:
        self.http.close()
        if isinstance(self.auth, ClientCredentials):
            self.auth.close()


class AsyncCore(CoreBase):
    """Runs generated operations on a configured httpx.AsyncClient."""

    def __init__(
        self,
        config: Config,
        *,
        transport: httpx.AsyncBaseTransport | None,
        clock: Clock,
        sleep: Callable[[float], Awaitable[None]] | None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        headers = self._setup(config, clock, default_headers)
        check_transport(transport, http_client, httpx.AsyncClient)
        inner: httpx.AsyncBaseTransport
        if transport is not None:
            inner = transport
        else:
            inner = AsyncClientTransport(http_client or httpx.AsyncClient(), owned=http_client is None)
        policy, token_policy = policies(config.max_retries, clock)
        self.auth = _auth(config, clock, async_transport=AsyncRetryTransport(inner, token_policy, sleep))
        http_auth = _http_auth(self.auth, headers)  # may move a static token into the headers
        self.http = httpx.AsyncClient(
            base_url=config.base_url,
            headers=headers,
            timeout=config.timeout,
            transport=AsyncRetryTransport(inner, policy, sleep),
            auth=http_auth,
        )

    async def send(self, request: Request, expect: type[T], options: RequestOptions, *, delay: float = 0.0) -> T:
        """Send a built request (after `delay` seconds) and parse its answer into `expect`."""
        return (await self.send_deferred(request, expect, options, delay=delay))()

    async def send_deferred(
        self, request: Request, expect: type[T], options: RequestOptions, *, delay: float = 0.0
    ) -> Callable[[], T]:
        """Send a built request; once its answer is in, what parses it into `expect`. A prefetching
        paginator sends its next request as soon as an answer arrives and parses pages in order,
        so the parsing of one page never delays the request for another."""
        kwargs = _with_options(request, merge_options(self.defaults, options), delay)
        if self.http.is_closed:
            raise _closed()
        started = time.perf_counter()
        try:
            response = await self.http.request(**kwargs)
        except httpx.TransportError as exc:
            error = _transport_error(exc)
        except UnicodeError as exc:  # a header value httpx cannot encode: nothing was sent
            error = _local_error(exc)
        else:
            record_exchange(response, started)
            return functools.partial(_parse, response, expect, self.clock, self.validation)
        raise error  # outside the except block: see SyncCore.call

    async def close(self) -> None:
        await self.http.aclose()
        if isinstance(self.auth, ClientCredentials):
            await self.auth.aclose()
