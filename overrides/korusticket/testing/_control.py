"""What the loopback server adds to the API: the stand-in's file storage (the signed document URLs)
and a small control API for tests and demos driving it from another process.

    GET    /_stand-in                 what is seeded (demo IRIs, counts), the faults, the connection
    POST   /_stand-in/seed            {"offers": n, "orders": n, "products": n, "reservations": n}
    GET    /_stand-in/faults          the faults, in order
    POST   /_stand-in/faults          one fault: {"path_glob", "method", "status", "retry_after", "body",
                                      "headers", "latency", "drop_connection", "times"} (Faults.add)
    DELETE /_stand-in/faults          remove every fault
    GET    /_stand-in/requests        the request log (method, path, query, status, request id, fault)
    DELETE /_stand-in/requests        clear it
    GET    /_stand-in/files/...       a document's file, at its temporaryUrl while the URL has not expired

Control requests need no token and are neither logged nor subject to faults.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._core import Request, Response, json_response

if TYPE_CHECKING:
    from ._faults import Fault
    from ._standin import StandIn

__all__ = ["CONTROL_PATH", "FILES_PATH", "Control", "fault_arguments", "seed"]

CONTROL_PATH = "/_stand-in"
FILES_PATH = CONTROL_PATH + "/files"

_FAULT_FIELDS: dict[str, tuple[type, ...]] = {
    "path_glob": (str,),
    "method": (str,),
    "status": (int,),
    "retry_after": (str, int, float),
    "body": (object,),
    "headers": (dict,),
    "latency": (int, float),
    "drop_connection": (str,),
    "times": (int,),
}
SEED_KINDS = ("offers", "orders", "products", "reservations")
VOLUME = {"offers": 2000, "orders": 5000}
"""``--volume``: enough for a catalog sync and an order reconciliation to page (40 and 100 pages of 50)."""


def fault_arguments(spec: object) -> dict[str, Any]:
    """The keyword arguments of ``Faults.add`` from a JSON object; ValueError naming a bad field."""
    if not isinstance(spec, Mapping):
        raise ValueError(f"a fault is a JSON object, not {type(spec).__name__}")
    unknown = sorted(set(spec) - set(_FAULT_FIELDS))
    if unknown:
        raise ValueError(f"unknown fault field(s) {', '.join(unknown)}; allowed: {', '.join(_FAULT_FIELDS)}")
    out: dict[str, Any] = {}
    for name, value in spec.items():
        kinds = _FAULT_FIELDS[name]
        if value is None and name not in ("path_glob", "headers"):
            out[name] = None
            continue
        if isinstance(value, bool) or not isinstance(value, kinds):
            wanted = " or ".join("a number" if k is float else f"a {k.__name__}" for k in kinds)
            raise ValueError(f"fault field {name}: {value!r:.40} is not {wanted}")
        out[name] = str(value) if name == "retry_after" else value
    return out


def seed(stand_in: StandIn, counts: Mapping[str, object]) -> dict[str, int]:
    """Seed ``counts`` items of each kind; orders get the external references ``VOLUME-00001``, ..."""
    unknown = sorted(set(counts) - set(SEED_KINDS))
    if unknown:
        raise ValueError(f"cannot seed {', '.join(unknown)}; allowed: {', '.join(SEED_KINDS)}")
    done: dict[str, int] = {}
    for kind, n in counts.items():
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 100_000:
            raise ValueError(f"seed {kind}: {n!r:.20} is not a whole number from 0 to 100000")
        if kind == "offers":
            stand_in.seed_offers(n)
        elif kind == "products":
            stand_in.seed_products(n)
        elif kind == "reservations":
            stand_in.seed_reservations(n)
        else:
            first = len(stand_in.state.orders) + 1
            for i in range(first, first + n):
                stand_in.seed_orders(1, external_reference=f"VOLUME-{i:05d}")
        done[kind] = n
    return done


def _fault(fault: Fault) -> dict[str, Any]:
    out = {f.name: getattr(fault, f.name) for f in dataclasses.fields(fault) if f.name != "error"}
    out["headers"] = dict(fault.headers)
    return out


def _answer(status: int, payload: object) -> Response:
    return json_response(status, payload, content_type="application/json")


def _error(status: int, message: str) -> Response:
    return _answer(status, {"error": message})


class Control:
    """Answers the control paths and the file storage of one stand-in (see the module docstring)."""

    def __init__(self, stand_in: StandIn) -> None:
        self.stand_in = stand_in

    def handle(self, request: Request) -> Response | None:
        """The answer to a control or file request; None for an API request."""
        path = request.path.rstrip("/") or "/"
        if path != CONTROL_PATH and not path.startswith(CONTROL_PATH + "/"):
            return None
        method = request.method.upper()
        try:
            if path.startswith(FILES_PATH + "/"):
                return self._file(request) if method in ("GET", "HEAD") else _error(405, "files are read with GET")
            route = {
                (CONTROL_PATH, "GET"): self._summary,
                (CONTROL_PATH + "/seed", "POST"): self._seed,
                (CONTROL_PATH + "/faults", "GET"): self._faults,
                (CONTROL_PATH + "/faults", "POST"): self._add_fault,
                (CONTROL_PATH + "/faults", "DELETE"): self._clear_faults,
                (CONTROL_PATH + "/requests", "GET"): self._requests,
                (CONTROL_PATH + "/requests", "DELETE"): self._clear_requests,
            }.get((path, method))
            if route is None:
                return _error(404, f"no control operation {method} {path} (see GET {CONTROL_PATH})")
            return route(request)
        except ValueError as exc:
            return _error(400, str(exc))

    def _json(self, request: Request) -> object:
        try:
            return json.loads(request.body or b"{}")
        except ValueError:
            raise ValueError("the body is not JSON") from None

    def _summary(self, request: Request) -> Response:
        s = self.stand_in
        return _answer(
            200,
            {
                "demo": dataclasses.asdict(s.demo),
                "counts": {
                    "offers": len(s.state.seed.offers),
                    "products": len(s.state.seed.products),
                    "reservations": len(s.state.reservations),
                    "orders": len(s.state.orders),
                    "requests": len(s.requests),
                },
                "faults": [_fault(f) for f in s.faults],
                "token_path": s.token_path,
                "control": __doc__,
            },
        )

    def _seed(self, request: Request) -> Response:
        counts = self._json(request)
        if not isinstance(counts, Mapping):
            raise ValueError('the body is a JSON object such as {"orders": 5000}')
        return _answer(201, {"seeded": seed(self.stand_in, counts)})

    def _faults(self, request: Request) -> Response:
        return _answer(200, [_fault(f) for f in self.stand_in.faults])

    def _add_fault(self, request: Request) -> Response:
        fault = self.stand_in.faults.add(**fault_arguments(self._json(request)))
        return _answer(201, _fault(fault))

    def _clear_faults(self, request: Request) -> Response:
        self.stand_in.reset_faults()
        return _answer(200, [])

    def _requests(self, request: Request) -> Response:
        log = [
            {
                "method": r.method,
                "path": r.path,
                "query": [list(pair) for pair in r.query],
                "status": r.status,
                "fault": r.fault is not None,
            }
            for r in list(self.stand_in.requests)
        ]
        return _answer(200, log)

    def _clear_requests(self, request: Request) -> Response:
        self.stand_in.clear_requests()
        return _answer(200, [])

    def _file(self, request: Request) -> Response:
        query = "&".join(f"{k}={v}" for k, v in request.query)
        try:
            content = self.stand_in.download(f"{request.path}?{query}")
        except ValueError as exc:
            return _error(404, str(exc))
        return Response(200, (("content-type", "application/pdf"),), content)
