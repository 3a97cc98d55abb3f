"""Delivery by zone and weight, free above a threshold, and pickup at a showroom; whole đồng."""

from decimal import Decimal as D

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices
from oscar.templatetags.currency_filters import currency

from .carriers import RATES, SCALE, default_carrier, parcels_of, zone_fee  # noqa: F401
from .zones import ZONE_NAMES

# A province of each zone, for quoting a zone by the carrier's province-based interface.
_ZONE_PROVINCE = {"lang-son": "Lạng Sơn", "north": "Hà Nội", "rest": "Thành phố Hồ Chí Minh"}


def whole_dong_price(currency, amount):
    return prices.Price(currency=currency, excl_tax=D(amount).quantize(D("1")), tax=D("0"))


def is_free(basket):
    return basket.total_incl_tax >= settings.SHOP_FREE_SHIPPING_FROM


class ZoneDelivery(Base):
    """Home delivery: each producer's lines as their own parcel, priced by the province's zone
    and the parcel's weight by the carrier; the sum of the parcels, free above the threshold."""

    code = "delivery"

    def __init__(self, zone, province=None, carrier=None):
        self.zone = zone
        self.province = province or _ZONE_PROVINCE[zone]
        self.carrier = carrier or default_carrier()
        self.name = _("Delivery to %(zone)s") % {"zone": ZONE_NAMES[zone]}
        self.description = _("Free for orders from %(amount)s.") % {
            "amount": currency(settings.SHOP_FREE_SHIPPING_FROM, "VND")
        }

    def charge_for(self, weight):
        return zone_fee(self.zone, weight)

    def parcels(self, basket):
        """[(parcel, quote)] for each producer's parcel; fees of 0 when the order ships free."""
        free = is_free(basket)
        quoted = []
        for parcel in parcels_of(basket):
            quote = self.carrier.quote(parcel, self.province)
            if free:
                quote.fee = D("0")
            quoted.append((parcel, quote))
        return quoted

    def calculate(self, basket):
        if is_free(basket):
            return whole_dong_price(basket.currency, 0)
        total = sum((quote.fee for _parcel, quote in self.parcels(basket)), D("0"))
        return whole_dong_price(basket.currency, total)


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
