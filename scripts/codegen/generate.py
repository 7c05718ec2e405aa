"""Generate generated/korusticket_api and api.md from spec/openapi.yaml, reproducibly.

Preprocess the spec, run the pinned openapi-python-client into a scratch folder with
--fail-on-warning, write the client's resource layer (resources.py) and api.md from the
operations table, check that every spec operation got a module and a client method, and swap
the result into place only when all that succeeded (the generator writes its output even when
it fails, and --overwrite leaves stale files behind). Last, `import korusticket` is tried
against the new code in a fresh interpreter: hand-written code that a release broke is named.

The response checker (responsechecks.py) is written beside the models, and each operation's
request builder is made to name its operation, which picks the check of its answer.

Two extensions to the stock generator, registered here in the build step and never at runtime
(the generator is pinned exactly, so these private hooks are checked on every bump):
`format: decimal` strings become decimal.Decimal (the generator maps unknown formats to str),
and response models get their own template (fastmodels.py: no Unset, a fast from_dict).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, ClassVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import fastmodels  # noqa: E402
import opinfo  # noqa: E402
import optable  # noqa: E402
import preprocess  # noqa: E402
import resources  # noqa: E402
import responsechecks  # noqa: E402
import shapes  # noqa: E402

PACKAGE = "korusticket_api"
OVERRIDES = ROOT / "overrides"
HOOKS = OVERRIDES / "korusticket" / "_hooks.py"
RUFF_HOOKS = (
    ["ruff", "check", ".", "--isolated", "--no-cache", "--target-version", "py311", "--select", "F,I,UP", "--fix-only",
     "--quiet"],
    ["ruff", "format", ".", "--isolated", "--no-cache", "--target-version", "py311", "--line-length", "120", "--quiet"],
)  # fmt: skip


def install_decimal_format() -> None:
    """Teach the generator `type: string, format: decimal` -> decimal.Decimal."""
    from attrs import define
    from openapi_python_client.parser import properties
    from openapi_python_client.parser.properties.string import StringProperty

    @define
    class DecimalProperty(StringProperty):
        _type_string: ClassVar[str] = "Decimal"
        template: ClassVar[str] = "decimal_property.py.jinja"

        def get_imports(self, *, prefix: str) -> set[str]:
            return super().get_imports(prefix=prefix) | {"from decimal import Decimal"}

    stock = properties._string_based_property

    def string_based_property(name: Any, required: bool, data: Any, config: Any) -> Any:
        prop = stock(name, required, data, config)
        if data.schema_format == "decimal" and type(prop) is StringProperty:
            return DecimalProperty(
                name=prop.name,
                required=prop.required,
                default=prop.default,
                python_name=prop.python_name,
                description=prop.description,
                example=prop.example,
            )
        return prop

    properties._string_based_property = string_based_property


def _report(message: str) -> None:
    print(message, file=sys.stderr)


def generate(spec: Path, dest: Path, scratch: Path, api_md: Path | None = None, overrides: Path = OVERRIDES) -> int:
    import yaml
    from openapi_python_client.cli import app

    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    pre = scratch / "spec.json"
    doc = yaml.safe_load(spec.read_text(encoding="utf-8"))
    try:
        table, lines = optable.load()
        ops = optable.resolve(optable.spec_operations(doc), table, lines, report=_report)
    except optable.TableError as exc:
        print(f"generation failed: {exc}; {dest} left untouched", file=sys.stderr)
        return 1
    out = preprocess.preprocess(doc, {op.key: op.module for op in ops}, report=_report)
    pre.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    # The ruff post-hooks are looked up on PATH: use the ruff pinned next to this interpreter.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    install_decimal_format()
    fastmodels.install()
    target = scratch / PACKAGE
    args = [
        "generate",
        "--path", str(pre),
        "--config", str(HERE / "config.yaml"),
        "--custom-template-path", str(HERE / "templates"),
        "--meta", "none",
        "--output-path", str(target),
        "--fail-on-warning",
    ]  # fmt: skip
    try:
        app(args, standalone_mode=False)
    except SystemExit as exit_:  # typer exits on warnings with --fail-on-warning
        if exit_.code:
            print(f"generation failed (exit {exit_.code}); {dest} left untouched", file=sys.stderr)
            return int(exit_.code) if isinstance(exit_.code, int) else 1
    if not (target / "__init__.py").exists():
        print(f"generation produced nothing; {dest} left untouched", file=sys.stderr)
        return 1
    try:
        markdown = resources.write(out, ops, target, overrides / "korusticket" / "_hooks.py")
    except opinfo.GenerationError as exc:
        print(f"generation failed: {exc}; {dest} left untouched", file=sys.stderr)
        return 1
    try:
        (target / "shapes.py").write_text(shapes.module(out, table), encoding="utf-8")
    except shapes.ShapeError as exc:
        print(f"generation failed: {exc}; {dest} left untouched", file=sys.stderr)
        return 1
    try:
        responsechecks.tag_builders(target / "api", {op.module for op in ops})
        (target / "_response_checks.py").write_text(responsechecks.module(out), encoding="utf-8")
    except responsechecks.CheckError as exc:
        print(f"generation failed: {exc}; {dest} left untouched", file=sys.stderr)
        return 1
    for hook in RUFF_HOOKS:
        subprocess.run(hook, cwd=target / "resources", check=True)
        for name in ("shapes.py", "_response_checks.py"):
            subprocess.run([*hook[:2], name, *hook[3:]], cwd=target, check=True)
    # The preprocessed spec travels with the package for the stand-in (korusticket.testing), which
    # serves answers from its schemas; the client itself reads the generated checker only.
    shutil.copyfile(pre, target / "openapi.json")
    (target / "_checks.py").write_text(fastmodels.SUPPORT, encoding="utf-8")
    (target / "py.typed").write_text("")  # PEP 561: `--meta none` writes no package metadata
    shutil.rmtree(dest, ignore_errors=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(target), str(dest))
    if api_md is not None:
        api_md.write_text(markdown, encoding="utf-8")
    return smoke_check(dest.parent, overrides, ops)


SMOKE = """
import sys
import korusticket

