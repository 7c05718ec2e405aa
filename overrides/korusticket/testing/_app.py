"""Routing and handlers: the API's behaviour, independent of the HTTP plumbing.

The handlers live by concern: _token.py (token endpoint, bearer check), _ticketing.py (ticketing reads),
_reservations.py and _orders.py (booking), _order_documents.py (documents); _handling.py holds what they share,
_routes.py the routes table.
"""

from __future__ import annotations

from . import _synth
from ._core import (
    ApiError,
    Request,
    Response,
    ValidationFailed,
)
from ._credentials import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH
from ._handling import Settings
from ._routes import ROUTES as ROUTES  # the dispatch reads _app.ROUTES (a test patches it)
from ._routes import Endpoints

__all__ = ["DEMO_CLIENT_ID", "DEMO_CLIENT_SECRET", "TOKEN_PATH", "App", "Settings"]


class App(Endpoints):
    """Dispatches a ``Request`` to its handler and turns exceptions into API error bodies."""

    def handle(self, req: Request) -> Response:
        with self.state.lock:
            try:
                return self._dispatch(req)
            except ApiError as exc:
                return exc.response()
            except ValidationFailed as exc:
                return exc.response()

    def _dispatch(self, req: Request) -> Response:
        allowed: list[str] = []
        for method, regex, handler, public in ROUTES:
            match = regex.fullmatch(req.path)
            if match is None:
                continue
            if method != req.method.upper():
                allowed.append(method)
                continue
            if not public and self.settings.auth and (denied := self._authenticate(req)) is not None:
                return denied
            return handler(self, req, match.groupdict())
        documents = self.state.documents
        if not allowed and documents.answers(req) and documents.holds(req):
            # A read the spec documents and no handler implements: served from the seed documents.
            if self.settings.auth and (denied := self._authenticate(req)) is not None:
                return denied
            return documents.read(req)
        if not allowed and (synthesized := _synth.answer(req)) is not None:
            # An operation of a new release with neither a handler nor seed documents: a body from its schema.
            if self.settings.auth and (denied := self._authenticate(req)) is not None:
                return denied
            return synthesized
        if allowed:
            raise ApiError(
                405,
                f'No route found for "{req.method} {req.path}": Method Not Allowed (Allow: {", ".join(allowed)})',
                [("allow", ", ".join(allowed))],
            )
        raise ApiError(404, f'No route found for "{req.method} {req.path}"')
