"""What each validation mode does with a 2xx body that does not fit the spec.

A body is checked in three places (CONTRIBUTING.md, "Where each concern lives"): the response
models check what they read (``from_dict(body, check=True)``, scripts/codegen/fastmodels.py) and
only say *that* something does not fit; when that fails, for raw JSON and for the few models that
cannot check themselves, the generated checker of the request's operation
(korusticket_api/_response_checks.py, scripts/codegen/responsechecks.py) names the first field
that does not fit; this module decides what that means. The operation is the one the request was
built for (each generated request builder names it in the request's extensions, kept on
``response.request``); a request to a raw path (``kt.get/post/patch/paginate``) names none, so
its body is checked by its ``cast_to`` model alone.

Three modes (``validate_responses``):
- ``"lenient"`` (default): a field that does not fit is left out of the typed model (its raw
  value stays in the model's ``additional_properties``) and logged once per operation and field
  path at WARNING; a field the spec marks required that does not fit still raises. Parts of the
  spec marked ``x-korusticket-inferred: true`` are guesses: they never raise in this mode.
- ``"strict"``: the first field that does not fit raises ResponseDecodeError naming it.
- ``"off"``: no check.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from ._constants import MODES
from ._errors import ResponseDecodeError

if TYPE_CHECKING:
    from korusticket_api._response_checks import Answer

__all__ = ["MODES", "Validation", "check_body", "decode_error", "load_json"]

log = logging.getLogger("korusticket")
# An unfit field is renamed with this prefix so that from_dict leaves it among the unknown
# fields; its name is restored in additional_properties after parsing.
_UNFIT = "\x00korusticket-unfit:"
_SEGMENT = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def load_json(response: httpx.Response) -> Any:
    """The JSON body; ValueError for anything else, a body nested too deep to parse included."""
    try:
        return response.json()
    except RecursionError:
        raise ValueError("body is nested too deeply to be parsed") from None


@functools.cache
def _checks() -> tuple[str, dict[tuple[str, int], Answer]]:
    """The generated checker: loaded with the first body that needs it, not at `import korusticket`."""
    from korusticket_api._response_checks import CHECKS, OPERATION

    return OPERATION, CHECKS


def _answer(response: httpx.Response) -> Answer | None:
    """The checks of the operation the request was built for, at this status (None: a raw path)."""
    key, checks = _checks()
    operation = response.request.extensions.get(key)
    return None if operation is None else checks.get((operation, response.status_code))


def _segments(path: str) -> list[str | int]:
    return [int(index) if index else name for index, name in _SEGMENT.findall(path)]


def _restore_names(value: Any) -> None:
    """Give unfit fields moved aside by lenient mode their own name back, wherever they ended."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        extra = getattr(node, "additional_properties", None) if not isinstance(node, dict) else node
        if isinstance(extra, dict):
            for key in [k for k in extra if isinstance(k, str) and k.startswith(_UNFIT)]:
                extra[key[len(_UNFIT) :]] = extra.pop(key)
            stack.extend(extra.values())
        if attrs.has(type(node)):
            # Declared fields only: a model's private copy of its source (`_src`) must stay as received.
            stack.extend(
                getattr(node, f.name)
                for f in attrs.fields(type(node))
                if f.name != "additional_properties" and not f.name.startswith("_")
            )


def _nothing(_: Any) -> None:
    return None


