"""Response models: which generated models are read-only, and their fast from_dict/to_dict code.

The rule (issue 14): a model is a *response model* when it is reachable from the schema of a 2xx
response and from no request body. Types users receive then have no ``Unset``: a field the server
may omit is ``X | None`` (absent -> None). A model also reachable from a request body keeps the
stock generator's ``X | Unset`` fields, because merge-patch needs absent and null apart.

For response models model.py.jinja emits, instead of the stock per-field code (closures, try/except
unions, ``isinstance(..., Unset)``), one straight-line ``from_dict`` built from the expressions
below (issue 16): direct ``Mapping.get``, a dict lookup for enum members, nested models imported
once per module. The keys the model does not declare are collected on first access of
``additional_properties`` only, from the source mapping the model keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


class Plan:
    def __init__(self, model: Any) -> None:
        self.model = model
        self.enums: dict[str, str] = {}  # enum class -> module-level lookup table name
        self.models: dict[str, str] = {}  # model class -> module of the class
        self.fields = [self._field(p) for p in (model.required_properties or []) + (model.optional_properties or [])]

    def _field(self, prop: Any) -> Field:
        base = prop.get_type_string(no_optional=True).as_unembedded_code()
        nullable = "None" in [t.strip() for t in base.split("|")]
        if not prop.required and not nullable:
            base += " | None"
        target = self._non_null(prop)
        var = f"_{prop.python_name}"
        return Field(
            name=str(prop.python_name),
            key=prop.name.get_untrusted_value() if hasattr(prop.name, "get_untrusted_value") else str(prop.name),
            required=bool(prop.required) and not nullable,
            type=base,
            var=var,
            parse=self.parse(target, var),
            dump=self.dump(target, var),
            description=prop.description,
        )

    def _non_null(self, prop: Any) -> Any:
        if type(prop).__name__ != "UnionProperty":
            return prop
        inner = [p for p in prop.inner_properties if type(p).__name__ != "NoneProperty"]
        if len(inner) != 1:
            raise UnsupportedProperty(f"{self.model.class_info.name}.{prop.name}: a union of several types")
        return inner[0]

    def parse(self, prop: Any, v: str) -> str:
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
            return f"_{cls}.from_dict({v})"
        if kind == "ListProperty":
            inner = self.parse(self._non_null(prop.inner_property), "x")
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


def install() -> None:
    """Give model.py.jinja `response_models` (class names) and `response_plan` (Plan) when it renders."""
    import openapi_python_client

    project: Any = openapi_python_client.Project
    if getattr(project, "_korusticket_fast", False):
        return
    stock_build_models = project._build_models

    def build_models(self: Any) -> None:
        self.env.globals["response_models"] = response_models(self.openapi)
        self.env.globals["response_plan"] = Plan
        stock_build_models(self)

    project._build_models = build_models
    project._korusticket_fast = True
