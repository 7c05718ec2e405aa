"""Client configuration and per-call options: what the constructor and ``with_options`` accept,
checked and resolved once (explicit arguments, then KORUSTICKET_* variables, then defaults)."""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TypedDict

import attrs
import httpx

from ._constants import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_ENVIRONMENT,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOKEN_URL,
    ENV_PREFIX,
    ENVIRONMENTS,
    MEDIA_JSONLD,
    MODES,
)
from ._errors import InputError
from ._numbers import is_whole
from ._version import __version__

__all__ = [
    "Clock",
    "Config",
    "RequestOptions",
    "TimeoutLike",
    "check_header_value",
    "check_headers",
    "check_limit",
    "check_page_size",
    "check_prefetch",
    "check_query",
    "check_secure",
    "check_transport",
    "check_http_client",
    "check_options",
    "check_retries",
    "configure_logging",
    "merge_options",
    "to_timeout",
    "utc_now",
]

log = logging.getLogger("korusticket")


def check_secure(url: httpx.URL, what: str) -> None:
    """Refuse to send credentials over plain http, except to this machine."""
    if url.scheme == "https":
        return
    if url.scheme == "http" and url.host in ("localhost", "127.0.0.1", "::1"):
        return
    raise InputError(what, f"credentials are never sent over {url.scheme}:// to {url.host}", "https:// URLs")


Clock = Callable[[], datetime]


TimeoutLike = float | httpx.Timeout | None


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
        token_value, cid, secret = _credentials(client_id, client_secret, token, pick)
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
        _check_urls(config, explicit_token_url=token_endpoint is not None)
        return config

    def headers(self) -> dict[str, str]:
        headers = {"Accept": MEDIA_JSONLD, "User-Agent": f"korusticket-python/{__version__}"}
        if self.language:
            headers["Accept-Language"] = self.language
        return headers


def _credentials(
    client_id: str | None, client_secret: str | None, token: str | None, pick: Callable[[str | None, str], str | None]
) -> tuple[str | None, str | None, str | None]:
    """(token, client_id, client_secret): explicit ones first; a token or a complete pair is required."""
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
    return token_value, cid, secret


def _check_urls(config: Config, *, explicit_token_url: bool) -> None:
    """The base URL and the token endpoint: http(s) with a host, no user info, and credentials
    never sent where they were not meant to go."""
    url = _url(config.base_url, "base_url")
    _no_userinfo(url, "base_url")
    if not url.host or url.scheme not in ("http", "https"):
        raise InputError("base_url", f"{config.base_url!r:.80} is not an http(s) URL", "https://api.korusticket.com")
    check_secure(url, "base_url")
    if not explicit_token_url and config.token is None and config.base_url not in ENVIRONMENTS.values():
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


def _no_userinfo(url: httpx.URL, field: str) -> None:
    """A user name or password in a URL would show in reprs and logs (and go out as Basic auth)."""
    if url.userinfo:
        raise InputError(
            field,
            "holds a user name or password before the host (not shown)",
            "a URL without user:password@ (credentials go in client_id/client_secret or token)",
        )


def check_http_client(http_client: object) -> None:
    """A caller's httpx client with its own auth= would replace the bearer token on API calls
    and reach the token endpoint too: refused (the client authenticates itself)."""
    auth = getattr(http_client, "auth", None)
    if auth is not None:
        raise InputError(
            "http_client",
            f"has its own auth ({type(auth).__name__}), which would replace the bearer token",
            "an httpx client without auth=: KorusTicket authenticates with client_id/client_secret or token",
        )


def _url(value: str, field: str) -> httpx.URL:
    try:
        return httpx.URL(value)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InputError(field, f"{value!r:.80} is not a URL", "an https:// URL") from None


def check_options(options: RequestOptions) -> RequestOptions:
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


# --- per-call options and paging ---------------------------------------------------------------


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


def check_page_size(value: object) -> int:
    """A whole number >= 1. No upper bound: the docs disagree on it (50 or 100), so the server decides."""
    if not is_whole(value, 1):
        raise InputError("page_size", f"{value!r} is out of range", "a whole number >= 1 (the server may cap it)")
    return value


def check_limit(value: object) -> int | None:
    if value is None:
        return None
    if not is_whole(value, 0):
        raise InputError("limit", f"{value!r} is not a whole number >= 0", "None (all items) or 0, 1, 2, ...")
    return value


def check_prefetch(value: object) -> int:
    if not is_whole(value, 1):
        raise InputError("prefetch", f"{value!r} is not a whole number >= 1", "1 (sequential), 2, 3, ...")
    return value


def check_transport(transport: object, http_client: object, client_type: type) -> None:
    """The constructor's own httpx pieces: one of transport= and http_client=, the right kind."""
    if http_client is not None and not isinstance(http_client, client_type):
        raise InputError(
            "http_client",
            f"{type(http_client).__name__} is not an httpx.{client_type.__name__}",
            f"httpx.{client_type.__name__}",
        )
    check_http_client(http_client)
    if transport is not None and http_client is not None:
        raise InputError("transport", "given with http_client", "one of transport= and http_client=")
