"""Generate generated/korusticket_api from spec/openapi.yaml, reproducibly.

Preprocess the spec, run the pinned openapi-python-client into a scratch folder with
--fail-on-warning, and swap the result into place only when that succeeded (the generator
writes its output even when it fails, and --overwrite leaves stale files behind).

The one extension to the stock generator: `format: decimal` strings become decimal.Decimal
(the generator maps unknown formats to str). It is registered here, in the build step, and
never at runtime; the generator is pinned exactly, so this private hook is checked on every bump.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, ClassVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import preprocess  # noqa: E402

PACKAGE = "korusticket_api"


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


def generate(spec: Path, dest: Path, scratch: Path) -> int:
    import yaml
    from openapi_python_client.cli import app

    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    pre = scratch / "spec.json"
    doc = yaml.safe_load(spec.read_text(encoding="utf-8"))
    out = preprocess.preprocess(doc, preprocess.load_names(), report=lambda m: print(m, file=sys.stderr))
    pre.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    # The ruff post-hooks are looked up on PATH: use the ruff pinned next to this interpreter.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    install_decimal_format()
    target = scratch / "out"
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
    # The preprocessed spec travels with the package: the client checks response bodies against
    # its schemas and names the field that does not fit.
    shutil.copyfile(pre, target / "openapi.json")
    (target / "py.typed").write_text("")  # PEP 561: `--meta none` writes no package metadata
    shutil.rmtree(dest, ignore_errors=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(target), str(dest))
    return 0


def main(argv: list[str]) -> int:
    spec = Path(argv[0]) if argv else ROOT / "spec" / "openapi.yaml"
    dest = Path(argv[1]) if len(argv) > 1 else ROOT / "generated" / PACKAGE
    # A private scratch folder: two generations at once (make, a test, a benchmark) never collide.
    with tempfile.TemporaryDirectory(prefix="korusticket-codegen-") as scratch:
        return generate(spec, dest, Path(scratch))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
