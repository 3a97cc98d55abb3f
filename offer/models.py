"""Oscar's offers, forked only so that discounts come out in whole đồng (see benefits.py)."""

from oscar.apps.offer.models import *  # noqa: F403

from .benefits import (  # noqa: E402, F401  (registers the whole-đồng benefit proxies)
    WholeDongPercentageDiscountBenefit,
    WholeDongShippingPercentageDiscountBenefit,
)
