"""Write the client's resource layer and api.md from the spec and the operations table.

For every operation: a request builder (module-level, shared by sync and async) that checks the
user's arguments and calls the generated operation's ``_get_kwargs`` with its own keyword names,
so mypy checks the two against each other; then the sync and async methods, side by side. What
the generated operation accepts and returns is read from its source (ast), never guessed.
Operations with a `hook:` call the hand-written function in overrides/korusticket/_hooks.py,
whose signature (read with ast too) becomes the method's.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from opinfo import (
    ABC_NAMES,
    BUILTIN_NAMES,
    HEADER,
    TYPING_NAMES,
    GenerationError,
    Models,
    OpInfo,
    ParamInfo,
    collect,
    read_hooks,
)
from optable import Operation

Json = dict[str, Any]

# --- writing Python ----------------------------------------------------------------------------


def pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _docstring(lines: list[str], indent: str) -> str:
    text = "\n".join(lines).strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    wrapped: list[str] = []
    for paragraph in text.split("\n"):
        wrapped += textwrap.wrap(paragraph, 100, break_long_words=False, break_on_hyphens=False) or [""]
    if len(wrapped) == 1:
        return f'{indent}"""{wrapped[0]}"""\n'
    body = "\n".join(f"{indent}{line}" if line else "" for line in wrapped[1:])
    return f'{indent}"""{wrapped[0]}\n{body}\n{indent}"""\n'


def _doc_lines(info: OpInfo) -> list[str]:
    summary = info.summary or f"{info.op.http_method.upper()} {info.op.path}"
    lines = [summary if summary.endswith(".") else summary + "."]
    if info.description and info.description.rstrip(".") != summary.rstrip("."):
        lines += ["", info.description]
    if info.hook and info.hook.doc:
        lines += ["", info.hook.doc]
    lines += ["", f"``{info.op.http_method.upper()} {info.op.path}``"]
    if info.deprecated:
        lines += ["", ".. deprecated:: The API marks this operation deprecated: it goes in a later release."]
    return lines


def _path_args(info: OpInfo) -> list[ParamInfo]:
    return [p for p in info.params if p.location == "path"]


def _query_args(info: OpInfo) -> list[ParamInfo]:
    return [p for p in info.params if p.location == "query"]


def _converter(p: ParamInfo, path_vars: Mapping[str, str]) -> str:
    field_name = repr(p.arg)
    if p.location == "path":
        if p.kind == "choice" and p.enum:
            return f"v.path_choice({p.arg}, {field_name}, {p.enum})"
        return f"v.path_id({p.arg}, {field_name})" if p.kind == "id" else f"v.path_text({p.arg}, {field_name})"
    if p.kind == "choice" and p.enum:
        call = (
            f"v.choices({p.arg}, {field_name}, {p.enum})" if p.array else f"v.choice({p.arg}, {field_name}, {p.enum})"
        )
    elif p.kind == "iri":
        template = p.collection or ""
        collection = "f" + repr(
            re.sub(r"\{(\w+)\}", lambda m: "{" + path_vars.get(m.group(1), "MISSING") + "}", template)
        )
        call = f"v.{'iris' if p.array else 'iri'}({p.arg}, {field_name}, {collection})"
    else:
        fn = {"id": "id", "text": "text", "whole": "whole", "flag": "flag", "date": "date", "datetime": "datetime",
              "choice": "text"}[p.kind]  # fmt: skip
        pattern = f", {p.pattern!r}" if p.pattern else ""
        call = f"v.{fn}{'s' if p.array else ''}({p.arg}, {field_name}{pattern})"
    return f"v.need({call}, {field_name})" if p.required else call


def _signature(info: OpInfo, *, with_defaults: bool = True) -> list[str]:
    if info.hook:
        return info.hook.params
    parts = [f"{p.arg}: {p.annotation()}" for p in _path_args(info)]
    query = _query_args(info)
    if info.body and not info.body_empty:
        parts.append(f"body: {info.body} | Mapping[str, object]")
    if query:
        parts.append("*")
        for p in query:
            if p.required:
                parts.append(f"{p.arg}: {p.annotation()}")
            else:
                parts.append(
                    f"{p.arg}: {p.annotation()} | None = None" if with_defaults else f"{p.arg}: {p.annotation()} | None"
                )
    return parts


def _builder(info: OpInfo) -> str:
    """Module-level request builder shared by the sync and async methods."""
    params = _signature(info, with_defaults=False)
    path_vars = {p.wire: f"_{p.kwarg}" for p in _path_args(info)}
    body_lines = [f"    _{p.kwarg} = {_converter(p, path_vars)}" for p in _path_args(info)]
    body_lines += [f"    _{p.kwarg} = {_converter(p, path_vars)}" for p in _query_args(info)]
    kw = [f"{p.kwarg}=_{p.kwarg}" for p in info.params]
    if info.body:
        body_expr = f"{info.body}()" if info.body_empty else f"v.body(body, 'body', {info.body})"
        body_lines.append(f"    body_ = {body_expr}")
        kw.append("body=body_")
    op_module = f"_op_{info.op.module}"
    out = []
    if info.collection:
        if info.paged:
            kw = ["page=page", "items_per_page=size", *kw]
        out.append(f"def {info.builder}({', '.join(params)}) -> RequestBuilder:")
        out.append(
            f'    """Checks the arguments of kt.{info.op.resource}.{info.op.method}; builds each page\'s request."""'
        )
        out += body_lines
        out.append("")
        out.append("    def request(page: int, size: int) -> Request:")
        out.append(f"        return {op_module}._get_kwargs({', '.join(kw)})")
        out.append("")
        out.append("    return request")
    else:
        out.append(f"def {info.builder}({', '.join(params)}) -> Request:")
        out.append(f'    """Checks the arguments of kt.{info.op.resource}.{info.op.method}; builds its request."""')
        out += body_lines
        out.append(f"    return {op_module}._get_kwargs({', '.join(kw)})")
    return "\n".join(out) + "\n"


