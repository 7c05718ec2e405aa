"""What tests share (tests import it; conftest files hold fixtures only): canned bodies (bodies.py,
numbered_bodies.py, documented_payloads.py; spec_bodies.py builds them from the spec with the stand-in's
builder), the one fake server of unit tests (mock_api.py: MockAPI), the fault server of the socket tests
(fault_server.py) and their stand-in helpers (sockets.py), the spec's operations (operations.py), the
stand-in tests' response check (spec_checker.py), the cassette helpers (cassettes.py) and the
documented-facts reader (spec_facts.py)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
