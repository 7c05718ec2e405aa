"""The stand-in over HTTP, as `python -m korusticket.testing serve` runs it: volume seeding, document
files, faults and request ids, from the command line and the control API (/_stand-in)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from korusticket import KorusTicket, ServerError
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH, SleepRecorder


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    """`serve --volume` on a free loopback port, with one 503 given on the command line; its base URL."""
    fault = '{"path_glob": "/v1/ticketing/catalogs", "status": 503, "retry_after": "3", "times": 1}'
    command = [sys.executable, "-m", "korusticket.testing", "serve", "--port", "0", "--quiet", "--volume"]
    with subprocess.Popen(
        [*command, "--fault", fault], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as server:
        try:
            first = server.stdout.readline() if server.stdout else ""  # printed once seeded and listening
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", first)
            assert match, f"the server did not start: {first!r}"
            yield match.group(1)
        finally:
            server.terminate()
            server.wait(timeout=30)


def client(base_url: str, sleeps: SleepRecorder | None = None) -> KorusTicket:
    return KorusTicket(
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
        base_url=base_url,
        token_url=base_url + TOKEN_PATH,
        sleep=sleeps or SleepRecorder(),
    )


def test_a_5000_order_reconciliation_and_a_document_download(served: str) -> None:
    with client(served) as kt:
        orders = list(kt.orders.list())
        assert len(orders) == 5000
        assert len({o.id for o in orders}) == 5000
        assert {o.external_reference for o in orders} == {f"VOLUME-{i:05d}" for i in range(1, 5001)}
        (found,) = kt.orders.list(external_reference="VOLUME-04242")  # a reconciliation's lookup
        assert found.reference == next(o.reference for o in orders if o.external_reference == "VOLUME-04242")

        order = orders[4999]
        documents = list(kt.order_documents.list(order))
        assert documents
        url = kt.order_documents.refresh_url(order, documents[0]).temporary_url
        assert url is not None
        assert url.startswith(served + "/_stand-in/files/")  # the server's own file storage
        file = httpx.get(url)  # signed: no credentials
        assert file.status_code == 200
        assert file.headers["content-type"] == "application/pdf"
        assert file.content.startswith(b"%PDF")
        assert order.reference is not None
        assert order.reference.encode() in file.content
        unknown = httpx.get(url.replace(".pdf?", "0.pdf?"))  # no such document
        assert unknown.status_code == 404


def test_volume_offers_page_through(served: str) -> None:
    with client(served) as kt:
        demo = httpx.get(served + "/_stand-in").json()["demo"]
        offers = list(kt.offers.list(demo["catalog"]))
        assert len(offers) >= 2000
        assert len({o.id for o in offers}) == len(offers)


def test_answers_carry_a_request_id(served: str) -> None:
    with client(served) as kt:
        raw = kt.with_raw_response.orders.list(limit=1)
        assert raw.request_id is not None
        assert re.fullmatch(r"[0-9a-f]{32}", raw.request_id)
        again = kt.with_raw_response.orders.list(limit=1)
        assert again.request_id != raw.request_id
        echoed = kt.with_raw_response.orders.list(limit=1, extra_headers={"X-Request-Id": "mine-1"})
        assert echoed.request_id == "mine-1"


def test_faults_from_the_command_line_and_the_control_api(served: str) -> None:
    sleeps = SleepRecorder()
    with client(served, sleeps) as kt:
        assert list(kt.catalogs.list())  # the --fault 503 once, then retried
        assert sleeps.calls == [3.0]
        log = httpx.get(served + "/_stand-in/requests").json()
        assert [r["status"] for r in log if r["path"] == "/v1/ticketing/catalogs"][:2] == [503, 200]

        added = httpx.post(
            served + "/_stand-in/faults", json={"path_glob": "/v1/ticketing/catalogs", "status": 500, "times": None}
        )
        assert added.status_code == 201
        with pytest.raises(ServerError):
            list(kt.catalogs.list())
        assert httpx.delete(served + "/_stand-in/faults").json() == []
        assert list(kt.catalogs.list())

    bad = httpx.post(served + "/_stand-in/faults", json={"path": "/v1/*", "status": 503})
    assert bad.status_code == 400
    assert "unknown fault field(s) path" in bad.json()["error"]
    assert httpx.get(served + "/_stand-in/nothing").status_code == 404


def test_seeding_through_the_control_api(served: str) -> None:
    before = httpx.get(served + "/_stand-in").json()["counts"]
    seeded = httpx.post(served + "/_stand-in/seed", json={"reservations": 3, "products": 2})  # orders: see above
    assert seeded.status_code == 201
    after = httpx.get(served + "/_stand-in").json()["counts"]
    assert after["reservations"] == before["reservations"] + 3
    assert after["products"] == before["products"] + 2
    refused = httpx.post(served + "/_stand-in/seed", json={"orders": -1})
    assert refused.status_code == 400
    assert "seed orders" in refused.json()["error"]


def test_a_bad_fault_flag_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "korusticket.testing", "serve", "--port", "0", "--fault", '{"stauts": 503}'],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "unknown fault field(s) stauts" in done.stderr
