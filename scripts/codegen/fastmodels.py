"""Response models: which generated models are read-only, and their fast from_dict/to_dict code.

The rule (issue 14): a model is a *response model* when it is reachable from the schema of a 2xx
response and from no request body. Types users receive then have no ``Unset``: a field the server
may omit is ``X | None`` (absent -> None). A model also reachable from a request body keeps the
stock generator's ``X | Unset`` fields, because merge-patch needs absent and null apart.

For response models model.py.jinja emits, instead of the stock per-field code (closures, try/except
unions, ``isinstance(..., Unset)``), one straight-line ``from_dict`` built from the statements
below (issue 16): direct ``Mapping.get``, a dict lookup for enum members, nested models imported
once per module. The keys the model does not declare are collected on first access of
``additional_properties`` only, from the source mapping the model keeps.

``from_dict(data, check=True)`` also checks what it reads against the spec, while reading it: the
type of each plain value (on the exact type first: one comparison per value), required keys, a
date-time's UTC offset, decimal strings. It raises at the first value that does not fit, without
naming more; the client then runs its full spec check to name the field (or, leniently, set it
aside). Checking while converting is several times cheaper than a separate walk over the body,
which is what the client pays on every page. A model whose fields cannot all be checked this way
(one nesting a request model, a list of lists, a constant) says so in ``_CHECKED = False`` and the
client checks its bodies the slow way. With ``check=False`` (the default) from_dict converts only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

PLAIN = {"StringProperty", "IntProperty", "FloatProperty", "BooleanProperty", "AnyProperty", "ConstProperty"}


class UnsupportedProperty(Exception):
    pass


def response_models(openapi: Any) -> set[str]:
    """Class names of the models reachable from a 2xx response and from no request body."""
    by_name = {m.class_info.name: m for m in openapi.models}

    def reach(props: list[Any]) -> set[str]:
        seen: set[str] = set()
        stack = list(props)
        while stack:
            prop = stack.pop()
            kind = type(prop).__name__
            if kind == "ModelProperty":
                name = prop.class_info.name
                if name in seen:
                    continue
                seen.add(name)
                model = by_name.get(name, prop)
                stack.extend((model.required_properties or []) + (model.optional_properties or []))
                if model.additional_properties not in (None, True, False):
                    stack.append(model.additional_properties)
            elif kind == "ListProperty":
                stack.append(prop.inner_property)
            elif kind == "UnionProperty":
                stack.extend(prop.inner_properties)
        return seen

    responses: list[Any] = []
    bodies: list[Any] = []
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            for response in endpoint.responses.patterns:
                pattern = str(response.status_code.pattern)
                if pattern.startswith("2"):
                    responses.append(response.prop)
            bodies.extend(body.prop for body in endpoint.bodies)
    return reach(responses) - reach(bodies)


# The support module every checking from_dict imports (written as korusticket_api/_checks.py).
SUPPORT = '''"""Helpers of the response models' checking from_dict (see scripts/codegen/fastmodels.py).

Also what the generated response checker (_response_checks.py) takes a format to mean: the
formats are defined once, here, for both.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

__all__ = ["DECIMAL", "DECIMALS", "FORMATS", "NUMBER", "aware", "decimal", "expect", "naive", "null"]

# A plain decimal string, as the spec's money pattern says (Decimal() alone also takes "NaN", "1e3").
DECIMAL = re.compile(r"-?[0-9]+(?:\\.[0-9]+)?\\Z").match
NUMBER = frozenset({int, float})
# Decimal strings already proven, and their value (Decimal is immutable: sharing is safe).
DECIMALS: dict[str, Decimal] = {}
DECIMALS_KEPT = 256


def expect(value: Any, types: tuple[type, ...], key: str) -> None:
    """Returns when `value` is one of `types` after all (a subclass); raises naming `key` otherwise."""
    if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):
        return
    names = " or ".join(t.__name__ for t in types)
    raise TypeError(f"{key}: expected {names}, got {type(value).__name__}")


def null(key: str) -> None:
    raise TypeError(f"{key}: null (or missing) where the spec wants a value")


def naive(key: str) -> None:
    raise ValueError(f"{key}: a date-time without a UTC offset (RFC 3339 date-times carry one)")


def aware(value: Any, key: str) -> datetime.datetime:
    """A date-time with a UTC offset (RFC 3339); a naive one is ambiguous."""
    parsed = datetime.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        naive(key)
    return parsed


def _fits(parse: Any) -> Any:
    def fits(value: str) -> bool:
        try:
            parse(value, "")
        except ValueError:
            return False
        return True

    return fits


# A string `format` -> whether a string has it (the spec check's view of the same conversions).
FORMATS: dict[str, Any] = {
    "date-time": _fits(aware),
    "date": _fits(lambda value, _: datetime.date.fromisoformat(value)),
    "decimal": lambda value: DECIMAL(value) is not None,
}


