from __future__ import annotations

__version__ = "0.8.0"
