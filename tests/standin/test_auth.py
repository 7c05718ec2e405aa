from __future__ import annotations

import httpx
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FakeClock, StandIn

TOKEN_PATH = "/realms/korusticket/protocol/openid-connect/token"


def test_api_request_without_token_is_401_like_lexik(anon: httpx.Client) -> None:
    answer = anon.get("/v1/ticketing/catalogs")
    assert answer.status_code == 401
    assert answer.json() == {"code": 401, "message": "JWT Token not found"}
    assert answer.headers["www-authenticate"] == "Bearer"


def test_token_endpoint_keycloak_shape(anon: httpx.Client) -> None:
    answer = anon.post(
        TOKEN_PATH,
        data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET},
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 1800
    assert body["refresh_expires_in"] == 1800
    assert body["access_token"].count(".") == 2  # looks like a JWT
    ok = anon.get("/v1/ticketing/catalogs", headers={"authorization": f"Bearer {body['access_token']}"})
    assert ok.status_code == 200


def test_bad_credentials(anon: httpx.Client) -> None:
    answer = anon.post(
        TOKEN_PATH, data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": "nope"}
    )
    assert answer.status_code == 401
    assert answer.json() == {
        "error": "invalid_client",
        "error_description": "Invalid client or Invalid client credentials",
    }
    assert anon.post(TOKEN_PATH, data={"grant_type": "password"}).json()["error"] == "unsupported_grant_type"
    assert anon.post(TOKEN_PATH, data={}).status_code == 400


def test_token_expires_on_the_clock(anon: httpx.Client, clock: FakeClock) -> None:
    body = anon.post(
        TOKEN_PATH,
        data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET},
    ).json()
    headers = {"authorization": f"Bearer {body['access_token']}"}
    clock.advance(1799)
    assert anon.get("/v1/ticketing/catalogs", headers=headers).status_code == 200
    clock.advance(1)
    expired = anon.get("/v1/ticketing/catalogs", headers=headers)
    assert expired.status_code == 401
    assert expired.json() == {"code": 401, "message": "Expired JWT Token"}
    bogus = anon.get("/v1/ticketing/catalogs", headers={"authorization": "Bearer abc.def.ghi"})
    assert bogus.json()["message"] == "Invalid JWT Token"


def test_refresh_token_grant(anon: httpx.Client, clock: FakeClock) -> None:
    first = anon.post(
        TOKEN_PATH,
        data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET},
    ).json()
    clock.advance(1000)
    refreshed = anon.post(
        TOKEN_PATH,
        data={
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
        },
    )
    assert refreshed.status_code == 200
    new = refreshed.json()["access_token"]
    assert new != first["access_token"]
    clock.advance(1000)  # the first access token is now expired, the new one is not
    assert (
        anon.get(
            "/v1/forms/0195197f-7918-7285-bb4b-7df2b682c3eb", headers={"authorization": f"Bearer {new}"}
        ).status_code
        == 200
    )
    again = anon.post(TOKEN_PATH, data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]})
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_token_url_on_any_host_and_auth_can_be_disabled(clock: FakeClock) -> None:
    open_stand_in = StandIn(clock=clock, auth=False)
    with httpx.Client(transport=open_stand_in.transport()) as c:
        assert c.get("https://anything.example/v1/ticketing/catalogs").status_code == 200
        assert (
            c.post(
                f"https://auth.korusticket.com{TOKEN_PATH}",
                data={
                    "grant_type": "client_credentials",
                    "client_id": DEMO_CLIENT_ID,
                    "client_secret": DEMO_CLIENT_SECRET,
                },
            ).status_code
            == 200
        )
