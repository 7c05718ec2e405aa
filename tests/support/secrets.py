"""Where a secret could hide in an exception: what tests of "no secret in any object" search."""

from __future__ import annotations

import pickle
import types

import httpx


def reachable_texts(exc: BaseException, test_file: str) -> list[str]:
    """What an exception keeps: its attributes, its pickle, and every local of every frame of its
    traceback (and of its cause and context) but those of `test_file` (the test holds the answer)."""
    texts = [repr(vars(exc)), pickle.dumps(exc).decode("latin-1")]
    response = getattr(exc, "response", None)
    if isinstance(response, httpx.Response):
        texts.append(response.content.decode("latin-1"))
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        tb: types.TracebackType | None = current.__traceback__
        while tb is not None:
            own = tb.tb_frame.f_code.co_filename == test_file
            for value in () if own else tb.tb_frame.f_locals.values():
                texts.append(repr(value))
                if isinstance(value, httpx.Response):
                    texts.append(value.content.decode("latin-1"))
                if isinstance(value, dict):
                    texts.append(repr(list(value.values())))
            tb = tb.tb_next
        current = current.__cause__ or current.__context__
    return texts
