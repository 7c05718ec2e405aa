"""The public names of the package, pinned."""

from __future__ import annotations

import inspect

import korusticket
import pytest
from korusticket import AsyncKorusTicket, KorusTicket

PUBLIC = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "API_VERSION",
    "AsyncKorusTicket",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "BulkFailure",
    "BulkResult",
    "ClientClosedError",
    "ConflictError",
    "InputError",
    "KorusTicket",
    "KorusTicketError",
    "NotFoundError",
    "OutcomeUnknownError",
    "Page",
    "Paginator",
    "PartialFailureError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RedirectError",
    "ResponseDecodeError",
    "ServerError",
    "UnprocessableEntityError",
    "Violation",
    "__version__",
    "forms",
]

ERRORS = {
    "APIError": "KorusTicketError",
    "BadRequestError": "APIError",
    "AuthenticationError": "APIError",
    "PermissionDeniedError": "APIError",
    "NotFoundError": "APIError",
    "ConflictError": "APIError",
    "UnprocessableEntityError": "APIError",
    "RateLimitError": "APIError",
    "RedirectError": "APIError",
    "ServerError": "APIError",
    "APIConnectionError": "KorusTicketError",
    "APITimeoutError": "APIConnectionError",
    "ResponseDecodeError": "KorusTicketError",
    "InputError": "KorusTicketError",
    "ClientClosedError": "KorusTicketError",
}

CONSTRUCTOR_ARGS = [
    "client_id",
    "client_secret",
    "token",
    "environment",
    "base_url",
    "token_url",
    "language",
    "timeout",
    "max_retries",
    "validate_responses",
    "transport",
    "http_client",
    "default_headers",
    "clock",
    "sleep",
]


def _resources() -> dict[str, list[str]]:
    """kt.<resource>.<method> for every operation of spec/openapi.yaml, from the operations table."""
    import sys
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts" / "codegen"))
    import optable

    doc = yaml.safe_load((root / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    table, lines = optable.load()
    found: dict[str, list[str]] = {}
    for op in optable.resolve(optable.spec_operations(doc), table, lines, report=lambda _: None):
        found.setdefault(op.resource, []).append(op.method)
    return {resource: sorted(methods) for resource, methods in found.items()}


RESOURCES = _resources()


def test_api_version_is_the_spec_release() -> None:
    import yaml

    from tests.support import SPEC

    assert yaml.safe_load(SPEC.read_text(encoding="utf-8"))["info"]["version"] == korusticket.API_VERSION


def test_all_is_pinned_and_sorted() -> None:
    assert korusticket.__all__ == PUBLIC
    assert sorted(korusticket.__all__) == korusticket.__all__


def test_every_exported_name_exists() -> None:
    for name in korusticket.__all__:
        assert hasattr(korusticket, name), name
        obj = getattr(korusticket, name)
        if isinstance(obj, type):
            assert obj.__module__ == "korusticket", name


def test_version_is_a_string() -> None:
    assert isinstance(korusticket.__version__, str)
    assert korusticket.__version__.count(".") >= 2


@pytest.mark.parametrize(("name", "parent"), ERRORS.items())
def test_error_hierarchy(name: str, parent: str) -> None:
    cls = getattr(korusticket, name)
    assert issubclass(cls, getattr(korusticket, parent))
    assert issubclass(cls, korusticket.KorusTicketError)


def test_input_error_is_a_value_error() -> None:
    assert issubclass(korusticket.InputError, ValueError)


@pytest.mark.parametrize("cls", [KorusTicket, AsyncKorusTicket])
def test_constructor_takes_keyword_arguments_only(cls: type) -> None:
    params = inspect.signature(cls).parameters
    assert list(params) == CONSTRUCTOR_ARGS
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params.values())
    assert all(p.default is not inspect.Parameter.empty for p in params.values())


@pytest.mark.parametrize("cls", [KorusTicket, AsyncKorusTicket])
def test_resources_and_their_methods(cls: type) -> None:
    kt = cls(token="t")
    for resource, methods in RESOURCES.items():
        public = sorted(m for m in dir(getattr(kt, resource)) if not m.startswith("_"))
        assert public == methods, resource


def test_async_methods_are_coroutines_except_lists() -> None:
    kt = AsyncKorusTicket(token="t")
    for resource, methods in RESOURCES.items():
        for method in methods:
            function = getattr(getattr(kt, resource), method)
            assert inspect.iscoroutinefunction(function) is (method != "list"), f"{resource}.{method}"