missing = []
for cls in (korusticket.KorusTicket, korusticket.AsyncKorusTicket):
    kt = cls(token="smoke-check", base_url="https://api.demo.korusticket.com")
    for pair in sys.argv[1:]:
        resource, method = pair.split(".")
        if not callable(getattr(getattr(kt, resource, None), method, None)):
            missing.append(f"{cls.__name__}().{pair}")
if missing:
    sys.exit("no client method for: " + ", ".join(missing))
"""


def smoke_check(generated: Path, overrides: Path, ops: list[optable.Operation]) -> int:
    """`import korusticket` in a fresh interpreter against the new code; every operation callable."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(overrides), str(generated)])}
    result = subprocess.run(
        [sys.executable, "-c", SMOKE, *[f"{op.resource}.{op.method}" for op in ops]],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-6:])
        print(f"generated, but `import korusticket` fails against the new code:\n{tail}", file=sys.stderr)
        print("fix the hand-written code in overrides/ (or the operations table), then run make generate again",
              file=sys.stderr)  # fmt: skip
        return 3
    return 0


def main(argv: list[str]) -> int:
    spec = Path(argv[0]) if argv else ROOT / "spec" / "openapi.yaml"
    dest = Path(argv[1]) if len(argv) > 1 else ROOT / "generated" / PACKAGE
    api_md = Path(argv[2]) if len(argv) > 2 else (ROOT / "api.md" if len(argv) < 2 else None)
    # A private scratch folder: two generations at once (make, a test, a benchmark) never collide.
    with tempfile.TemporaryDirectory(prefix="korusticket-codegen-") as scratch:
        return generate(spec, dest, Path(scratch), api_md)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
