"""The request pipeline shared by every resource: configuration, per-call options, the httpx
client stack (auth, retries, headers, timeouts), and one place that turns HTTP outcomes into
results or exceptions."""

from __future__ import annotations

import copy
import functools
import logging
import math
import os
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from types import ModuleType
from typing import Any, TypedDict, TypeVar

import attrs
import httpx

from ._auth import BearerToken, ClientCredentials, check_secure
from ._constants import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_ENVIRONMENT,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOKEN_URL,
    ENV_PREFIX,
    ENVIRONMENTS,
    MEDIA_JSONLD,
)
from ._decode import MODES, Validation, decode_error, load_json
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    InputError,
    KorusTicketError,
    OutcomeUnknownError,
    ResponseDecodeError,
)
from ._http import AsyncClientTransport, ClientTransport, check_headers, check_query
from ._numbers import is_whole
from ._raw import record_exchange
from ._responses import error_from_response
from ._retry import (
    DELAY_KEY,
    DELAY_PARAM,
    MAX_RETRIES_KEY,
    NOT_SENT,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
)
from ._version import __version__

__all__ = ["Config", "RequestOptions", "SyncCore", "AsyncCore", "Clock", "check_header_value"]

log = logging.getLogger("korusticket")
T = TypeVar("T")
Clock = Callable[[], datetime]
TimeoutLike = float | httpx.Timeout | None

# Exceptions the generated from_dict raises on a body that does not fit the spec.
DECODE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, ArithmeticError)
# A POST answered with a 5xx may or may not have been processed (a gateway answered instead of
# the API, or the API failed after committing); 501 and 505 say the request was not understood.
NOT_PROCESSED_5XX = frozenset({501, 505})
# A language tag (BCP 47 shape): letters, then letter/digit subtags joined by "-".
LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
# What a header value built from a setting may hold: visible ASCII, no space (token68-like).
HEADER_TOKEN = re.compile(r"[\x21-\x7e]+")


LOG_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}


def configure_logging(value: str | None = None) -> None:
    """KORUSTICKET_LOG=info|debug: the ``korusticket`` loggers at that level, to stderr unless the
    application configured a handler. Unset: logging is left to the application."""
    value = os.environ.get(ENV_PREFIX + "LOG") if value is None else value
    if not value:
        return
    level = LOG_LEVELS.get(value.strip().lower())
    if level is None:
        raise InputError("KORUSTICKET_LOG", f"{value!r:.20} is not a log level", "info or debug")
    log.setLevel(level)
    if not log.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        log.addHandler(handler)


def utc_now() -> datetime:
    return datetime.now(UTC)


class RequestOptions(TypedDict, total=False):
    """Per-call overrides accepted by every resource method."""

    language: str
    timeout: float | httpx.Timeout
    max_retries: int
    extra_headers: Mapping[str, str]
    """Headers added to this call (names are HTTP tokens, values visible ASCII)."""
    extra_query: Mapping[str, str | int | float | bool]
    """Query parameters added to this call."""


def to_timeout(value: TimeoutLike) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return httpx.Timeout(DEFAULT_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise InputError(
            "timeout", f"{value!r} is not a finite positive number of seconds", "a float > 0 or httpx.Timeout"
        )
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_CONNECT_TIMEOUT))


def check_language(value: object, field: str = "language") -> str:
    """A language tag such as ``fr`` or ``fr-FR``: anything else could not be sent as a header
    (CR, LF, NUL, non-ASCII) or would be a different header than meant (spaces, lists)."""
    if not isinstance(value, str) or not LANGUAGE_TAG.fullmatch(value):
        raise InputError(
            field,
            f"{value!r:.40} is not a language tag",
            "a tag such as 'fr' or 'fr-FR': ASCII letters and digits joined by '-', no spaces or control characters",
        )
    return value


def check_header_value(value: object, field: str) -> str:
    """A credential sent in a header: visible ASCII only. The value is never echoed (secret)."""
    if not isinstance(value, str) or not HEADER_TOKEN.fullmatch(value):
        raise InputError(
            field,
            "is empty or holds a space, control or non-ASCII character (value not shown)",
            "visible ASCII characters only",
        )
    return value


def check_validation(value: object) -> str:
    """``validate_responses``: a mode name, or the former booleans (True: strict, False: off)."""
    if value is True:
        return "strict"
    if value is False:
        return "off"
    if isinstance(value, str) and value in MODES:
        return value
    raise InputError("validate_responses", f"{value!r:.40} is not a validation mode", " or ".join(map(repr, MODES)))


