"""``python -m korusticket.testing serve [--port 8787] [--host 127.0.0.1] [--volume] [--seed-orders N] [--fault JSON]``

Seeding and faults given here are in place before the server listens; the control API
(``/_stand-in``, see ``korusticket.testing._control``) changes them while it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import timedelta

from ._control import SEED_KINDS, VOLUME, fault_arguments, seed
from ._server import DEFAULT_PORT, serve
from ._standin import StandIn


def _fault(text: str) -> dict[str, object]:
    try:
        return fault_arguments(json.loads(text))
    except ValueError as exc:  # bad JSON too
        raise argparse.ArgumentTypeError(
            f'{exc} (a fault is a JSON object, e.g. \'{{"status": 503, "times": 2}}\')'
        ) from None


def _count(text: str) -> int:
    if not text.isdigit() or int(text) > 100_000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 0 to 100000")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m korusticket.testing", description="In-memory stand-in of the KorusTicket API."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("serve", help="serve the stand-in over HTTP on loopback")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=DEFAULT_PORT, help="0: any free port (printed)")
    run.add_argument("--hold-minutes", type=float, default=15.0, help="how long reservations are held")
    run.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    run.add_argument("--quiet", action="store_true", help="do not log requests")
    run.add_argument("--seed", default="korusticket-stand-in", help="the name ids are derived from")
    for kind in SEED_KINDS:
        run.add_argument(f"--seed-{kind}", type=_count, default=0, metavar="N", help=f"add N {kind}")
    run.add_argument(
        "--volume",
        action="store_true",
        help=f"volume data: {VOLUME['offers']:,} more offers and {VOLUME['orders']:,} orders (adds to --seed-*)",
    )
    run.add_argument(
        "--fault",
        type=_fault,
        action="append",
        default=[],
        metavar="JSON",
        help='a fault, as Faults.add takes it: \'{"path_glob": "/v1/booking/*", "method": "POST", "status": 503, '
        '"retry_after": "1", "times": 2}\' (repeatable; drop_connection "before"|"after", latency, body, headers)',
    )
    args = parser.parse_args(argv)
    stand_in = StandIn(hold=timedelta(minutes=args.hold_minutes), latency=args.latency, seed=args.seed)
    counts = {kind: getattr(args, f"seed_{kind}") + (VOLUME.get(kind, 0) if args.volume else 0) for kind in SEED_KINDS}
    seed(stand_in, {k: n for k, n in counts.items() if n})
    for fault in args.fault:
        stand_in.faults.add(**fault)
    try:
        serve(stand_in, args.host, args.port, verbose=not args.quiet)
    except OSError as exc:  # port in use, address not available, permission denied: one line, no traceback
        reason = exc.strerror or str(exc)
        print(f"korusticket.testing serve: cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
