"""Path templates of the spec (``/v1/booking/orders/{id}``): the one matcher of the stand-in, shared with the tests.

A ``{name}`` matches one path segment, everything else is literal. Where several templates match a
path, the one with the fewest parameters wins: a literal segment beats a parameter
(``/v1/booking/orders/_bulk`` is not an order ``{id}``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

__all__ = ["SEGMENT", "fill", "most_specific", "parameters", "template_regex"]

SEGMENT = "[^/]+"  # any one path segment
_PARAMETER = re.compile(r"\{([^}]+)\}")
_HOST = "(?:https?://[^/]+)?"  # the scheme and host an IRI may be written with


@functools.cache
def template_regex(template: str, segment: str = SEGMENT, *, absolute: bool = False) -> re.Pattern[str]:
    """The regex of `template`, anchored at both ends: each ``{name}`` a group (named `name` where it can
    be) matching `segment`. ``absolute=True`` also accepts a scheme and host in front (an IRI in full)."""
    pattern, end, names = [], 0, set()
    for match in _PARAMETER.finditer(template):
        name = match.group(1)
        pattern.append(re.escape(template[end : match.start()]))
        pattern.append(f"(?P<{name}>{segment})" if name.isidentifier() and name not in names else f"({segment})")
        names.add(name)
        end = match.end()
    pattern.append(re.escape(template[end:]))
    return re.compile("^" + (_HOST if absolute else "") + "".join(pattern) + "$")


def parameters(template: str) -> int:
    """How many parameters `template` has: fewer is more specific."""
    return len(_PARAMETER.findall(template))


def most_specific(templates: Iterable[str], path: str, segment: str = SEGMENT) -> str | None:
    """The template matching `path` with the fewest parameters (the first of equals), or None."""
    matching = (t for t in templates if template_regex(t, segment).match(path))
    return min(matching, key=parameters, default=None)


def fill(template: str, value: str) -> str:
    """`template` with every parameter set to `value`: a path of it."""
    return _PARAMETER.sub(lambda _: value, template)
