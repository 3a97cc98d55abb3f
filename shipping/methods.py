"""Delivery by zone and weight, free above a threshold, and pickup at a showroom; whole đồng."""

import math
from decimal import Decimal as D

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.apps.shipping.scales import Scale
from oscar.core import prices
from oscar.templatetags.currency_filters import currency

from .zones import ZONE_LANG_SON, ZONE_NAMES, ZONE_NORTH, ZONE_REST

# Đồng for the first kilogram, and for each further kilogram or part of one.
RATES = {
    ZONE_LANG_SON: (D("20000"), D("5000")),
    ZONE_NORTH: (D("30000"), D("8000")),
    ZONE_REST: (D("40000"), D("12000")),
}
# A product without a "weight" attribute (kg) counts as half a kilogram.
SCALE = Scale(attribute_code="weight", default_weight=D("0.5"))


def whole_dong_price(currency, amount):
    return prices.Price(currency=currency, excl_tax=D(amount).quantize(D("1")), tax=D("0"))


class ZoneDelivery(Base):
    """Home delivery, priced by the province's zone and the parcel's weight."""

    code = "delivery"

    def __init__(self, zone):
        self.zone = zone
        self.name = _("Delivery to %(zone)s") % {"zone": ZONE_NAMES[zone]}
        self.description = _("Free for orders from %(amount)s.") % {
            "amount": currency(settings.SHOP_FREE_SHIPPING_FROM, "VND")
        }

    def charge_for(self, weight):
        first, further = RATES[self.zone]
        return first + further * max(0, math.ceil(weight - 1))

    def calculate(self, basket):
        if basket.total_incl_tax >= settings.SHOP_FREE_SHIPPING_FROM:
            return whole_dong_price(basket.currency, 0)
        return whole_dong_price(basket.currency, self.charge_for(SCALE.weigh_basket(basket)))


class ShowroomPickup(Base):
    """Collect the order at a display-and-sale point: free."""

    def __init__(self, showroom, shown=None):
        # The code names the default-language page: it stays the same if the buyer
        # switches language in the middle of checkout.
        shown = shown or showroom
        self.showroom = showroom
        self.code = f"pickup-{showroom.pk}"
        self.name = _("Pick up at %(showroom)s") % {"showroom": shown.title}
        self.description = getattr(shown, "address", "")

    def calculate(self, basket):
        return whole_dong_price(basket.currency, 0)
