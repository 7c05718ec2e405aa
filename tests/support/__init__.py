"""What tests share (tests import it; conftest files hold fixtures only): canned bodies (bodies.py,
numbered_bodies.py, documented_payloads.py, spec_bodies.py), test doubles (mock_api.py, script.py,
fault_server.py), the stand-in helpers of the socket tests (sockets.py), the cassette helpers
(cassettes.py) and the documented-facts reader (spec_facts.py)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