def _call_args(info: OpInfo) -> str:
    if info.hook:
        return ", ".join(info.hook.call_args)
    args = [p.arg for p in _path_args(info)]
    if info.body and not info.body_empty:
        args.append("body")
    args += [f"{p.arg}={p.arg}" for p in _query_args(info)]
    return ", ".join(args)


def _method(info: OpInfo, is_async: bool) -> str:
    name = info.op.method
    params = ["self", *_signature(info)]
    if info.hook:
        if not any(p.startswith("**") for p in params):
            params.append("**options: Unpack[RequestOptions]")
        returns = info.hook.returns
        body = f"self._run(hooks.{info.hook.name}(self._core.effective(options), {_call_args(info)}))"
        prefix = "async def" if is_async else "def"
        call = f"return await {body}" if is_async else f"return {body}"
    elif info.collection:
        if "*" not in params:
            params.append("*")
        params += ["page_size: int = DEFAULT_PAGE_SIZE", "limit: int | None = None"]
        if is_async:
            params.append("prefetch: int = 1")
        params.append("**options: Unpack[RequestOptions]")
        returns = f"{'AsyncPaginator' if is_async else 'Paginator'}[{info.item}]"
        extra = ", prefetch=prefetch" if is_async else ""
        call = (
            f"return self._paginate({info.builder}({_call_args(info)}), {info.expect}, {info.item}, "
            f"page_size=page_size, limit=limit{extra}, paged={info.paged}, options=options)"
        )
        prefix = "def"
    else:
        params.append("**options: Unpack[RequestOptions]")
        returns = info.expect or "None"
        send = f"self._send({info.builder}({_call_args(info)}), {info.expect or 'None'}, options)"
        call = f"return await {send}" if is_async else f"return {send}"
        prefix = "async def" if is_async else "def"
    head = f"    {prefix} {name}(" + ", ".join(params) + f") -> {returns}:\n"
    doc = _docstring(_doc_lines(info), "        ")
    if info.deprecated:  # warns when called (a paginator is made at the call too)
        doc += f'        deprecated("kt.{info.op.resource}.{name}", "{info.op.key}")\n'
    return head + doc + f"        {call}\n"


