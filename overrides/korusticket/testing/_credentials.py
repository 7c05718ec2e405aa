"""The stand-in's demo credentials and the token endpoint's path."""

from __future__ import annotations

DEMO_CLIENT_ID = "demo-client"
DEMO_CLIENT_SECRET = "demo-secret"
TOKEN_PATH = "/realms/korusticket/protocol/openid-connect/token"
