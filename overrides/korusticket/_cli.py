"""``korusticket`` (and ``python -m korusticket``): operator commands over the public client.

Credentials and settings come from the same KORUSTICKET_* variables as ``KorusTicket()``; errors
are the client's, printed as one line (exit status 1; a usage error is 2). Loaded only by the
console script: ``import korusticket`` never imports it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from . import KorusTicket, KorusTicketError
from .types import BookingOrder

__all__ = ["main"]

PROG = "korusticket"
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
Row = dict[str, object]


class CommandError(Exception):
    """A command that cannot do what was asked (nothing found): one line, exit status 1."""


# --- output -------------------------------------------------------------------------------------


def _plain(value: object) -> object:
    """A JSON-able form of a model field (models give theirs through to_dict)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, Decimal):
        return str(value)  # money stays exact
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "value"):  # an enum
        return value.value
    return value


def _cell(value: object) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _table(rows: Sequence[Row], out: TextIO) -> None:
    if not rows:
        print("(none)", file=out)
        return
    columns = list(rows[0])
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(), file=out)
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=out)


def _emit(args: argparse.Namespace, rows: Sequence[Row], models: Sequence[object], out: TextIO) -> None:
    """A table of `rows`, or with --json the models themselves (every field)."""
    if args.json:
        print(json.dumps([_plain(m) for m in models], ensure_ascii=False, indent=2, default=str), file=out)
    else:
        _table(rows, out)


def _nested(model: object, *names: str) -> object:
    for name in names:
        model = getattr(model, name, None)
    return model


# --- commands -----------------------------------------------------------------------------------


def _catalogs(kt: KorusTicket, args: argparse.Namespace, out: TextIO) -> None:
    catalogs = list(kt.catalogs.list(limit=args.limit))
    rows: list[Row] = [{"id": c.id, "name": c.name, "last_synced_at": c.last_synced_at} for c in catalogs]
    _emit(args, rows, catalogs, out)


def _product_bases(kt: KorusTicket, args: argparse.Namespace, out: TextIO) -> None:
    bases = list(kt.product_bases.list(args.catalog, limit=args.limit))
    rows: list[Row] = [{"id": b.id, "name": b.name, "use_session": b.use_session} for b in bases]
    _emit(args, rows, bases, out)


def _offers(kt: KorusTicket, args: argparse.Namespace, out: TextIO) -> None:
    offers = list(
        kt.offers.list(args.catalog, product_base=args.product_base, date_after=args.date_after, limit=args.limit)
    )
    rows: list[Row] = [
        {
            "id": o.id,
            "date": o.date,
            "product": _nested(o, "product", "name"),
            "price": _nested(o, "price", "amount_incl_tax"),
            "currency": _nested(o, "price", "currency"),
            "available": o.available_quantity,
        }
        for o in offers
    ]
    _emit(args, rows, offers, out)


def find_order(kt: KorusTicket, key: str) -> BookingOrder:
    """An order by id, external reference (one filtered request) or reference (a walk, newest first)."""
    if UUID.fullmatch(key):
        return kt.orders.get(key)
    if len(key) <= 50:  # an external reference is 1-50 characters
        for order in kt.orders.list(external_reference=key, limit=2):
            return order
    for order in kt.orders.list(order="desc"):
        if order.reference == key:
            return order
    raise CommandError(f"no order with id, external reference or reference {key!r}")


def _order_row(order: BookingOrder) -> Row:
    return {
        "reference": order.reference,
        "external_reference": order.external_reference,
        "status": order.status,
        "created_at": order.created_at,
        "total": order.total_amount_incl_tax,
        "customer": _nested(order, "customer", "email"),
        "id": order.id,
    }


def _order(kt: KorusTicket, args: argparse.Namespace, out: TextIO) -> None:
    order = find_order(kt, args.key)
    _emit(args, [_order_row(order)], [order], out)


def _documents(kt: KorusTicket, args: argparse.Namespace, out: TextIO) -> None:
    import httpx

    order = find_order(kt, args.key)
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    for document in kt.order_documents.list(order):
        url = kt.order_documents.refresh_url(order, document).temporary_url
        if not url or not document.id:
            raise CommandError(f"document {document.id} of order {order.reference} has no download URL yet")
        answer = httpx.get(url, timeout=60.0)  # a signed URL: no credentials go with it
        if answer.status_code != 200:
            raise CommandError(f"downloading document {document.id}: HTTP {answer.status_code} from the file storage")
        path = folder / f"{order.reference or order.id}-{document.id}.pdf"
        path.write_bytes(answer.content)
        rows.append({"document": document.id, "bytes": len(answer.content), "file": str(path)})
    if args.json:
        print(json.dumps(rows, indent=2), file=out)
    else:
        _table(rows, out)


def _query(pairs: Iterable[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise CommandError(f"--query {pair!r}: expected NAME=VALUE")
        params[name] = value
    return params


def _get(kt: KorusTicket, args: argparse.Namespace, out: TextIO) -> None:
    body = kt.get(args.path, cast_to=dict, params=_query(args.query))
    print(json.dumps(body, ensure_ascii=False, indent=2), file=out)


Command = Callable[[KorusTicket, argparse.Namespace, TextIO], None]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Operator commands over the KorusTicket API. Credentials: KORUSTICKET_CLIENT_ID and "
        "KORUSTICKET_CLIENT_SECRET (or KORUSTICKET_TOKEN); KORUSTICKET_ENVIRONMENT, KORUSTICKET_BASE_URL, "
        "KORUSTICKET_TOKEN_URL and KORUSTICKET_LANGUAGE as for KorusTicket().",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="JSON (every field) instead of a table")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Command, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[common])
        p.set_defaults(run=run)
        return p

    p = command("catalogs", _catalogs, "the catalogs your organization can sell")
    p.add_argument("--limit", type=int, default=None)
    p = command("product-bases", _product_bases, "the product bases of a catalog")
    p.add_argument("catalog", help="catalog id or IRI")
    p.add_argument("--limit", type=int, default=None)
    p = command("offers", _offers, "the offers of a catalog, of one product base with --product-base")
    p.add_argument("catalog", help="catalog id or IRI")
    p.add_argument("--product-base", help="product base id or IRI")
    p.add_argument("--date-after", type=_date, help="offers dated on or after this day (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=None)
    p = command("order", _order, "an order by id, external reference or reference (KT-ORD-...)")
    p.add_argument("key", help="order id, your external reference, or its reference")
    p = command("documents", _documents, "download the documents of an order (tickets) to a folder")
    p.add_argument("key", help="order id, your external reference, or its reference")
    p.add_argument("--out", default=".", help="folder to write the PDFs to (default: the current one)")
    p = command("get", _get, "GET any API path and print its JSON (same auth, retries and errors)")
    p.add_argument("path", help="an API path, e.g. /v1/ticketing/catalogs")
    p.add_argument("--query", "-q", action="append", default=[], metavar="NAME=VALUE", help="a query parameter")
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    client: Callable[[], KorusTicket] = KorusTicket,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run one command; the exit status. ``client`` builds the client (tests pass a stand-in's)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    run: Command = args.run
    try:
        with client() as kt:
            run(kt, args, out)
    except (KorusTicketError, CommandError) as exc:
        print(f"{PROG}: error: {exc}", file=err)
        return 1
    except OSError as exc:  # the --out folder
        print(f"{PROG}: error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
