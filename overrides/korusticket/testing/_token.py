"""The token endpoint (client credentials, refresh tokens) and the bearer check."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl

from ._core import (
    JSON,
    Request,
    Response,
    json_response,
)
from ._handling import Handlers, Params, _lexik
from ._state import Token


def _jwt(secret: bytes, claims: dict[str, Any]) -> str:
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps(claims, separators=(",", ":")).encode())
    sig = hmac.new(secret, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64(sig)}"


def _oauth_error(status: int, error: str, description: str) -> Response:
    return json_response(status, {"error": error, "error_description": description}, content_type=JSON)


class TokenEndpoint(Handlers):
    """The Keycloak-like token endpoint and the bearer check of every other route."""

    def _authenticate(self, req: Request) -> Response | None:
        header = req.header("authorization") or ""
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            return _lexik("JWT Token not found")
        token = self.state.tokens.get(value.strip())
        if token is None or token.kind != "access":
            return _lexik("Invalid JWT Token")
        if self.state.now() >= token.expires_at:
            return _lexik("Expired JWT Token")
        return None

    def issue_tokens(self, client_id: str) -> dict[str, Any]:
        now = self.state.now()
        body: dict[str, Any] = {}
        for kind, lifetime in (("access", self.settings.token_lifetime), ("refresh", self.settings.refresh_lifetime)):
            expires = now + timedelta(seconds=lifetime)
            value = _jwt(
                self._secret,
                {
                    "exp": int(expires.timestamp()),
                    "iat": int(now.timestamp()),
                    "jti": self.state.new_id(kind),
                    "iss": "/realms/korusticket",
                    "azp": client_id,
                    "typ": "Bearer" if kind == "access" else "Refresh",
                },
            )
            self.state.tokens[value] = Token(value, kind, client_id, expires)
            body[f"{kind}_token"] = value
        return {
            "access_token": body["access_token"],
            "expires_in": self.settings.token_lifetime,
            "refresh_expires_in": self.settings.refresh_lifetime,
            "refresh_token": body["refresh_token"],
            "token_type": "Bearer",
            "not-before-policy": 0,
            "scope": "profile email",
        }

    # ------------------------------------------------------------------ token endpoint
    def token(self, req: Request, _: Params) -> Response:
        form = dict(parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True))
        client_id, secret = form.get("client_id"), form.get("client_secret")
        basic = req.header("authorization") or ""
        if basic.lower().startswith("basic "):
            try:
                client_id, _sep, secret = base64.b64decode(basic[6:]).decode().partition(":")
            except ValueError:
                return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
        grant = form.get("grant_type")
        if not grant:
            return _oauth_error(400, "invalid_request", "Missing form parameter: grant_type")
        if grant == "client_credentials":
            if client_id != self.settings.client_id or secret != self.settings.client_secret:
                return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
            return json_response(200, self.issue_tokens(client_id), content_type=JSON)
        if grant == "refresh_token":
            known = client_id == self.settings.client_id and secret == self.settings.client_secret
            if client_id is not None and not known:
                return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
            token = self.state.tokens.get(form.get("refresh_token") or "")
            if token is None or token.kind != "refresh":
                return _oauth_error(400, "invalid_grant", "Invalid refresh token")
            if self.state.now() >= token.expires_at:
                return _oauth_error(400, "invalid_grant", "Token is not active")
            del self.state.tokens[token.value]  # refresh tokens are single-use
            return json_response(200, self.issue_tokens(token.client_id), content_type=JSON)
        return _oauth_error(400, "unsupported_grant_type", "Unsupported grant type")