def check_retries(value: object) -> int:
    if not is_whole(value, 0):
        raise InputError("max_retries", f"{value!r} is not a whole number >= 0", "0, 1, 2, ...")
    return value


@attrs.frozen(repr=False)
class Config:
    """Resolved client settings (explicit arguments first, then KORUSTICKET_* variables)."""

    base_url: str
    token_url: str
    client_id: str | None
    client_secret: str | None = attrs.field(repr=False)
    token: str | None = attrs.field(repr=False)
    language: str | None
    timeout: httpx.Timeout
    max_retries: int
    validate_responses: str = "lenient"

    def __repr__(self) -> str:
        auth = "token" if self.token else f"client_id={self.client_id!r}"
        return f"Config(base_url={self.base_url!r}, {auth})"

    @classmethod
    def resolve(
        cls,
        *,
        client_id: str | None,
        client_secret: str | None,
        token: str | None,
        environment: str | None,
        base_url: str | None,
        token_url: str | None,
        language: str | None,
        timeout: TimeoutLike,
        max_retries: int | None,
        validate_responses: bool | str = "lenient",
    ) -> Config:
        """Explicit arguments beat KORUSTICKET_* variables in every combination: an explicit
        ``environment`` beats KORUSTICKET_BASE_URL, explicit credentials beat KORUSTICKET_TOKEN."""
        env = os.environ

        def pick(value: str | None, name: str) -> str | None:
            return value if value is not None else (env.get(ENV_PREFIX + name) or None)

        if base_url is not None and (not isinstance(base_url, str) or not base_url.strip()):
            raise InputError(
                "base_url", f"{base_url!r:.40} is empty", "an https:// URL such as https://api.korusticket.com"
            )
        # An explicit choice of server (environment or base_url): the variables do not get a say.
        base_value = base_url if environment is not None or base_url is not None else pick(None, "BASE_URL")
        environment = pick(environment, "ENVIRONMENT") or DEFAULT_ENVIRONMENT
        if environment not in ENVIRONMENTS:
            raise InputError("environment", f"unknown environment {environment!r}", " or ".join(ENVIRONMENTS))
        base = base_value or ENVIRONMENTS[environment]
        if token is not None:
            token_value: str | None = token
            cid, secret = client_id, client_secret
        elif client_id is not None or client_secret is not None:
            # Explicit credentials: a KORUSTICKET_TOKEN left in the environment does not win.
            token_value = None
            cid, secret = pick(client_id, "CLIENT_ID"), pick(client_secret, "CLIENT_SECRET")
        else:
            token_value = pick(None, "TOKEN")
            cid, secret = pick(None, "CLIENT_ID"), pick(None, "CLIENT_SECRET")
        if token_value is not None:
            check_header_value(token_value, "token")
        if token_value is None and (cid is None or secret is None or not cid.strip() or not secret.strip()):
            missing = [n for n, v in (("client_id", cid), ("client_secret", secret)) if v is None or not v.strip()]
            raise InputError(
                " and ".join(missing),
                "no credentials given (or an empty one)",
                "client_id and client_secret (or KORUSTICKET_CLIENT_ID/KORUSTICKET_CLIENT_SECRET), "
                "or token (KORUSTICKET_TOKEN)",
            )
        token_endpoint = pick(token_url, "TOKEN_URL")
        config = cls(
            base_url=base.rstrip("/"),
            token_url=token_endpoint or DEFAULT_TOKEN_URL,
            client_id=cid,
            client_secret=secret,
            token=token_value,
            language=None if language is None else check_language(language),
            timeout=to_timeout(timeout),
            max_retries=check_retries(DEFAULT_MAX_RETRIES if max_retries is None else max_retries),
            validate_responses=check_validation(validate_responses),
        )
        url = _url(config.base_url, "base_url")
        _no_userinfo(url, "base_url")
        if not url.host or url.scheme not in ("http", "https"):
            raise InputError(
                "base_url", f"{config.base_url!r:.80} is not an http(s) URL", "https://api.korusticket.com"
            )
        check_secure(url, "base_url")
        if token_endpoint is None and token_value is None and config.base_url not in ENVIRONMENTS.values():
            # Never send credentials meant for a local or foreign API to KorusTicket's Keycloak.
            raise InputError(
                "token_url",
                f"is required with client credentials and a custom base_url ({config.base_url!r:.80})",
                "token_url= (or KORUSTICKET_TOKEN_URL) of that server's token endpoint, e.g. "
                "http://127.0.0.1:8787/realms/korusticket/protocol/openid-connect/token for the stand-in; "
                "or a static token=",
            )
        endpoint = _url(config.token_url, "token_url")
        _no_userinfo(endpoint, "token_url")
        if not endpoint.host or endpoint.scheme not in ("http", "https"):
            raise InputError(
                "token_url",
                f"{config.token_url!r:.80} is not an http(s) URL with a host",
                "https://auth.korusticket.com/realms/korusticket/protocol/openid-connect/token",
            )
        return config

    def headers(self) -> dict[str, str]:
        headers = {"Accept": MEDIA_JSONLD, "User-Agent": f"korusticket-python/{__version__}"}
        if self.language:
            headers["Accept-Language"] = self.language
        return headers


