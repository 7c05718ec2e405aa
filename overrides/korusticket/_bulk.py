"""Results of the `_bulk` endpoints, where some items succeed and others fail.

KorusTicket forwards each item to the issuer's own system, so a 200 can carry both created
resources and failures. The shape of a failure is undocumented: it is read defensively, the raw
data is always kept, and every input item is accounted for (a silent drop would lose a sale).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, Self, TypeVar

import attrs

from ._errors import KorusTicketError

__all__ = ["BulkFailure", "BulkResult", "PartialFailureError", "collect", "failure_index", "failure_of"]

R = TypeVar("R")

# Keys a failure might use for its reason, in order of preference (undocumented shape).
_REASON_KEYS = ("message", "reason", "error", "detail", "description", "title", "code")


@attrs.frozen(repr=False)
class BulkFailure:
    """One input item the API could not process."""

    item: Any
    """The input item this failure belongs to, when that can be told (else None)."""
    index: int | None
    """Position of that item in the request, when known."""
    reason: str
    raw: Any
    """The failure exactly as the server sent it (None when the server reported nothing)."""
    code: str | None = None
    """The server's machine-readable code (e.g. ``sold_out``, ``reservation_expired``), when sent."""

    def __repr__(self) -> str:
        return f"BulkFailure(index={self.index!r}, code={self.code!r}, reason={self.reason[:80]!r})"


@attrs.frozen(repr=False)
class BulkResult(Generic[R]):
    """Created resources and failures of one bulk call. Iterating yields the created ones."""

    succeeded: list[R]
    failed: list[BulkFailure]
    outcomes: tuple[R | BulkFailure | None, ...] = ()
    """One entry per input item, in input order: what it became (None: a created resource or a
    failure stands for it, but which one could not be told)."""

    @property
    def by_input(self) -> list[tuple[int, R | BulkFailure | None]]:
        """``(index, created resource or BulkFailure)`` for each input item, in input order."""
        return list(enumerate(self.outcomes))

    def __repr__(self) -> str:
        return f"BulkResult(succeeded={len(self.succeeded)}, failed={len(self.failed)})"

    @property
    def ok(self) -> bool:
        return not self.failed

    def raise_for_failures(self) -> Self:
        """Raise PartialFailureError (carrying this result) if any item failed."""
        if self.failed:
            raise PartialFailureError(self)
        return self

    def __iter__(self) -> Iterator[R]:
        return iter(self.succeeded)

    def __len__(self) -> int:
        return len(self.succeeded)


class PartialFailureError(KorusTicketError):
    """A bulk call failed for some items; ``result`` holds successes and failures."""

    def __init__(self, result: BulkResult[Any]) -> None:
        self.result = result
        super().__init__(
            f"{len(result.failed)} of {len(result.failed) + len(result.succeeded)} items failed: "
            + "; ".join(f.reason for f in result.failed[:3])
        )


def _reason(raw: Any) -> str:
    if isinstance(raw, Mapping):
        for key in _REASON_KEYS:
            value = raw.get(key)
            if isinstance(value, str) and value:
                return value
        return json.dumps(raw, default=str, sort_keys=True)[:300]
    return str(raw)[:300]


def _code(raw: Any) -> str | None:
    if isinstance(raw, Mapping):
        code = raw.get("code")
        if isinstance(code, str) and code:
            return code
        if isinstance(code, int) and not isinstance(code, bool):
            return str(code)
    return None


def failure_of(raw: Any, item: Any, index: int | None) -> BulkFailure:
    """The BulkFailure of a failure the server sent, for the input item it names."""
    return BulkFailure(item=item, index=index, reason=_reason(raw), raw=raw, code=_code(raw))


def failure_index(raw: Any, inputs: Sequence[Any], key_of: Callable[[Any], str | None]) -> int | None:
    """Find which input a failure belongs to: an explicit index, an echoed item, or its key."""
    if not isinstance(raw, Mapping):
        return None
    index = raw.get("index")
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(inputs):
        return index
    echoed = raw.get("item")
    candidates = [key_of(echoed)] if echoed is not None else []
    candidates += [key_of(raw)]
    for key in candidates:
        if key is None:
            continue
        for i, item in enumerate(inputs):
            if key_of(item) == key:
                return i
    return None


def collect(
    created: Sequence[R],
    failures: Sequence[Any],
    inputs: Sequence[Any],
    *,
    input_key: Callable[[Any], str | None],
    created_keys: Callable[[R], set[str]],
    items: Sequence[Any] | None = None,
) -> BulkResult[R]:
    """Assemble a BulkResult and account for every input item.

    ``inputs`` are the request's entries; ``items`` the caller's own items they were built from
    (what failures report; default: the inputs). ``input_key`` gives the matching key of an
    input or of a raw failure (an offer or a reservation IRI); ``created_keys`` the keys a created
    resource covers. Inputs covered by neither a created resource nor a failure become failures.
    """
    reported = inputs if items is None else items
    failed: list[BulkFailure] = []
    accounted: set[int] = set()
    outcomes: dict[int, R | BulkFailure] = {}
    for raw in failures:
        index = failure_index(raw, inputs, input_key)
        failure = failure_of(raw, None if index is None else reported[index], index)
        if index is not None:
            accounted.add(index)
            outcomes[index] = failure
        failed.append(failure)
    # Each created resource covers one not yet accounted input per key it carries (so two items
    # for the same offer need two resources). A resource carrying no key of any input (e.g. an
    # order without `reservation`) still stands for one input, though which one cannot be told.
    uncovered = [i for i in range(len(inputs)) if i not in accounted]
    input_keys = {key for key in map(input_key, inputs) if key is not None}
    unmatched_created = 0
    for resource in created:
        keys = created_keys(resource)
        if not keys & input_keys:
            unmatched_created += 1
            continue
        for key in keys:
            index = next((i for i in uncovered if input_key(inputs[i]) == key), None)
            if index is not None:
                uncovered.remove(index)
                outcomes.setdefault(index, resource)
    # A failure or a resource we could not tie to an item probably is one of these; do not
    # count it twice.
    unmatched = unmatched_created + sum(1 for f in failed if f.index is None)
    for i in uncovered:
        if unmatched:
            unmatched -= 1
            continue
        failure = BulkFailure(
            item=reported[i],
            index=i,
            reason="the server reported neither a created resource nor a failure for this item",
            raw=None,
        )
        outcomes[i] = failure
        failed.append(failure)
    return BulkResult(
        succeeded=list(created), failed=failed, outcomes=tuple(outcomes.get(i) for i in range(len(inputs)))
    )


# Public as korusticket.BulkResult and korusticket.BulkFailure (reprs, tracebacks, pickles). The
# package renames the classes it imports at once; this module loads on first use, from the package
# or from a resource's bulk method, so it names them itself, whichever way it was reached.
BulkFailure.__module__ = BulkResult.__module__ = PartialFailureError.__module__ = "korusticket"
