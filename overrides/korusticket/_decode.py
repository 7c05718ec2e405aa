"""Response bodies against the spec, naming the first field that does not fit.

The generated response models check what they read (``from_dict(body, check=True)``: one type
test per value, see scripts/codegen/fastmodels.py) and only say *that* something does not fit.
This module is the full check against the response schema of the spec that generated the models
(shipped as korusticket_api/openapi.json): it runs when a model's own check fails, to name the
field or set it aside, for raw JSON (``cast_to=dict``) and for the few models that cannot check
themselves. Each schema becomes a checker compiled once, which builds the field's path only when
something is wrong. Unknown fields and unknown enum values are fine (forward compatibility), so
they are not checked.

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
import itertools
import json
import linecache
import logging
import re
import threading
from collections.abc import Callable
from typing import Any

import attrs
import httpx

from ._errors import ResponseDecodeError

__all__ = ["MODES", "Validation", "check_body", "decode_error", "load_json"]

Json = dict[str, Any]
log = logging.getLogger("korusticket")
MODES = ("lenient", "strict", "off")
INFERRED = "x-korusticket-inferred"
# An unfit field is renamed with this prefix so that from_dict leaves it among the unknown
# fields; its name is restored in additional_properties after parsing.
_UNFIT = "\x00korusticket-unfit:"
_COMPILED = itertools.count(1)  # a unique file name per compiled checker, for linecache


def load_json(response: httpx.Response) -> Any:
    """The JSON body; ValueError for anything else, a body nested too deep to parse included."""
    try:
        return response.json()
    except RecursionError:
        raise ValueError("body is nested too deeply to be parsed") from None


@functools.cache
def _spec() -> Json:
    from importlib import resources  # only when a body needs the full check: not at import

    text = resources.files("korusticket_api").joinpath("openapi.json").read_text(encoding="utf-8")
    spec: Json = json.loads(text)
    return spec


@functools.cache
def _path_patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for template in _spec().get("paths", {}):
        regex = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        patterns.append((re.compile(regex), template))
    # Literal segments beat parameters: /orders/_bulk before /orders/{id}.
    patterns.sort(key=lambda p: p[1].count("{"))
    return patterns


def _template(path: str) -> str | None:
    return next((template for regex, template in _path_patterns() if regex.match(path)), None)


@functools.cache
def _lenient_spec() -> Json:
    """The spec as lenient mode reads it: a guessed (inferred) property is never required."""
    spec: Json = json.loads(json.dumps(_spec()))
    stack: list[Any] = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        props = node.get("properties")
        if isinstance(node.get("required"), list):
            if node.get(INFERRED) is True:
                node["required"] = []
            elif isinstance(props, dict):
                node["required"] = [
                    n
                    for n in node["required"]
                    if not (isinstance(props.get(n), dict) and props[n].get(INFERRED) is True)
                ]
        stack.extend(node.values())
    return spec


def _schema_of(method: str, template: str, status: int, spec: Json | None = None) -> Json | None:
    op = (spec or _spec())["paths"][template].get(method.lower(), {})
    response = op.get("responses", {}).get(str(status))
    if not isinstance(response, dict):
        return None
    for media in response.get("content", {}).values():
        schema = media.get("schema")
        return schema if isinstance(schema, dict) else None
    return None


def _resolve(schema: Json, spec: Json | None = None) -> Json:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = (spec or _spec())["components"]["schemas"][name]
    return schema


def _types(schema: Json) -> set[str]:
    value = schema.get("type")
    if isinstance(value, str):
        return {value}
    return set(value) if isinstance(value, list) else set()


# --- the fast check ------------------------------------------------------------------------
#
# Each response schema becomes generated Python source, one function per component schema,
# with type, format and property checks inlined (as fastjsonschema does): several times faster
# than walking the schema or chaining closures, which matters when draining thousands of items.

# JSON type -> the Python types json.loads makes for it. The fast test is on the exact type
# (a dict lookup); isinstance runs only when that fails, so subclasses still fit.
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


@functools.cache
def _formats() -> dict[str, Callable[[str], bool]]:
    """What `format` means: the same predicates the response models' own check uses (imported
    when the first checker is compiled, not at `import korusticket`)."""
    from korusticket_api._checks import FORMATS

    return FORMATS


# A check returns None when the value fits, else (path, problem); the path is built only then.
Problem = tuple[str, str] | None
Check = Callable[[Any], Problem]


def _join(prefix: str, sub: str) -> str:
    """`items[2]` + `date` -> `items[2].date`; `member` + `[3]` -> `member[3]`."""
    if not prefix or not sub:
        return prefix or sub
    return prefix + sub if sub.startswith("[") else f"{prefix}.{sub}"


class _Source:
    """Writes the checking functions for one schema and the components it refers to."""

    def __init__(self, spec: Json) -> None:
        self.spec = spec
        self.constants: dict[str, object] = {}  # name in the checker's namespace -> value
        self.functions: dict[int, str] = {}
        self.lines: list[str] = []
        self.temp = 0

    def function(self, schema: Json) -> str:
        key = id(schema)
        if key not in self.functions:  # registered before its body: recursive schemas work
            name = self.functions[key] = f"_check{len(self.functions)}"
            body: list[str] = []
            self.inline(schema, "value", "", body, 1)
            self.lines += [f"def {name}(value):", *body, "    return None", ""]
        return self.functions[key]

    def _var(self) -> str:
        self.temp += 1
        return f"v{self.temp}"

    def _constant(self, prefix: str, value: object) -> str:
        """A name bound to `value` in the checker's namespace (one per distinct value)."""
        for name, known in self.constants.items():
            if name.startswith(prefix) and known == value:
                return name
        name = f"{prefix}{len(self.constants)}"
        self.constants[name] = value
        return name

    def _type_test(self, types: set[str], var: str) -> str:
        """An expression true when `var` is none of the JSON `types`."""
        allowed = tuple(t for name in sorted(types) if name in _PY_TYPES for t in _PY_TYPES[name])
        exact = (
            f"type({var}) is not {allowed[0].__name__ if allowed[0] is not type(None) else 'NoneType'}"
            if len(allowed) == 1
            else f"type({var}) not in {self._constant('_TYPES', frozenset(allowed))}"
        )
        # bool is an int in Python, not in JSON Schema
        no_bool = f" or isinstance({var}, bool)" if int in allowed and "boolean" not in types else ""
        return f"{exact} and (not isinstance({var}, {self._constant('_TUPLE', allowed)}){no_bool})"

    def _narrow(self, types: set[str], json_type: str, var: str, out: list[str], depth: int) -> int:
        """The depth of statements that may take `var` to be `json_type`: the same depth when the
        type test already proved it, else one deeper under an isinstance guard."""
        if types == {json_type}:
            return depth
        python_type = _PY_TYPES[json_type][0].__name__
        out.append(f"{'    ' * depth}if isinstance({var}, {python_type}):")
        return depth + 1

    def inline(self, schema: Json, var: str, path: str, out: list[str], depth: int) -> None:
        """Statements that return (path, problem) when `var` does not fit `schema`.

        `path` is the body of an f-string naming `var` relative to the function's value.
        """
        pad = "    " * depth
        where = f'f"{path}"'
        if "$ref" in schema:  # components get their own function: bounded size, recursion-safe
            found = self._var()
            out.append(f"{pad}{found} = {self.function(_resolve(schema, self.spec))}({var})")
            out.append(f"{pad}if {found} is not None: return (_join({where}, {found}[0]), {found}[1])")
            return
        for combinator in ("anyOf", "oneOf"):
            if combinator in schema:
                # Fits if any option fits; otherwise report what the first option found.
                found = self._var()
                names = [self.function(option) for option in schema[combinator]]
                out.append(f"{pad}{found} = {names[0]}({var})")
                rest = " and ".join(f"{name}({var}) is not None" for name in names[1:]) or "True"
                out.append(f"{pad}if {found} is not None and {rest}:")
                out.append(f"{pad}    return (_join({where}, {found}[0]), {found}[1])")
        for part in schema.get("allOf", []):
            self.inline(part, var, path, out, depth)
        types = _types(schema) & set(_PY_TYPES)
        if types:
            expected = " or ".join(sorted(types))
            out.append(f"{pad}if {self._type_test(types, var)}:")
            out.append(
                f'{pad}    return ({where}, f"expected {expected}, got {{type({var}).__name__}} {{{var}!r:.60}}")'
            )
        # Past the type test, `var` is known to be one of `types`: guard only what may differ.
        pattern, fmt = schema.get("pattern"), schema.get("format")
        formats = _formats()
        if isinstance(pattern, str) or fmt in formats:
            guard = "" if types == {"string"} else f"isinstance({var}, str) and "
            if isinstance(pattern, str):
                # JSON Schema's "$" (ECMA-262) does not match before a final newline; Python's does.
                anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
                compiled = re.compile(anchored)
                search = self._constant("_SEARCH", compiled.search)
                out.append(f"{pad}if {guard}{search}({var}) is None:")
                shown = self._constant("_PATTERN", compiled.pattern)
                out.append(f'{pad}    return ({where}, f"{{{var}!r:.60}} does not match {{{shown}}}")')
            if fmt in formats:
                test = self._constant("_FORMAT", formats[fmt])
                out.append(f"{pad}if {guard}not {test}({var}):")
                out.append(f'{pad}    return ({where}, f"{{{var}!r:.60}} is not a valid {fmt}")')
        required, properties = schema.get("required", []), schema.get("properties", {})
        if required or properties:
            inner = self._narrow(types, "object", var, out, depth)
            ipad = "    " * inner
            for name in required:
                out.append(f"{ipad}if {name!r} not in {var}:")
                out.append(f'{ipad}    return (_join({where}, {name!r}), "required field missing")')
            for name, sub in properties.items():
                item = self._var()
                escaped = name.replace("{", "{{").replace("}", "}}").replace('"', "")
                out.append(f"{ipad}{item} = {var}.get({name!r}, _MISSING)")
                out.append(f"{ipad}if {item} is not _MISSING:")
                self.inline(sub, item, f"{path}.{escaped}" if path else escaped, out, inner + 1)
                out.append(f"{ipad}    pass")
        if isinstance(schema.get("items"), dict):
            index, item = self._var(), self._var()
            inner = self._narrow(types, "array", var, out, depth)
            ipad = "    " * inner
            out.append(f"{ipad}for {index}, {item} in enumerate({var}):")
            self.inline(schema["items"], item, f"{path}[{{{index}}}]", out, inner + 1)
            out.append(f"{ipad}    pass")


