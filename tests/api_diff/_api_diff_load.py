"""Import scripts/api_diff.py as a module (scripts/ is not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "api_diff.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_api_diff() -> ModuleType:
    """Return the api_diff module, loaded once (dataclasses need it in sys.modules)."""
    name = "api_diff"
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, SCRIPT)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return module
