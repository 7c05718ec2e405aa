"""The documents of an order (tickets to print, vouchers)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import quote

from . import _serialize as ser
from ._core import (
    ApiError,
    Request,
    Response,
    collection,
    json_response,
)
from ._handling import MERGE_PATCH, Handlers, Params, _language
from ._serialize import Iri


class OrderDocuments(Handlers):
    """The documents of an order: list, get, patch."""

    def list_documents(self, req: Request, p: Params) -> Response:
        order = self._order(p["orderId"])
        body = collection(
            req,
            path=Iri.order(order.id) + "/documents",
            context="/contexts/BookingOrderDocument",
            members=order.document_ids,
            serialize=lambda d: ser.order_document(order, d),
            paginated=False,  # the reference shows no page parameters for this operation
        )
        return json_response(200, body)

    def get_document(self, req: Request, p: Params) -> Response:
        order = self._order(p["orderId"])
        if p["id"] not in order.document_ids:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.with_context("BookingOrderDocument", ser.order_document(order, p["id"])))

    def patch_document(self, req: Request, p: Params) -> Response:
        order = self._order(p["orderId"])
        if p["id"] not in order.document_ids:
            raise ApiError(404, "Not Found")
        self._body(req, (MERGE_PATCH,))
        self.state.document_urls_issued += 1
        expires = int(self.state.now().timestamp()) + 600
        nonce = f"{p['id']}:{expires}:{self.state.document_urls_issued}"
        signature = base64.b64encode(hmac.new(self._secret, nonce.encode(), hashlib.sha256).digest()).decode()
        url = (
            f"{self.settings.storage_url}/{order.organization_id}/{order.id}/"
            f"{p['id']}.pdf?GoogleAccessId={quote('stand-in@korusticket-demo.iam.gserviceaccount.com')}"
            f"&Expires={expires}&Signature={quote(signature, safe='')}"
        )
        return json_response(
            200,
            {
                "@context": "/contexts/BookingOrderDocument",
                "@id": Iri.document(order.id, p["id"]),
                "@type": "BookingOrderDocument",
                "id": p["id"],
                "temporaryUrl": url,
                "cachedLanguage": _language(req.header("accept-language")),
            },
        )