def _compile(schema: Json, spec: Json) -> Check:
    source = _Source(spec)
    entry = source.function(schema)
    namespace: dict[str, Any] = {"_MISSING": object(), "_join": _join, "NoneType": type(None), **source.constants}
    text = "\n".join(source.lines) + "\n"
    # Registered with linecache, as attrs does for its generated methods: tracebacks, pdb and
    # inspect.getsource show the checker's source instead of a bare "<string>".
    filename = f"<korusticket response check {entry} {next(_COMPILED)}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    exec(compile(text, filename, "exec"), namespace)
    check: Check = namespace[entry]
    return check


def _fits(_: Any) -> Problem:
    return None


@functools.cache
def _check_for(method: str, template: str, status: int, lenient: bool = False) -> Check:
    spec = _lenient_spec() if lenient else _spec()
    schema = _schema_of(method, template, status, spec)
    return _compile(schema, spec) if schema else _fits


def _problem(response: httpx.Response, body: Any) -> Problem:
    template = _template(response.request.url.path)
    if template is None:
        return None
    return _check_for(response.request.method, template, response.status_code)(body)


# --- lenient mode --------------------------------------------------------------------------

_SEGMENT = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def _segments(path: str) -> list[str | int]:
    return [int(index) if index else name for index, name in _SEGMENT.findall(path)]