def _annotation_names(texts: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for text in texts:
        names.update(re.findall(r"\b[A-Za-z_]\w*\b", text))
    return names


def resource_module(resource: str, infos: list[OpInfo], tag_doc: str) -> str:
    cls = pascal(resource)
    models: set[str] = set()
    hook_names: set[str] = set()
    for info in infos:
        for name in (info.expect, info.item, info.body):
            if name:
                models.add(name)
        models.update(p.enum for p in info.params if p.enum)
        if info.hook:
            hook_names |= _annotation_names([*info.hook.params, info.hook.returns])
    source = [HEADER, f'"""kt.{resource}: {tag_doc}"""\n' if tag_doc else f'"""kt.{resource}."""\n', "\n"]
    source.append("from __future__ import annotations\n\n")
    source.append("import datetime as dt\n")
    source.append("from collections.abc import Mapping, Sequence\n")
    source.append("from typing import Any, Literal, Unpack\n\n")
    # Hand-written code only through its core interface (korusticket/core.py) and the public types.
    source.append(
        "from korusticket.core import (\n    DEFAULT_PAGE_SIZE,\n    AsyncCore,\n    AsyncPaginator,\n"
        "    AsyncResource,\n    IdLike,\n    Paginator,\n    Request,\n    RequestBuilder,\n    RequestOptions,\n"
        "    SyncCore,\n    SyncResource,\n    async_raw,\n"
        + ("    deprecated,\n" if any(i.deprecated for i in infos) else "")
        + "    hooks,\n    raw,\n)\nfrom korusticket.core import checks as v\n"
    )
    public = sorted(n for n in hook_names - models - BUILTIN_NAMES - TYPING_NAMES - ABC_NAMES - {
        "IdLike", "RequestOptions", "Flow", "Core"} if n[0].isupper())  # fmt: skip
    if public:
        source.append("from korusticket.types import " + ", ".join(public) + "\n")
    source.append("\n")
    source += [f"from ..{i.module.rsplit('.', 1)[0]} import {i.op.module} as _op_{i.op.module}\n" for i in infos]
    if models:
        source.append("from ..models import " + ", ".join(sorted(models)) + "\n")
    source.append("\n__all__ = [" + ", ".join(f'"{n}"' for n in _resource_classes(resource)) + "]\n\n\n")
    source += [_builder(info) + "\n\n" for info in infos if not info.hook]
    for is_async in (False, True):
        name = f"Async{cls}" if is_async else cls
        base = "AsyncResource" if is_async else "SyncResource"
        source.append(f"class {name}({base}):\n")
        kind = "async" if is_async else "sync"
        source.append(_docstring([f"kt.{resource} ({kind}). {tag_doc}".strip()], "    "))
        source += ["\n" + _method(info, is_async) for info in infos]
        source.append("\n\n")
    source += [_raw_class(resource, infos, is_async) for is_async in (False, True)]
    return "".join(source).rstrip() + "\n"


def _resource_classes(resource: str) -> list[str]:
    """The classes a resource module defines: the resource and its raw view, sync and async."""
    cls = pascal(resource)
    return [cls, f"Async{cls}", f"{cls}WithRawResponse", f"Async{cls}WithRawResponse"]


def _raw_class(resource: str, infos: list[OpInfo], is_async: bool) -> str:
    """kt.with_raw_response.<resource>: each method typed as the resource's, returning a
    RawResponse of its value (mypy knows ``RawResponse[BookingOrder]``)."""
    prefix = "Async" if is_async else ""
    cls = f"{prefix}{pascal(resource)}"
    wrap = "async_raw" if is_async else "raw"
    kind = "async: awaited" if is_async else "sync"
    lines = [f"class {cls}WithRawResponse:\n"]
    lines.append(
        _docstring(
            [f"kt.with_raw_response.{resource} ({kind}): the methods of kt.{resource}, returning a RawResponse."],
            "    ",
        )
    )
    lines.append(f"\n    def __init__(self, core: {'AsyncCore' if is_async else 'SyncCore'}) -> None:\n")
    lines.append(f"        resource = {cls}(core)\n")
    lines += [f"        self.{info.op.method} = {wrap}(resource.{info.op.method})\n" for info in infos]
    return "".join(lines) + "\n\n"


def package_init(resources: list[str], api_version: str) -> str:
    """The package __init__: the clients users construct. Each is the hand-written client of
    korusticket.core (configuration, the pipeline, raw paths) composed with every resource as a
    cached property, which imports its module (and the generated operations and models it uses)
    when kt.<resource> is first read, not at `import korusticket`."""
    lines = [
        HEADER,
        '"""The clients: the hand-written core composed with every resource (kt.orders, kt.offers, ...)."""\n\n',
    ]
    lines.append("from __future__ import annotations\n\n")
    lines.append("import importlib\n")
    lines.append("from functools import cached_property\n")
    lines.append("from typing import TYPE_CHECKING, Any\n\n")
    lines.append("from korusticket.core import AsyncClient, SyncClient\n\n")
    lines.append("if TYPE_CHECKING:\n")
    lines.append("    from korusticket.core import AsyncCore, SyncCore\n\n")
    lines += [f"    from .{r} import {', '.join(sorted(_resource_classes(r)))}\n" for r in resources]
    names = [n for r in resources for n in _resource_classes(r)]
    clients = ["AsyncKorusTicket", "KorusTicket", "AsyncResourcesWithRawResponse", "ResourcesWithRawResponse"]
    exported = ["API_VERSION", "RESOURCES", *sorted(names), *clients]
    lines.append("\n__all__ = [" + ", ".join(f'"{n}"' for n in exported) + "]\n")
    lines.append("\nRESOURCES = (" + "".join(f'"{r}", ' for r in resources) + ")\n")
    lines.append(
        f'API_VERSION = "{api_version}"\n"""The KorusTicket API release this code was generated from (spec info.version)."""\n'
    )
    lines.append("_CLASSES: dict[str, str] = {\n")
    lines += [f'    "{n}": ".{r}",\n' for r in resources for n in _resource_classes(r)]
    lines.append("}\n")
    lines.append(LAZY)
    for is_async in (False, True):
        prefix = "Async" if is_async else ""
        base = "AsyncClient" if is_async else "SyncClient"
        lines.append(f"\n\nclass {prefix}KorusTicket({base}):\n")
        lines.append(f"    __doc__ = {base}.__doc__\n")
        lines += [_cached(r, f"{prefix}{pascal(r)}") for r in resources]
        doc = (
            f"``{'await ' if is_async else ''}kt.with_raw_response.<resource>.<method>(...)``: a RawResponse "
            "(status, headers,\n        request id, elapsed time) whose ``.parse()`` gives the usual value; typed "
            "per method\n        (``RawResponse[BookingOrder]``)."
        )
        lines.append(_cached("with_raw_response", f"{prefix}ResourcesWithRawResponse", module="", doc=doc))
    for is_async in (False, True):
        prefix = "Async" if is_async else ""
        core = "AsyncCore" if is_async else "SyncCore"
        lines.append(f"\n\nclass {prefix}ResourcesWithRawResponse:\n")
        lines.append(
            f'    """kt.with_raw_response{" (async, awaited)" if is_async else ""}: every resource, whose methods '
            "return a RawResponse\n    (status, headers, request id, elapsed time) whose ``.parse()`` gives the usual "
            'value; typed\n    per method (``RawResponse[BookingOrder]``)."""\n'
        )
        lines.append(f"\n    def __init__(self, core: {core}) -> None:\n")
        lines.append("        self._core = core\n")
        lines.append("\n    def __repr__(self) -> str:\n")
        lines.append(f'        return "<{prefix}ResourcesWithRawResponse>"\n')
        lines += [_cached(r, f"{prefix}{pascal(r)}WithRawResponse") for r in resources]
    return "".join(lines)


def _cached(attr: str, cls: str, module: str | None = None, doc: str = "") -> str:
    """A composed attribute: built on the client's core when first read (its module imported then)."""
    source = f".{attr}" if module is None else module
    body = f'        """{doc}"""\n' if doc else ""
    body += f"        from {source} import {cls}\n\n" if source else ""
    return f"\n    @cached_property\n    def {attr}(self) -> {cls}:\n{body}        return {cls}(self._core)\n"


LAZY = """

def __getattr__(name: str) -> Any:
    module = _CLASSES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)
"""


# --- api.md --------------------------------------------------------------------------------


def _call_text(info: OpInfo) -> str:
    if info.hook:
        params = [p for p in info.hook.params if not p.startswith("**") and p != "*"]
        args = [p.split(":")[0].strip() for p in params]
    else:
        args = [p.arg for p in _path_args(info)]
        if info.body and not info.body_empty:
            args.append("body")
        query = [f"{p.arg}=..." for p in _query_args(info)]
        args += query
        if info.collection:
            args.append("limit=...")
    return f"{info.op.resource}.{info.op.method}({', '.join(args)})"


def api_markdown(infos: list[OpInfo], version: str) -> str:
    out = [
        "# KorusTicket API from Python\n\n",
        f"Every operation of KorusTicket API {version}, as the `korusticket` client calls it. Generated by\n",
        "`make generate` from `spec/openapi.yaml` and `scripts/codegen/operations.yaml`: do not edit.\n\n",
        "`kt = KorusTicket(...)` (sync) or `kt = AsyncKorusTicket(...)` (async). Every method also takes\n",
        "`language=`, `timeout=` and `max_retries=`; list methods take `page_size=` and `limit=` (async:\n",
        "`prefetch=`). Types are importable from `korusticket.types`.\n",
    ]
    by_resource: dict[str, list[OpInfo]] = {}
    for info in infos:
        by_resource.setdefault(info.op.resource, []).append(info)
    for resource in sorted(by_resource):
        out.append(f"\n## kt.{resource}\n\n")
        out.append("| Python | Async | HTTP | Returns |\n|---|---|---|---|\n")
        for info in by_resource[resource]:
            call = _call_text(info)
            if info.collection:
                sync_ret, async_call = f"`Paginator[{info.item}]`", f"`async for x in kt.{call}`"
            elif info.hook:
                sync_ret, async_call = f"`{info.hook.returns}`", f"`await kt.{call}`"
            else:
                sync_ret, async_call = f"`{info.expect}`", f"`await kt.{call}`"
            http = f"`{info.op.http_method.upper()} {info.op.path}`" + (" **deprecated**" if info.deprecated else "")
            out.append(f"| `kt.{call}` | {async_call} | {http} | {sync_ret} |\n")
    return "".join(out)


# --- entry point --------------------------------------------------------------------------------


def public_models(infos: list[OpInfo], models: Models) -> list[str]:
    """Models a caller can receive or send (what methods return, take, and what those hold),
    without the collection envelopes and parameter enums that stay inside the client."""
    roots: set[str] = set()
    for info in infos:
        if info.collection:
            roots.add(info.item or "")
        elif info.expect and not info.hook:
            roots.add(info.expect)
        if info.body and not info.body_empty and not info.hook:
            roots.add(info.body)
        if info.hook:
            roots |= _annotation_names([*info.hook.params, info.hook.returns]) & set(models.classes)
    seen: set[str] = set()
    todo = [r for r in roots if r in models.classes]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for annotation in models.classes[name][1].values():
            todo += [n for n in _annotation_names([annotation]) if n in models.classes and n not in seen]
    return sorted(seen)


def types_module(names: list[str]) -> str:
    lines = [HEADER, '"""The models callers receive and send, re-exported by korusticket.types."""\n\n']
    lines.append("from __future__ import annotations\n\n")
    lines += [f"from ..models import {name}\n" for name in names]
    lines.append("\n__all__ = [\n" + "".join(f'    "{n}",\n' for n in names) + "]\n")
    return "".join(lines)


def write(doc: Json, ops: list[Operation], package: Path, hooks_path: Path) -> str:
    """Write package/resources/ and return api.md's text."""
    infos = collect(doc, ops, package, read_hooks(hooks_path))
    tags = {t.get("name"): str(t.get("description", "")).strip() for t in doc.get("tags", []) if isinstance(t, dict)}
    by_resource: dict[str, list[OpInfo]] = {}
    for info in infos:
        by_resource.setdefault(info.op.resource, []).append(info)
    target = package / "resources"
    target.mkdir(exist_ok=True)
    for resource, group in by_resource.items():
        tag = (doc["paths"][group[0].op.path][group[0].op.http_method].get("tags") or [""])[0]
        (target / f"{resource}.py").write_text(resource_module(resource, group, tags.get(tag, "")), encoding="utf-8")
    resources = sorted(by_resource)
    version = str(doc.get("info", {}).get("version", ""))
    (target / "__init__.py").write_text(package_init(resources, version), encoding="utf-8")
    (target / "types.py").write_text(types_module(public_models(infos, Models.scan(package))), encoding="utf-8")
    missing = [
        f"{i.op.key} (kt.{i.op.resource}.{i.op.method})"
        for i in infos
        if f"def {i.op.method}(" not in (target / f"{i.op.resource}.py").read_text(encoding="utf-8")
    ]
    if missing:
        raise GenerationError("operations without a client method: " + ", ".join(missing))
    return api_markdown(infos, str(doc.get("info", {}).get("version", "")))