def decimal(value: Any, key: str, check: bool = True) -> Decimal:
    """A Decimal from a plain decimal string, remembered for the next time it is read; with
    `check`, anything else raises."""
    if type(value) is str and DECIMAL(value) is not None:
        parsed = DECIMALS[value] = Decimal(value)
        if len(DECIMALS) > DECIMALS_KEPT:  # bounded: a long walk over many prices stays flat
            DECIMALS.clear()
        return parsed
    if check:
        raise ValueError(f"{key}: {value!r:.60} is not a decimal string")
    return Decimal(str(value))
'''

_TYPES = {"StringProperty": "str", "IntProperty": "int", "BooleanProperty": "bool"}


@dataclass
class Field:
    name: str  # Python attribute
    key: str  # JSON key
    required: bool
    type: str  # annotation
    var: str  # local variable holding the value in from_dict / to_dict
    parse: str  # expression of `var` (not None) -> Python value
    dump: str  # expression of `var` (not None) -> JSON value
    description: str | None
    read: list[str]  # from_dict statements: read, check (when `check`), convert, assign


class Plan:
    responses: ClassVar[set[str]] = set()  # class names of the response models of this generation (set by install)

    def __init__(self, model: Any) -> None:
        self.model = model
        self.enums: dict[str, str] = {}  # enum class -> module-level lookup table name
        self.models: dict[str, str] = {}  # model class -> module of the class
        self.checked = True  # from_dict(check=True) checks every field (see the module docstring)
        self.nested: set[str] = set()
        self.fully_checked = False  # set by plans()  # response models whose from_dict this one calls with `check`
        self.fields = [self._field(p) for p in (model.required_properties or []) + (model.optional_properties or [])]

    def _field(self, prop: Any) -> Field:
        base = prop.get_type_string(no_optional=True).as_unembedded_code()
        nullable = "None" in [t.strip() for t in base.split("|")]
        if not prop.required and not nullable:
            base += " | None"
        target = self._non_null(prop)
        var = f"_{prop.python_name}"
        key = prop.name.get_untrusted_value() if hasattr(prop.name, "get_untrusted_value") else str(prop.name)
        return Field(
            name=str(prop.python_name),
            key=key,
            required=bool(prop.required) and not nullable,
            type=base,
            var=var,
            parse=self.parse(target, var),
            dump=self.dump(target, var),
            description=prop.description,
            read=self.read(target, var, key, str(prop.python_name), present=bool(prop.required), nullable=nullable),
        )

    def read(self, prop: Any, v: str, key: str, name: str, *, present: bool, nullable: bool) -> list[str]:
        """from_dict statements for one field: `v` read from the source, checked when `check` (see
        the module docstring), converted, and assigned."""
        k = json.dumps(key)
        get = f"src_dict[{k}]" if present else f"get({k})"  # a required key: KeyError when missing
        # When a None value is unfit: never (nullable), only when sent as null (optional), always.
        unfit_none = (
            " and _v is not None" if nullable else "" if present else f" and (_v is not None or {k} in src_dict)"
        )
        unfit_none = unfit_none.replace("_v", v)
        kind = type(prop).__name__
        if kind in _TYPES or kind == "FloatProperty":
            if kind == "FloatProperty":
                test, types = f"type({v}) not in _NUMBER", "(int, float)"
            else:
                test, types = f"type({v}) is not {_TYPES[kind]}", f"({_TYPES[kind]},)"
            return [
                f"obj.{name} = {v} = {get}",
                f"if {test} and check{unfit_none}:",
                f"    _expect({v}, {types}, {k})",
            ]
        if kind == "AnyProperty":
            return [f"obj.{name} = {get}"]
        lines = [f"{v} = {get}", f"if {v} is not None:"]
        if kind == "DecimalProperty":
            # Money strings repeat (an item's unit, total and amount, an order's total): a string
            # already proven and converted is looked up instead of parsed again.
            lines += [
                f"    _d = _DECIMALS.get({v})",
                f"    {v} = _decimal({v}, {k}, check) if _d is None else _d",
            ]
        elif kind == "DateTimeProperty":
            lines += [
                f"    {v} = datetime.datetime.fromisoformat({v})",
                f"    if {v}.tzinfo is None and check:",
                f"        _naive({k})",
            ]
        elif kind in ("DateProperty", "EnumProperty", "ModelProperty"):
            lines += [f"    {v} = {self.parse(prop, v, check=True)}"]
        elif kind == "ListProperty":
            inner = self._non_null(prop.inner_property)
            inner_kind = type(inner).__name__
            if inner is not prop.inner_property or inner_kind in ("ListProperty", "ConstProperty"):
                self.checked = False  # nullable items, lists of lists: left to the client's full check
            lines += [f"    if type({v}) is not list and check:", f"        _expect({v}, (list,), {k})"]
            if inner_kind in _TYPES or inner_kind == "FloatProperty":
                test = (
                    "type(x) not in _NUMBER"
                    if inner_kind == "FloatProperty"
                    else f"type(x) is not {_TYPES[inner_kind]}"
                )
                types = "(int, float)" if inner_kind == "FloatProperty" else f"({_TYPES[inner_kind]},)"
                lines += ["    if check:", f"        for x in {v}:", f"            if {test}:",
                          f"                _expect(x, {types}, {k})"]  # fmt: skip
            elif inner_kind == "DecimalProperty":
                lines += [f"    {v} = [_decimal(x, {k}, check) for x in {v}]"]
            elif inner_kind == "DateTimeProperty":
                lines += [
                    f"    {v} = [_aware(x, {k}) for x in {v}] if check else "
                    f"[datetime.datetime.fromisoformat(x) for x in {v}]"
                ]
            elif inner_kind not in ("ListProperty", "AnyProperty", "ConstProperty"):
                lines += [f"    {v} = [{self.parse(inner, 'x', check=True)} for x in {v}]"]
        else:  # ConstProperty and anything new: converted as before, checked by the client
            self.checked = False
            lines += [f"    {v} = {self.parse(prop, v)}"]
        if not nullable:  # a null (or, when required, a missing) value does not fit
            lines += [f"elif check{'' if present else f' and {k} in src_dict'}:", f"    _null({k})"]
        return [*lines, f"obj.{name} = {v}"]

    def _non_null(self, prop: Any) -> Any:
        if type(prop).__name__ != "UnionProperty":
            return prop
        inner = [p for p in prop.inner_properties if type(p).__name__ != "NoneProperty"]
        if len(inner) != 1:
            raise UnsupportedProperty(f"{self.model.class_info.name}.{prop.name}: a union of several types")
        return inner[0]

    def parse(self, prop: Any, v: str, *, check: bool = False) -> str:
        kind = type(prop).__name__
        if kind == "DecimalProperty":
            return f"Decimal(str({v}))"
        if kind in PLAIN:
            return v
        if kind == "DateTimeProperty":
            return f"datetime.datetime.fromisoformat({v})"
        if kind == "DateProperty":
            return f"datetime.date.fromisoformat({v})"
        if kind == "EnumProperty":
            cls = str(prop.class_info.name)
            table = self.enums.setdefault(cls, f"_{cls}_BY_VALUE")
            return f"({table}.get({v}) or {cls}({v}))"
        if kind == "ModelProperty":
            cls = str(prop.class_info.name)
            self.models[cls] = str(prop.class_info.module_name)
            if not check:
                return f"_{cls}.from_dict({v})"
            if cls not in self.responses:  # a request model's stock from_dict checks nothing
                self.checked = False
                return f"_{cls}.from_dict({v})"
            self.nested.add(cls)
            return f"_{cls}.from_dict({v}, check)"
        if kind == "ListProperty":
            inner = self.parse(self._non_null(prop.inner_property), "x", check=check)
            return v if inner == "x" else f"[{inner} for x in {v}]"
        raise UnsupportedProperty(f"{self.model.class_info.name}: {kind} is not supported in response models")

    def dump(self, prop: Any, v: str) -> str:
        kind = type(prop).__name__
        if kind == "DecimalProperty":
            return f"str({v})"
        if kind in PLAIN:
            return v
        if kind in ("DateTimeProperty", "DateProperty"):
            return f"{v}.isoformat()"
        if kind == "EnumProperty":
            return f"{v}.value"
        if kind == "ModelProperty":
            return f"{v}.to_dict()"
        if kind == "ListProperty":
            inner = self.dump(self._non_null(prop.inner_property), "x")
            return v if inner == "x" else f"[{inner} for x in {v}]"
        raise UnsupportedProperty(f"{self.model.class_info.name}: {kind} is not supported in response models")


def plans(openapi: Any) -> dict[str, Plan]:
    """The plan of every response model, with `fully_checked`: its from_dict(check=True) and
    those of every model it nests check everything (a cycle of checked models is checked)."""
    Plan.responses = response_models(openapi)
    by_name = {m.class_info.name: m for m in openapi.models}
    out = {name: Plan(by_name[name]) for name in sorted(Plan.responses) if name in by_name}
    unchecked = {name for name, plan in out.items() if not plan.checked}
    changed = True
    while changed:  # spread "unchecked" to every model nesting an unchecked one
        changed = False
        for name, plan in out.items():
            if name not in unchecked and any(n in unchecked or n not in out for n in plan.nested):
                unchecked.add(name)
                changed = True
    for name, plan in out.items():
        plan.fully_checked = name not in unchecked
    return out


def install() -> None:
    """Give model.py.jinja `response_models` (class names) and `response_plan` (Plan) when it renders."""
    import openapi_python_client

    project: Any = openapi_python_client.Project
    if getattr(project, "_korusticket_fast", False):
        return
    stock_build_models = project._build_models

    def build_models(self: Any) -> None:
        known = plans(self.openapi)
        self.env.globals["response_models"] = set(known)
        self.env.globals["response_plan"] = lambda model: known[model.class_info.name]
        stock_build_models(self)

    project._build_models = build_models
    project._korusticket_fast = True
