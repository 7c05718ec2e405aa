"""Defaults and fixed values, in one place."""

from __future__ import annotations

ENVIRONMENTS: dict[str, str] = {
    "demo": "https://api.demo.korusticket.com",
    "production": "https://api.korusticket.com",
}
DEFAULT_ENVIRONMENT = "demo"
# Keycloak realm documented in the OIDC guide; the auth host comes with the credentials.
DEFAULT_TOKEN_URL = "https://auth.korusticket.com/realms/korusticket/protocol/openid-connect/token"

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2

# Renew a token this long before the server says it expires (clock skew, in-flight requests).
TOKEN_RENEW_MARGIN = 30.0

# Backoff between retries: INITIAL * 2**attempt, capped, with jitter.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A Retry-After longer than this is not waited for: the error is raised instead.
MAX_RETRY_AFTER = 60.0

# Hydra pages: the size a walk asks for unless told. The reference pages say itemsPerPage is 0..50, the
# pagination guide 1..100: 50 fits both. A larger size is sent as asked; the server accepts or caps it (the
# walk then follows its pages), as the docs leave it to the server.
DEFAULT_PAGE_SIZE = 50

MEDIA_JSONLD = "application/ld+json"
MEDIA_MERGE_PATCH = "application/merge-patch+json"

ENV_PREFIX = "KORUSTICKET_"
# validate_responses: what a 2xx body that does not fit the spec does (_decode.py).
MODES = ("lenient", "strict", "off")
