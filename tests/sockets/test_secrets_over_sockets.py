"""Issue 22, M5-M7 through real sockets: no live token in a refused token answer's error, none in a
pickled RawResponse, and a caller's httpx client never lends its own auth to KorusTicket or Keycloak."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable

import httpx
import pytest
from korusticket import AuthenticationError, InputError, KorusTicket
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH, StandIn

from tests.support.fault_server import FaultServer
from tests.support.secrets import reachable_texts

LIVE = "eyJ.live-access-token.sig"
REFRESH = "live-refresh-token"


@pytest.mark.parametrize("expires_in", ["3600", 0], ids=["string", "zero"])
def test_m5_a_refused_token_answer_keeps_no_live_token(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], expires_in: object
) -> None:
    body = {"access_token": LIVE, "refresh_token": REFRESH, "expires_in": expires_in, "token_type": "Bearer"}
    server.add(TOKEN_PATH, method="POST", action="answer", status=200, body=json.dumps(body).encode(),
               content_type="application/json")  # fmt: skip
    kt = make_client()

    with pytest.raises(AuthenticationError, match="expires_in") as info:
        kt.catalogs.get(stand_in.demo.catalog)

    for text in reachable_texts(info.value, __file__):
        assert LIVE not in text
        assert REFRESH not in text
    assert server.count(path="/v1/*") == 0  # nothing was sent with that token


def test_m6_a_pickled_raw_response_holds_no_bearer_token(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    raw = kt.with_raw_response.catalogs.get(stand_in.demo.catalog)

    data = pickle.dumps(raw)

    live = list(stand_in.state.tokens)
    assert live  # the token the client was given, over the socket
    assert not [token for token in live if token.encode() in data]
    assert b"Bearer" not in data
    assert pickle.loads(data).parse().iri == stand_in.demo.catalog


def test_m7_a_callers_client_with_its_own_auth_is_refused_before_anything_is_sent(server: FaultServer) -> None:
    with httpx.Client(auth=("user", "pw")) as own, pytest.raises(InputError) as info:
        KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, base_url=server.base_url,
                    token_url=server.token_url, http_client=own)  # fmt: skip

    assert info.value.field == "http_client"
    assert server.count() == 0


def test_m7_auth_set_later_on_a_callers_client_reaches_neither_server(server: FaultServer, stand_in: StandIn) -> None:
    with httpx.Client() as own:
        kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, base_url=server.base_url,
                         token_url=server.token_url, http_client=own)  # fmt: skip
        own.auth = httpx.BasicAuth("user", "pw")
        kt.catalogs.get(stand_in.demo.catalog)

    (token_request,) = stand_in.requests_matching("POST", TOKEN_PATH)
    assert "authorization" not in token_request.headers  # Keycloak never sees the caller's auth
    api = [r for r in stand_in.requests_matching() if r.path.startswith("/v1/")]
    assert [r.headers["authorization"] for r in api] == ["Bearer ***"]  # the bearer token, not Basic
