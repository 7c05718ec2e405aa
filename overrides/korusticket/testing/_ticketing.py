"""Ticketing reads: catalogs, products, offers and forms."""

from __future__ import annotations

from datetime import UTC, date, datetime

from . import _serialize as ser
from ._core import (
    ApiError,
    Request,
    Response,
    collection,
    json_response,
)
from ._handling import IRI_PRODUCT, Handlers, Params, _order_direction, _range_filter
from ._serialize import Iri


class TicketingReads(Handlers):
    """Catalogs, products, offers (availability, price, tickets) and forms."""

    def list_catalogs(self, req: Request, _: Params) -> Response:
        catalogs = sorted(
            (c for c in self.seed.catalogs.values() if c.organization_id == self.seed.organization_id),
            key=lambda c: (c.created_at, c.id),
            reverse=bool(_order_direction(req, "createdAt")),
        )
        body = collection(
            req,
            path="/v1/ticketing/catalogs",
            context="/contexts/TicketingCatalog",
            members=catalogs,
            serialize=ser.catalog,
            variables=["order[createdAt]"],
        )
        return json_response(200, body)

    def get_catalog(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.with_context("TicketingCatalog", ser.catalog(self._catalog(p["id"]))))

    def list_products(self, req: Request, p: Params) -> Response:
        self._catalog(p["catalogId"])
        products = sorted(
            (x for x in self.seed.products.values() if x.catalog_id == p["catalogId"]),
            key=lambda x: (x.created_at, x.id),
        )
        body = collection(
            req,
            path=f"{Iri.catalog(p['catalogId'])}/products",
            context="/contexts/TicketingProduct",
            members=products,
            serialize=ser.product,
        )
        return json_response(200, body)

    def get_product(self, req: Request, p: Params) -> Response:
        self._catalog(p["catalogId"])
        product = self.seed.products.get(p["id"])
        if product is None or product.catalog_id != p["catalogId"]:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.with_context("TicketingProduct", ser.product(product)))

    def list_offers(self, req: Request, p: Params) -> Response:
        self._catalog(p["catalogId"])
        wanted = {
            m.group("product") if (m := IRI_PRODUCT.fullmatch(v)) else v
            for v in req.params("product[]") + req.params("product")
        }
        session = req.param("session")
        base = req.param("productBaseId")  # release: the products of a base are those it lists
        of_base = {
            iri.rsplit("/", 1)[-1]
            for path, iris in self.state.documents.links.items()
            if base and path.endswith(f"/product_bases/{base}/products")
            for iri in iris
        }
        offers = []
        for o in self.seed.offers.values():
            if o.catalog_id != p["catalogId"] or (wanted and o.product_id not in wanted):
                continue
            if base and o.product_id not in of_base:
                continue
            day = datetime.combine(o.date, datetime.min.time(), UTC) if o.date else None
            if not _range_filter(req, "date", day):
                continue
            if session and session not in {s.id for s in self.state.sessions_for_offer(o)}:
                continue
            offers.append(o)
        desc = _order_direction(req, "date")
        offers.sort(key=lambda o: (o.date or date.min, o.id), reverse=bool(desc))
        variables = [
            "order[date]",
            "date[before]",
            "date[strictly_before]",
            "date[after]",
            "date[strictly_after]",
            "product",
            "product[]",
            "session",
            "productBaseId",
        ]
        body = collection(
            req,
            path=f"{Iri.catalog(p['catalogId'])}/offers",
            context="/contexts/TicketingOffer",
            members=offers,
            serialize=lambda o: ser.offer(self.state, o),
            variables=variables,
        )
        return json_response(200, body)

    def get_offer(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.with_context("TicketingOffer", ser.offer(self.state, self._offer(p))))

    def offer_availability(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.offer_availability(self.state, self._offer(p)))

    def offer_price(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.offer_price(self._offer(p)))

    def list_offer_tickets(self, req: Request, p: Params) -> Response:
        offer = self._offer(p, "offerId")
        body = collection(
            req,
            path=Iri.offer(offer.catalog_id, offer.id) + "/tickets",
            context="/contexts/TicketingOfferTicket",
            members=offer.tickets,
            serialize=lambda t: ser.offer_ticket(offer, t),
            paginated=False,
        )
        return json_response(200, body)

    def get_offer_ticket(self, req: Request, p: Params) -> Response:
        offer = self._offer(p, "offerId")
        ticket = next((t for t in offer.tickets if t.id == p["id"]), None)
        if ticket is None:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.with_context("TicketingOfferTicket", ser.offer_ticket(offer, ticket)))

    def get_form(self, req: Request, p: Params) -> Response:
        form = self.seed.forms.get(p["id"])
        if form is None:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.form(form))