class Validation:
    """How 2xx bodies are checked (see the module docstring); one per client."""

    max_fixes = 1000

    def __init__(self, mode: str = "lenient") -> None:
        if mode not in MODES:
            raise ValueError(f"unknown validation mode {mode!r}")
        self.mode = mode
        self._warned: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def check(
        self, response: httpx.Response, body: Any, unfit: Exception | None = None
    ) -> tuple[Any, Callable[[Any], None]]:
        """The body to parse, and what to call on the parsed model; raises ResponseDecodeError.
        ``unfit``: why the model's own check refused the body, if it did."""
        answer = None if self.mode == "off" else _answer(response)
        if answer is None:
            if unfit is not None and self.mode != "off":
                self._unchecked(response, unfit)
            return body, _nothing
        if self.mode == "strict":
            problem = answer.strict(body)
            if problem is not None:
                raise _error(response, *problem)
            return body, _nothing
        problem = answer.lenient(body)
        if problem is None:
            return body, _nothing
        return self._set_aside(response, answer, body, problem)

    def _unchecked(self, response: httpx.Response, unfit: Exception) -> None:
        """A raw path (kt.get/post/patch) names no operation: the `cast_to` model's own check is all
        there is. Strict mode raises its finding; lenient mode parses the body as sent and warns
        once per method and path (no generated checker can tell which field to set aside)."""
        if self.mode == "strict":
            raise _error(response, "", f"{type(unfit).__name__}: {unfit}")
        where = f"{response.request.method} {response.request.url.path}"
        if not self._first(where, ""):
            return
        log.warning(
            "%s: response does not fit the cast_to model (%s: %s); parsed as sent, unchecked (a raw "
            "path names no operation of the spec; logged once per path)",
            where, type(unfit).__name__, unfit,
        )  # fmt: skip

    def _set_aside(
        self, response: httpx.Response, answer: Answer, body: Any, problem: tuple[str, str]
    ) -> tuple[Any, Callable[[Any], None]]:
        """Lenient mode: move each unfit field the spec does not require aside, one at a time."""
        from korusticket_api._response_checks import field

        for _ in range(self.max_fixes):
            path, message = problem
            segments = _segments(path)
            last = max((i for i, s in enumerate(segments) if isinstance(s, str)), default=None)
            if last is None:
                raise _error(response, path, message)
            required, inferred = field(answer.node, segments[: last + 1])
            # A collection's `member` is required by spec/openapi.yaml; code generation relaxes
            # that flag only so that API Platform 3's `hydra:member` parses too.
            required = required or segments[: last + 1] == ["member"]
            parent = _at(body, segments[:last])
            name = segments[last]
            if (required and not inferred) or not isinstance(parent, dict) or name not in parent:
                raise _error(response, path, message)
            parent[f"{_UNFIT}{name}"] = parent.pop(name)
            self._warn(answer.operation, segments[: last + 1], message)
            found = answer.lenient(body)
            if found is None:
                return body, _restore_names
            problem = found
        raise _error(response, path, f"{message} (and more than {self.max_fixes} other unfit fields)")

    def _first(self, where: str, field: str) -> bool:
        """True the first time (where, field) is warned about: each is logged once per client."""
        with self._lock:
            if (where, field) in self._warned:
                return False
            self._warned.add((where, field))
            return True

    def _warn(self, operation: str, segments: list[str | int], message: str) -> None:
        field = "".join("[]" if isinstance(s, int) else f".{s}" for s in segments).lstrip(".")
        if not self._first(operation, field):
            return
        log.warning(
            "%s: response field %s does not fit the spec (%s); left out of the typed model, kept in "
            "additional_properties (logged once per operation and field)",
            operation, field, message,
        )  # fmt: skip


def _at(body: Any, segments: list[str | int]) -> Any:
    for segment in segments:
        try:
            body = body[segment]
        except (KeyError, IndexError, TypeError):
            return None
    return body


def _problem(response: httpx.Response, body: Any) -> tuple[str, str] | None:
    answer = _answer(response)
    return None if answer is None else answer.strict(body)


def check_body(response: httpx.Response, body: Any) -> ResponseDecodeError | None:
    """None when a 2xx body fits the spec's response schema of its operation, else the error naming the field."""
    problem = _problem(response, body)
    return None if problem is None else _error(response, *problem)


def _error(response: httpx.Response, path: str, problem: str) -> ResponseDecodeError:
    where = f"{response.request.method} {response.request.url.path}"
    return ResponseDecodeError(
        f"{where}: response does not fit the spec: {path or '(body)'}: {problem}", response=response, path=path or None
    )


def decode_error(response: httpx.Response, exc: BaseException) -> ResponseDecodeError:
    """A ResponseDecodeError for a 2xx body the generated models could not parse."""
    try:
        body = load_json(response)
    except ValueError as reason:
        where = f"{response.request.method} {response.request.url.path}"
        return ResponseDecodeError(
            f"{where}: body is not JSON ({str(reason)[:80]}): {response.text[:80]!r}", response=response
        )
    path, problem = _problem(response, body) or ("", f"{type(exc).__name__}: {exc}")
    return _error(response, path, problem)
