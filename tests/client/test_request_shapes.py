"""Typed request shapes (issue 14): TypedDicts of korusticket.types in the hook signatures (so in
the generated methods); mypy catches a typo in a key; the run-time checks stay."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from korusticket import InputError, KorusTicket, types
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("resource", "method", "parameter", "annotation"),
    [
        ("Reservations", "create", "items", "Sequence[ReservationItemInput]"),
        ("AsyncReservations", "create", "items", "Sequence[ReservationItemInput]"),
        ("Orders", "create", "customer", "CustomerInput"),
        ("AsyncOrders", "create", "customer", "CustomerInput"),
        ("OrderTickets", "set_beneficiary", "beneficiary", "BeneficiaryInput"),
        ("AsyncOrderTickets", "set_beneficiary", "beneficiary", "BeneficiaryInput"),
    ],
)
def test_generated_methods_take_the_shapes(resource: str, method: str, parameter: str, annotation: str) -> None:
    import korusticket_api.resources as resources

    function = getattr(getattr(resources, resource), method)
    assert inspect.signature(function).parameters[parameter].annotation == annotation


def test_shapes_are_public_and_do_not_clash_with_models() -> None:
    names = ["ReservationItemInput", "TicketSessionInput", "CustomerInput", "BeneficiaryInput", "FormData"]
    assert set(names) <= set(types.__all__)
    assert len(types.__all__) == len(set(types.__all__))
    assert types.CustomerInput.__required_keys__ == {"firstname", "lastname", "email"}
    # ticket_sessions is optional only with an offer model (issue 23: as the run-time check requires)
    assert types.ReservationItemFromOffer.__required_keys__ == {"offer", "quantity"}
    assert types.ReservationItemByIri.__required_keys__ == {"offer", "quantity", "ticket_sessions"}


def test_run_time_checks_stay() -> None:
    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=StandIn().transport())
    typo: Any = {"firstname": "a", "lastname": "b", "emial": "c"}  # what mypy would refuse
    with pytest.raises(InputError) as info:
        kt.orders.create(["/v1/booking/reservations/0194cb23-f18e-7c8e-9729-a7a65e961639"], typo, "r")
    assert info.value.field.startswith("customer.")


def test_mypy_catches_a_typo_in_a_key(tmp_path: Path) -> None:
    from mypy import api

    script = tmp_path / "typo.py"
    script.write_text(
        "from korusticket import KorusTicket\n"
        "kt = KorusTicket(token='t')\n"
        "kt.orders.create([], {'firstname': 'a', 'lastname': 'b', 'emial': 'c'}, 'ref')\n"
        "kt.reservations.create([{'offer': '/v1/x', 'quantity': '2'}])\n",
        encoding="utf-8",
    )
    out, _, status = api.run(
        ["--strict", "--no-incremental", "--config-file", str(ROOT / "pyproject.toml"), str(script)]
    )
    assert status == 1
    assert '"emial"' in out
    assert "quantity" in out