def _members(schema: Json, spec: Json, depth: int = 0) -> tuple[dict[str, Any], set[str], bool]:
    """Properties, required names and the inferred mark of a schema, across allOf/anyOf/oneOf."""
    schema = _resolve(schema, spec)
    props = dict(schema.get("properties", {})) if isinstance(schema.get("properties"), dict) else {}
    required = set(schema.get("required", [])) if isinstance(schema.get("required"), list) else set()
    inferred = schema.get(INFERRED) is True
    if depth < 16:
        for key in ("allOf", "anyOf", "oneOf"):
            for part in schema.get(key, []):
                if isinstance(part, dict):
                    more, req, inf = _members(part, spec, depth + 1)
                    props = {**more, **props}
                    required |= req
                    inferred = inferred or (inf and key == "allOf")
    return props, required, inferred


def _items(schema: Json, spec: Json, depth: int = 0) -> Json:
    schema = _resolve(schema, spec)
    if isinstance(schema.get("items"), dict):
        return schema["items"]  # type: ignore[no-any-return]
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key, []):
            if isinstance(part, dict) and depth < 16 and (found := _items(part, spec, depth + 1)):
                return found
    return {}


def _rule(schema: Json, spec: Json, segments: list[str | int]) -> tuple[bool, bool]:
    """(required, inferred) of the property at the end of `segments`: required by its parent,
    and whether it or any schema above it is a guess."""
    required = inferred = False
    for segment in segments:
        if isinstance(segment, int):
            schema = _items(schema, spec)
            continue
        props, names, parent_inferred = _members(schema, spec)
        sub = props.get(segment, {})
        sub = sub if isinstance(sub, dict) else {}
        required = segment in names
        inferred = inferred or parent_inferred or sub.get(INFERRED) is True or _resolve(sub, spec).get(INFERRED) is True
        schema = sub
    return required, inferred


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

    def check(self, response: httpx.Response, body: Any) -> tuple[Any, Callable[[Any], None]]:
        """The body to parse, and what to call on the parsed model; raises ResponseDecodeError."""
        if self.mode == "off":
            return body, _nothing
        if self.mode == "strict":
            error = check_body(response, body)
            if error is not None:
                raise error
            return body, _nothing
        template = _template(response.request.url.path)
        if template is None:
            return body, _nothing
        method, status = response.request.method, response.status_code
        check = _check_for(method, template, status, True)
        problem = check(body)
        if problem is None:
            return body, _nothing
        spec = _lenient_spec()
        schema = _schema_of(method, template, status, spec) or {}
        for _ in range(self.max_fixes):
            path, message = problem
            segments = _segments(path)
            last = max((i for i, s in enumerate(segments) if isinstance(s, str)), default=None)
            if last is None:
                raise _error(response, path, message)
            required, inferred = _rule(schema, spec, segments[: last + 1])
            # A collection's `member` is required by spec/openapi.yaml; code generation relaxes
            # that flag only so that API Platform 3's `hydra:member` parses too.
            required = required or segments[: last + 1] == ["member"]
            parent = _at(body, segments[:last])
            name = segments[last]
            if (required and not inferred) or not isinstance(parent, dict) or name not in parent:
                raise _error(response, path, message)
            parent[f"{_UNFIT}{name}"] = parent.pop(name)
            self._warn(f"{method} {template}", segments[: last + 1], path, message)
            problem = check(body)
            if problem is None:
                return body, _restore_names
        raise _error(response, path, f"{message} (and more than {self.max_fixes} other unfit fields)")

    def _warn(self, operation: str, segments: list[str | int], path: str, message: str) -> None:
        field = "".join("[]" if isinstance(s, int) else f".{s}" for s in segments).lstrip(".")
        with self._lock:
            if (operation, field) in self._warned:
                return
            self._warned.add((operation, field))
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


def check_body(response: httpx.Response, body: Any) -> ResponseDecodeError | None:
    """None when a 2xx body fits the spec's response schema, else the error naming the field."""
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
