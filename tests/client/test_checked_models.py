"""The response models' own check (``from_dict(body, check=True)``) never lets through a body the
spec check refuses: the client trusts it and skips the full check when it passes (issue 16).

For every operation of the spec, the documented-shape body is mutated value by value (wrong
type, null, an unparsable string, a missing key); whenever the model's check accepts a mutation,
the strict spec check must accept it too. The unmutated body must pass the model's check, or
the client would pay for the full check on every response.
"""

from __future__ import annotations

import copy
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from korusticket_api import _response_checks, api

from tests.support import spec_bodies
from tests.support.operations import operations

MUTATIONS: list[Any] = [12345, 1.5, "not a valid value", "", None, True, [], {}]
_PARSE = re.compile(r"status_code == (\d+):\n\s+response_\d+ = (\w+)\.from_dict")


def _operations() -> Iterator[tuple[str, str, str, int, type[Any]]]:
    """(operation id, method, path template, status, model class) of every 2xx answer parsed into a model."""
    models = importlib.import_module("korusticket_api.models")
    for op in operations():
        module = _module(op.module)
        if module is None:
            continue
        for status, name in _PARSE.findall(Path(module.__file__ or "").read_text(encoding="utf-8")):
            if status.startswith("2"):
                yield op.module, op.http_method, op.path, int(status), getattr(models, name)


def _module(operation_id: str) -> Any:
    for package in pkgutil.iter_modules(api.__path__):
        try:
            return importlib.import_module(f"korusticket_api.api.{package.name}.{operation_id}")
        except ModuleNotFoundError:
            continue
    return None


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, sub in value.items():
            yield (*path, key)
            yield from _leaves(sub, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield (*path, index)
            yield from _leaves(sub, (*path, index))


def _mutants(body: Any) -> Iterator[Any]:
    for path in _leaves(body):
        for replacement in [*MUTATIONS, _DELETE]:
            mutant = copy.deepcopy(body)
            parent = mutant
            for step in path[:-1]:
                parent = parent[step]
            if replacement is _DELETE:
                if isinstance(parent, dict):
                    del parent[path[-1]]
                    yield mutant
            else:
                parent[path[-1]] = replacement
                yield mutant


_DELETE = object()
CASES = [case for case in _operations() if getattr(case[4], "_CHECKED", False)]


def test_most_response_models_check_themselves() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize(
    ("operation", "method", "path", "status", "model"), CASES, ids=[f"{c[1]} {c[2]}" for c in CASES]
)
def test_the_model_check_is_never_laxer_than_the_spec_check(
    operation: str, method: str, path: str, status: int, model: Any
) -> None:
    body = spec_bodies.response_body(method, path, path)
    spec_check = _response_checks.CHECKS[(operation, status)].strict
    assert spec_check(body) is None
    model.from_dict(copy.deepcopy(body), True)  # the documented shape takes the fast path

    laxer = []
    for mutant in _mutants(body):
        try:
            model.from_dict(mutant, True)
        except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError):
            continue
        problem = spec_check(mutant)
        if problem is not None:
            laxer.append(problem)
    assert laxer == []


def test_a_decimal_read_without_the_check_never_passes_it_later() -> None:
    from korusticket_api import _checks
    from korusticket_api.models import BookingOrder

    BookingOrder.from_dict({"totalAmountInclTax": "NaN"})  # unchecked: taken as it comes
    with pytest.raises(ValueError, match="totalAmountInclTax"):
        BookingOrder.from_dict({"totalAmountInclTax": "NaN"}, True)
    assert "NaN" not in _checks.DECIMALS


def test_decimals_already_read_are_kept_within_a_bound() -> None:
    from decimal import Decimal

    from korusticket_api import _checks
    from korusticket_api.models import BookingOrder

    for cents in range(3 * _checks.DECIMALS_KEPT):
        order = BookingOrder.from_dict({"totalAmountInclTax": f"1.{cents:03d}"}, True)
        assert order.total_amount_incl_tax == Decimal(f"1.{cents:03d}")
        assert len(_checks.DECIMALS) <= _checks.DECIMALS_KEPT
    again = BookingOrder.from_dict({"totalAmountInclTax": "1.005"}, True)
    assert again.total_amount_incl_tax == Decimal("1.005")
