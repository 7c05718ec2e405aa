"""``python -m korusticket.testing serve [--port 8787] [--host 127.0.0.1]``"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import timedelta

from ._server import DEFAULT_PORT, serve
from ._standin import StandIn


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m korusticket.testing", description="In-memory stand-in of the KorusTicket API."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("serve", help="serve the stand-in over HTTP on loopback")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=DEFAULT_PORT)
    run.add_argument("--hold-minutes", type=float, default=15.0, help="how long reservations are held")
    run.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    run.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args(argv)
    stand_in = StandIn(hold=timedelta(minutes=args.hold_minutes), latency=args.latency)
    try:
        serve(stand_in, args.host, args.port, verbose=not args.quiet)
    except OSError as exc:  # port in use, address not available, permission denied: one line, no traceback
        reason = exc.strerror or str(exc)
        print(f"korusticket.testing serve: cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
