"""The pytest plugin (entry point ``pytest11``): a user's test file using only its fixtures tests a
sold-out offer, a lost order answer and a 429 without sleeping; a file using none of them does not
even import korusticket. Each runs in its own pytest process, as in a user's project."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

from tests.support.pytest_run import NO_SLEEP_CONFTEST, run_pytest

USER_TESTS = """
import asyncio


def test_sold_out_offer(kt_client, kt_stand_in, kt_demo):
    kt_stand_in.set_offer_capacity(kt_demo.offer_day, 0)
    offer = kt_client.offers.get(kt_demo.catalog, kt_demo.offer_day)
    result = kt_client.reservations.create([{"offer": offer, "quantity": 2}])
    assert not result.ok
    assert result.failed[0].code == "sold_out"


def test_lost_order_answer(kt_client, kt_stand_in, kt_demo, kt_faults):
    offer = kt_client.offers.get(kt_demo.catalog, kt_demo.offer_day)
    held = kt_client.reservations.create([{"offer": offer, "quantity": 1}]).raise_for_failures()
    kt_faults.add("/v1/booking/orders/_bulk", method="POST", drop_connection="after")  # processed, answer lost
    customer = {"firstname": "Jane", "lastname": "Doe", "email": "jane@example.com"}
    orders = kt_client.orders.create(held.succeeded, customer=customer, external_reference="SHOP-7")
    assert orders.ok  # found by its external_reference, not ordered twice
    assert kt_stand_in.count("POST", "/v1/booking/orders/_bulk") == 1


def test_rate_limited(kt_client, kt_faults, kt_sleeps):
    kt_faults.add("/v1/ticketing/catalogs", status=429, retry_after="14")
    assert list(kt_client.catalogs.list())
    assert kt_sleeps.calls == [14.0]  # waited as told, without sleeping


def test_rate_limited_async(kt_async_client, kt_faults, kt_sleeps, kt_clock):
    kt_faults.add("/v1/ticketing/catalogs", status=429, retry_after="14")
    before = kt_clock()

    async def main():
        return [c async for c in kt_async_client.catalogs.list()]

    assert asyncio.run(main())
    assert kt_sleeps.calls == [14.0]
    assert (kt_clock() - before).total_seconds() == 14.0  # the fake clock moved instead
"""


def test_the_plugin_is_a_pytest11_entry_point() -> None:
    (plugin,) = [e for e in entry_points(group="pytest11") if e.name == "korusticket"]
    assert plugin.value == "pytest_korusticket"


def test_a_users_tests_with_only_the_plugins_fixtures(tmp_path: Path) -> None:
    done = run_pytest(tmp_path, {"test_booking.py": USER_TESTS, "conftest.py": NO_SLEEP_CONFTEST})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed" in done.stdout


def test_a_test_using_no_fixture_of_it_imports_nothing_of_korusticket(tmp_path: Path) -> None:
    inert = """
        import sys


        def test_untouched():
            assert "pytest_korusticket" in sys.modules  # the plugin is loaded...
            assert not [m for m in sys.modules if m.startswith(("korusticket", "httpx"))]  # ...and inert
    """
    done = run_pytest(tmp_path, {"test_inert.py": inert})
    assert done.returncode == 0, done.stdout + done.stderr
