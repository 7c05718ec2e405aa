"""The request pipeline shared by every resource: configuration, per-call options, the httpx
client stack (auth, retries, headers, timeouts), and one place that turns HTTP outcomes into
results or exceptions."""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable
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
from ._decode import check_body, decode_error
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    InputError,
    KorusTicketError,
    OutcomeUnknownError,
    error_from_response,
)
from ._retry import MAX_RETRIES_KEY, NOT_SENT, AsyncRetryTransport, RetryPolicy, RetryTransport
from ._version import __version__

__all__ = ["Config", "RequestOptions", "SyncCore", "AsyncCore", "Clock"]

log = logging.getLogger("korusticket")
T = TypeVar("T")
Clock = Callable[[], datetime]
TimeoutLike = float | httpx.Timeout | None

# Exceptions the generated from_dict raises on a body that does not fit the spec.
DECODE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, ArithmeticError)
# A gateway answered instead of the API: a POST may or may not have been processed.
AMBIGUOUS_STATUSES = frozenset({502, 503, 504})


def utc_now() -> datetime:
    return datetime.now(UTC)


class RequestOptions(TypedDict, total=False):
    """Per-call overrides accepted by every resource method."""

    language: str
    timeout: float | httpx.Timeout
    max_retries: int


def to_timeout(value: TimeoutLike) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return httpx.Timeout(DEFAULT_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InputError("timeout", f"{value!r} is not a positive number of seconds", "a float > 0 or httpx.Timeout")
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_CONNECT_TIMEOUT))


def check_language(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise InputError("language", f"{value!r:.40} is not a language tag", "an Accept-Language value such as 'fr'")
    return value


def check_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
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
    validate_responses: bool = True

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
        validate_responses: bool = True,
    ) -> Config:
        env = os.environ

        def pick(value: str | None, name: str) -> str | None:
            return value if value is not None else (env.get(ENV_PREFIX + name) or None)

        environment = pick(environment, "ENVIRONMENT") or DEFAULT_ENVIRONMENT
        if environment not in ENVIRONMENTS:
            raise InputError("environment", f"unknown environment {environment!r}", " or ".join(ENVIRONMENTS))
        base = pick(base_url, "BASE_URL") or ENVIRONMENTS[environment]
        token_value = pick(token, "TOKEN")
        cid, secret = pick(client_id, "CLIENT_ID"), pick(client_secret, "CLIENT_SECRET")
        if token_value is None and (cid is None or secret is None):
            missing = [n for n, v in (("client_id", cid), ("client_secret", secret)) if v is None]
            raise InputError(
                " and ".join(missing),
                "no credentials given",
                "client_id and client_secret (or KORUSTICKET_CLIENT_ID/KORUSTICKET_CLIENT_SECRET), "
                "or token (KORUSTICKET_TOKEN)",
            )
        config = cls(
            base_url=base.rstrip("/"),
            token_url=pick(token_url, "TOKEN_URL") or DEFAULT_TOKEN_URL,
            client_id=cid,
            client_secret=secret,
            token=token_value,
            language=None if language is None else check_language(language),
            timeout=to_timeout(timeout),
            max_retries=check_retries(DEFAULT_MAX_RETRIES if max_retries is None else max_retries),
            validate_responses=bool(validate_responses),
        )
        check_secure(httpx.URL(config.base_url), "base_url")
        return config

    def headers(self) -> dict[str, str]:
        headers = {"Accept": MEDIA_JSONLD, "User-Agent": f"korusticket-python/{__version__}"}
        if self.language:
            headers["Accept-Language"] = self.language
        return headers


# --- one call ----------------------------------------------------------------------------------


def _validate_options(options: RequestOptions) -> RequestOptions:
    unknown = set(options) - set(RequestOptions.__annotations__)
    if unknown:
        raise InputError(", ".join(sorted(unknown)), "unknown option", "language, timeout, max_retries")
    if "timeout" in options:
        to_timeout(options["timeout"])
    if "max_retries" in options:
        check_retries(options["max_retries"])
    if "language" in options:
        check_language(options["language"])
    return options


def _with_options(kwargs: dict[str, Any], options: RequestOptions) -> dict[str, Any]:
    """A built request (method, url, query, body) with the per-call options applied."""
    options = _validate_options(options)
    if not options:
        return kwargs
    kwargs = dict(kwargs)
    if "language" in options:
        kwargs["headers"] = {**kwargs.get("headers", {}), "Accept-Language": options["language"]}
    if "timeout" in options:
        kwargs["timeout"] = to_timeout(options["timeout"])
    if "max_retries" in options:
        kwargs["extensions"] = {MAX_RETRIES_KEY: options["max_retries"]}
    return kwargs