def _no_userinfo(url: httpx.URL, field: str) -> None:
    """A user name or password in a URL would show in reprs and logs (and go out as Basic auth)."""
    if url.userinfo:
        raise InputError(
            field,
            "holds a user name or password before the host (not shown)",
            "a URL without user:password@ (credentials go in client_id/client_secret or token)",
        )


def _http_client_auth(http_client: httpx.Client | httpx.AsyncClient | None) -> None:
    """A caller's httpx client with its own auth= would replace the bearer token on API calls
    and reach the token endpoint too: refused (the client authenticates itself)."""
    if http_client is not None and http_client.auth is not None:
        raise InputError(
            "http_client",
            f"has its own auth ({type(http_client.auth).__name__}), which would replace the bearer token",
            "an httpx client without auth=: KorusTicket authenticates with client_id/client_secret or token",
        )


def _url(value: str, field: str) -> httpx.URL:
    try:
        return httpx.URL(value)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InputError(field, f"{value!r:.80} is not a URL", "an https:// URL") from None


# --- one call ----------------------------------------------------------------------------------


def _validate_options(options: RequestOptions) -> RequestOptions:
    if not options:
        return options
    unknown = set(options) - set(RequestOptions.__annotations__)
    if unknown:
        raise InputError(
            ", ".join(sorted(unknown)), "unknown option", "language, timeout, max_retries, extra_headers, extra_query"
        )
    if "timeout" in options:
        to_timeout(options["timeout"])
    if "max_retries" in options:
        check_retries(options["max_retries"])
    if "language" in options:
        check_language(options["language"])
    if "extra_headers" in options:
        check_headers(options["extra_headers"], "extra_headers")
    if "extra_query" in options:
        check_query(options["extra_query"])
    return options


def merge_options(defaults: RequestOptions, options: RequestOptions) -> RequestOptions:
    """A call's options over a client's defaults (with_options); extra headers and query merge."""
    if not defaults:
        return options
    merged: RequestOptions = {**defaults, **options}
    for key in ("extra_headers", "extra_query"):
        if key in defaults and key in options:
            merged[key] = {**defaults[key], **options[key]}
    return merged


def _with_options(request: dict[str, Any], options: RequestOptions) -> dict[str, Any]:
    """A built request (method, url, query, body) with the per-call options applied. A flow may
    ask for a wait before the request (DELAY_PARAM, e.g. backing off before a second lookup)."""
    if not options and DELAY_PARAM not in request:  # most calls: nothing to apply
        return request
    options = _validate_options(options)
    kwargs = dict(request)
    delay = kwargs.pop(DELAY_PARAM, None)
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


def _request_of(op: ModuleType, args: tuple[Any, ...], params: dict[str, Any]) -> dict[str, Any]:
    """The request a generated operation builds (a flow's DELAY_PARAM travels beside it)."""
    params = dict(params)
    delay = params.pop(DELAY_PARAM, None)
    request: dict[str, Any] = op._get_kwargs(*args, **params)
    if delay:
        request[DELAY_PARAM] = delay
    return request


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
        if validation.mode != "off" and getattr(expect, "_CHECKED", False):
            # Response models check the body against the spec while they read it (one type
            # test per value). Only when something does not fit does the full check below run,
            # to name the field or, leniently, set it aside.
            try:
                return expect.from_dict(body, True)  # type: ignore[attr-defined,no-any-return]
            except DECODE_ERRORS:
                pass
        body, restore = validation.check(response, body)
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


def _policies(config: Config, clock: Clock) -> tuple[RetryPolicy, RetryPolicy]:
    """Retry policies for API requests and for token requests (asking twice for a token is
    harmless, and any 5xx of the token endpoint is worth another try)."""
    policy = RetryPolicy(max_retries=config.max_retries, now=clock)
    return policy, attrs.evolve(policy, methods=policy.methods | {"POST"}, statuses=policy.statuses | {500})


