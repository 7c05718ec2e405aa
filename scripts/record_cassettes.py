"""Re-record the cassettes in tests/cassettes (``make record``).

    scripts/record_cassettes.py              against the demo server: needs KORUSTICKET_CLIENT_ID and
                                             KORUSTICKET_CLIENT_SECRET (KORUSTICKET_BASE_URL and
                                             KORUSTICKET_TOKEN_URL are honoured)
    scripts/record_cassettes.py --stand-in   against the local korusticket.testing stand-in (how the
                                             committed cassettes are made: deterministic, no credentials)

Extra arguments go to pytest (e.g. ``-k booking_flow``). Each cassette's ``metadata.recorded_against``
says where it was recorded. Tests marked ``stand_in_only`` need the stand-in's seeded data (another
organization's catalog, a sold-out offer, a clock to move): the demo server run leaves their cassettes
as they are. After recording, the scrub check (tests/flow/test_cassettes_clean.py) runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = "tests/flow/test_booking_flow_cassettes.py"
CHECK = "tests/flow/test_cassettes_clean.py"
CREDENTIALS = ("KORUSTICKET_CLIENT_ID", "KORUSTICKET_CLIENT_SECRET")


def python() -> str:
    """How to call this interpreter from the repository root (.venv/bin/python under make)."""
    try:
        return str(Path(sys.executable).relative_to(ROOT))
    except ValueError:
        return "python"


def pytest(*args: str, target: str | None = None) -> int:
    env = dict(os.environ)
    if target:
        env["KORUSTICKET_RECORD_TARGET"] = target
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args]
    prefix = f"KORUSTICKET_RECORD_TARGET={target} " if target else ""
    print(f"$ {prefix}{python()} {' '.join(command[1:])}", flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stand-in", action="store_true", help="record against the local stand-in instead")
    args, extra = parser.parse_known_args(argv)
    if args.stand_in:
        target, selection = "stand-in", []
        print("Recording against the korusticket.testing stand-in (loopback, FakeClock).")
    else:
        missing = [name for name in CREDENTIALS if not os.environ.get(name)]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            print(f"make record: {' and '.join(missing)} {verb} not set.", file=sys.stderr)
            print(
                "  To record against the demo server, export KORUSTICKET_CLIENT_ID and KORUSTICKET_CLIENT_SECRET\n"
                "  (optionally KORUSTICKET_BASE_URL, KORUSTICKET_TOKEN_URL) and run `make record` again.\n"
                f"  To re-record against the local stand-in instead: {python()} scripts/record_cassettes.py --stand-in",
                file=sys.stderr,
            )
            return 2
        base = os.environ.get("KORUSTICKET_BASE_URL", "https://api.demo.korusticket.com")
        target, selection = "demo", ["-m", "not stand_in_only"]
        print(f"Recording against {base} (tests marked stand_in_only keep their stand-in cassettes).")
    code = pytest(TESTS, "--record-mode=rewrite", *selection, *extra, target=target)
    if code != 0:
        print("Recording failed: see the test output above (failed tests may have left no cassette).", file=sys.stderr)
        return code
    code = pytest(CHECK, "-q")
    if code != 0:
        print("The new cassettes failed the scrub and metadata check: do not commit them (see above).", file=sys.stderr)
        return code
    print("Cassettes recorded in tests/cassettes and checked; they replay with `make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
