"""Generated models, operations and resources are imported when first used (issue 16), and every
way of reaching them still works."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import korusticket_api.models as models
import korusticket_api.resources as resources
import pytest


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_import_korusticket_loads_no_generated_model_or_operation() -> None:
    out = _run(
        """
        import sys
        import korusticket

        def generated():
            return sorted(m for m in sys.modules if m.startswith(("korusticket_api.models.", "korusticket_api.api.")))

        print(len(generated()))
        kt = korusticket.KorusTicket(token="t", base_url="https://api.demo.korusticket.com")
        print(len(generated()))
        orders = kt.orders
        assert orders is kt.orders, "built once per client"
        assert type(orders).__name__ == "Orders"
        print("korusticket_api.models.booking_order" in generated())
        """
    )
    assert out.splitlines() == ["0", "0", "True"]


def test_models_resolve_by_name() -> None:
    from korusticket_api.models import BookingOrder

    assert models.BookingOrder is BookingOrder
    assert BookingOrder.__module__ == "korusticket_api.models.booking_order"
    assert set(models.__all__) <= set(dir(models))
    assert all(getattr(models, name).__name__ == name for name in models.__all__)
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel


def test_resource_classes_resolve_by_name() -> None:
    from korusticket_api.resources import AsyncOrders, Orders

    assert Orders.__name__ == "Orders"
    assert AsyncOrders.__name__ == "AsyncOrders"
    with pytest.raises(AttributeError):
        _ = resources.NoSuchResource


def test_every_resource_is_an_attribute_of_both_clients() -> None:
    from korusticket import AsyncKorusTicket, KorusTicket

    for cls in (KorusTicket, AsyncKorusTicket):
        kt = cls(token="t", base_url="https://api.demo.korusticket.com")
        for name in resources.RESOURCES:
            assert getattr(kt, name) is getattr(kt, name)
        with pytest.raises(AttributeError):
            _ = kt.no_such_resource


def test_import_korusticket_loads_only_the_pipeline() -> None:
    """What only resource methods, bulk results or forms need loads with them (issue 16)."""
    out = _run(
        """
        import sys
        import korusticket

        later = ["korusticket._resource", "korusticket._operations", "korusticket._bulk", "korusticket._validate",
                 "korusticket._ids", "korusticket.forms", "korusticket.testing", "korusticket_api.client",
                 "korusticket_api.types"]
        print(sorted(m for m in later if m in sys.modules))
        kt = korusticket.KorusTicket(token="t", base_url="https://api.demo.korusticket.com")
        kt.reservations
        print(sorted(m for m in later if m in sys.modules))
        """
    )
    assert out.splitlines() == [
        "[]",
        "['korusticket._bulk', 'korusticket._ids', 'korusticket._operations', 'korusticket._resource', "
        "'korusticket._validate', 'korusticket_api.client', 'korusticket_api.types']",
    ]


def test_lazy_public_names_resolve() -> None:
    out = _run(
        """
        from korusticket._bulk import BulkResult  # reached first without the package attribute
        import korusticket
        import korusticket_api

        assert korusticket.BulkResult is BulkResult
        assert BulkResult.__module__ == korusticket.BulkFailure.__module__ == "korusticket"
        assert {"BulkFailure", "BulkResult", "forms"} <= set(dir(korusticket))
        assert korusticket.forms.__name__ == "korusticket.forms"
        from korusticket_api import AuthenticatedClient, Client
        assert Client.__module__ == AuthenticatedClient.__module__ == "korusticket_api.client"
        assert {"AuthenticatedClient", "Client"} <= set(dir(korusticket_api))
        print("ok")
        """
    )
    assert out == "ok"
