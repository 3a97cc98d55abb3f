"""Prices in whole đồng: the VAT is included in the shelf price, as Vietnamese shops show it."""

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from oscar.apps.partner.availability import Unavailable
from oscar.apps.partner.strategy import *  # noqa: F403
from oscar.apps.partner.strategy import Default, FixedPrice
from oscar.apps.partner.strategy import Selector as OscarSelector

from tours.booking import is_ticket, session_availability

WHOLE_DONG = D("1")


def whole_dong(amount):
    """`amount` rounded half up to a whole đồng (VND has no minor unit)."""
    return D(amount).quantize(WHOLE_DONG, rounding=ROUND_HALF_UP)


class WholeDongPrices:
    """Shelf prices include VAT; Oscar's tax is zero and every amount is whole đồng."""

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return super().pricing_policy(product, stockrecord)
        return FixedPrice(
            currency=stockrecord.price_currency,
            excl_tax=whole_dong(stockrecord.price),
            tax=D("0"),
        )

    def parent_pricing_policy(self, product, children_stock):
        stockrecords = [stockrecord for _, stockrecord in children_stock if stockrecord]
        if not stockrecords:
            return super().parent_pricing_policy(product, children_stock)
        stockrecord = stockrecords[0]
        return FixedPrice(
            currency=stockrecord.price_currency,
            excl_tax=whole_dong(stockrecord.price),
            tax=D("0"),
        )


class ExperienceSessions:
    """Tickets of a craft experience (tours/booking.py): no booking once the session has
    started, and availability told in seats."""

    def availability_policy(self, product, stockrecord):
        policy = super().availability_policy(product, stockrecord)
        return session_availability(product, stockrecord, policy)


class PublicProductsOnly:
    """A product that is not public (awaiting an editor, or hidden by staff) cannot be added to a
    basket, stays in none and cannot be ordered; workshop tickets, never listed in the shop, are
    sold from their workshop's page."""

    def availability_policy(self, product, stockrecord):
        policy = super().availability_policy(product, stockrecord)
        if product.is_public or is_ticket(product):
            return policy
        return Unavailable()


class LineStockRecord:
    """A basket line is priced from the stock record it was added with, which the basket reads
    with its lines; Oscar's default asks the database for the product's first one, line by line."""

    def fetch_for_line(self, line, stockrecord=None):
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)


class Vietnam(LineStockRecord, PublicProductsOnly, ExperienceSessions, WholeDongPrices, Default):
    """The shop's strategy: first stock record, stock required, whole-đồng VAT-inclusive prices."""


class Selector(OscarSelector):
    def strategy(self, request=None, user=None, **kwargs):
        return Vietnam(request)