def _headers(config: Config, default_headers: Mapping[str, str] | None) -> dict[str, str]:
    headers = config.headers()
    if default_headers is not None:
        headers.update(check_headers(default_headers, "default_headers"))
    return headers


def _closed() -> ClientClosedError:
    return ClientClosedError("the client is closed: create a new one (or use `with KorusTicket(...)` for its lifetime)")


class SyncCore:
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
        configure_logging()
        self.config = config
        self.clock = clock
        self.validation = Validation(config.validate_responses)
        self.defaults: RequestOptions = {}
        headers = _headers(config, default_headers)
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise InputError("http_client", f"{type(http_client).__name__} is not an httpx.Client", "httpx.Client")
        _http_client_auth(http_client)
        inner: httpx.BaseTransport
        if transport is not None:
            if http_client is not None:
                raise InputError("transport", "given with http_client", "one of transport= and http_client=")
            inner = transport
        else:  # a default httpx.Client honours HTTP(S)_PROXY, NO_PROXY and SSL_CERT_FILE as httpx does
            inner = ClientTransport(http_client or httpx.Client(), owned=http_client is None)
        policy, token_policy = _policies(config, clock)
        self.auth = _auth(config, clock, transport=RetryTransport(inner, token_policy, sleep))
        http_auth = _http_auth(self.auth, headers)  # may move a static token into the headers
        self.http = httpx.Client(
            base_url=config.base_url,
            headers=headers,
            timeout=config.timeout,
            transport=RetryTransport(inner, policy, sleep),
            auth=http_auth,
        )

    def call(self, op: ModuleType, expect: type[T], options: RequestOptions, *args: Any, **params: Any) -> T:
        """Send the request generated operation `op` builds, and parse its answer into `expect`."""
        return self.send(_request_of(op, args, params), expect, options)

    def derive(self, options: RequestOptions) -> SyncCore:
        """This core with default options for every call, sharing the connection pool (with_options)."""
        derived = copy.copy(self)
        derived.defaults = merge_options(self.defaults, _validate_options(options))
        return derived

    def send(self, request: dict[str, Any], expect: type[T], options: RequestOptions) -> T:
        """Send a built request and parse its answer into `expect`."""
        kwargs = _with_options(request, merge_options(self.defaults, options))
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


class AsyncCore:
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
        configure_logging()
        self.config = config
        self.clock = clock
        self.validation = Validation(config.validate_responses)
        self.defaults: RequestOptions = {}
        headers = _headers(config, default_headers)
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise InputError(
                "http_client", f"{type(http_client).__name__} is not an httpx.AsyncClient", "httpx.AsyncClient"
            )
        _http_client_auth(http_client)
        inner: httpx.AsyncBaseTransport
        if transport is not None:
            if http_client is not None:
                raise InputError("transport", "given with http_client", "one of transport= and http_client=")
            inner = transport
        else:
            inner = AsyncClientTransport(http_client or httpx.AsyncClient(), owned=http_client is None)
        policy, token_policy = _policies(config, clock)
        self.auth = _auth(config, clock, async_transport=AsyncRetryTransport(inner, token_policy, sleep))
        http_auth = _http_auth(self.auth, headers)  # may move a static token into the headers
        self.http = httpx.AsyncClient(
            base_url=config.base_url,
            headers=headers,
            timeout=config.timeout,
            transport=AsyncRetryTransport(inner, policy, sleep),
            auth=http_auth,
        )

    async def call(self, op: ModuleType, expect: type[T], options: RequestOptions, *args: Any, **params: Any) -> T:
        """Send the request generated operation `op` builds, and parse its answer into `expect`."""
        return await self.send(_request_of(op, args, params), expect, options)

    def derive(self, options: RequestOptions) -> AsyncCore:
        """This core with default options for every call, sharing the connection pool (with_options)."""
        derived = copy.copy(self)
        derived.defaults = merge_options(self.defaults, _validate_options(options))
        return derived

    async def send(self, request: dict[str, Any], expect: type[T], options: RequestOptions) -> T:
        """Send a built request and parse its answer into `expect`."""
        return (await self.send_deferred(request, expect, options))()

    async def send_deferred(self, request: dict[str, Any], expect: type[T], options: RequestOptions) -> Callable[[], T]:
        """Send a built request; once its answer is in, what parses it into `expect`. A prefetching
        paginator sends its next request as soon as an answer arrives and parses pages in order,
        so the parsing of one page never delays the request for another."""
        kwargs = _with_options(request, merge_options(self.defaults, options))
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