def _transport_error(exc: httpx.TransportError) -> KorusTicketError:
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:
        request = None
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


def _parse(response: httpx.Response, expect: type[T], clock: Clock, validate: bool) -> T:
    """An error for an error status; otherwise the body, checked and parsed into `expect`."""
    if response.status_code >= 400:
        error = error_from_response(response, now=clock)
        if response.request.method == "POST" and response.status_code in AMBIGUOUS_STATUSES:
            raise OutcomeUnknownError(
                f"{response.request.method} {response.request.url.path}: the outcome is unknown, "
                f"a gateway answered {response.status_code} after the request was sent",
                request=response.request,
                cause=f"HTTP {response.status_code}",
            ) from error
        raise error
    try:
        body = response.json()
    except ValueError as exc:
        raise decode_error(response, exc) from exc
    if validate:
        # The generated models do not check plain field types: a wrong one must not pass silently.
        problem = check_body(response, body)
        if problem is not None:
            raise problem
    if expect is dict or expect is object:  # raw JSON, for kt.get(..., cast_to=dict)
        if expect is dict and not isinstance(body, dict):
            raise decode_error(response, TypeError(f"expected a JSON object, got {type(body).__name__}"))
        return body  # type: ignore[no-any-return]
    try:
        parsed = expect.from_dict(body)  # type: ignore[attr-defined]
    except DECODE_ERRORS as exc:
        raise decode_error(response, exc) from exc
    # httpx keeps a response in a reference cycle with its stream: break it so the page body is
    # freed now, not at the next garbage collection (memory stays flat while draining).
    response.stream = httpx.ByteStream(b"")
    return parsed  # type: ignore[no-any-return]


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


def _policies(config: Config, clock: Clock) -> tuple[RetryPolicy, RetryPolicy]:
    """Retry policies for API requests and for token requests (asking twice for a token is harmless)."""
    policy = RetryPolicy(max_retries=config.max_retries, now=clock)
    return policy, attrs.evolve(policy, methods=policy.methods | {"POST"})


class SyncCore:
    """Runs generated operations on a configured httpx.Client."""

    def __init__(
        self,
        config: Config,
        *,
        transport: httpx.BaseTransport | None,
        clock: Clock,
        sleep: Callable[[float], None] | None,
    ) -> None:
        self.config = config
        self.clock = clock
        inner = transport or httpx.HTTPTransport()
        policy, token_policy = _policies(config, clock)
        self.auth = _auth(config, clock, transport=RetryTransport(inner, token_policy, sleep))
        self.http = httpx.Client(
            base_url=config.base_url,
            headers=config.headers(),
            timeout=config.timeout,
            transport=RetryTransport(inner, policy, sleep),
            auth=self.auth,
        )

    def send(self, request: dict[str, Any], expect: type[T], options: RequestOptions) -> T:
        """Send a built request and parse its answer into `expect`."""
        kwargs = _with_options(request, options)
        try:
            response = self.http.request(**kwargs)
        except httpx.TransportError as exc:
            raise _transport_error(exc) from exc
        return _parse(response, expect, self.clock, self.config.validate_responses)

    def call(self, op: ModuleType, expect: type[T], options: RequestOptions, *args: Any, **params: Any) -> T:
        """Send the request generated operation `op` builds, and parse its answer into `expect`."""
        return self.send(op._get_kwargs(*args, **params), expect, options)

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
    ) -> None:
        self.config = config
        self.clock = clock
        inner = transport or httpx.AsyncHTTPTransport()
        policy, token_policy = _policies(config, clock)
        self.auth = _auth(config, clock, async_transport=AsyncRetryTransport(inner, token_policy, sleep))
        self.http = httpx.AsyncClient(
            base_url=config.base_url,
            headers=config.headers(),
            timeout=config.timeout,
            transport=AsyncRetryTransport(inner, policy, sleep),
            auth=self.auth,
        )

    async def send(self, request: dict[str, Any], expect: type[T], options: RequestOptions) -> T:
        """Send a built request and parse its answer into `expect`."""
        kwargs = _with_options(request, options)
        try:
            response = await self.http.request(**kwargs)
        except httpx.TransportError as exc:
            raise _transport_error(exc) from exc
        return _parse(response, expect, self.clock, self.config.validate_responses)

    async def call(self, op: ModuleType, expect: type[T], options: RequestOptions, *args: Any, **params: Any) -> T:
        """Send the request generated operation `op` builds, and parse its answer into `expect`."""
        return await self.send(op._get_kwargs(*args, **params), expect, options)

    async def close(self) -> None:
        await self.http.aclose()
        if isinstance(self.auth, ClientCredentials):
            await self.auth.aclose()
