"""Offer benefits whose discounts are whole đồng: VND has no minor unit.

Oscar rounds what its benefits return through `OSCAR_OFFER_ROUNDING_FUNCTION` (set to
`round_discount` below), but its percentage benefit gives each basket line the unrounded share
(15 % of 33.333 ₫ is 4.999,95 ₫), so line, basket and order totals would carry fractions of a
đồng. The two percentage benefits are replaced here; Oscar's class loader picks them up by name.
"""

from decimal import ROUND_DOWN
from decimal import Decimal as D

from oscar.apps.offer import benefits as oscar_benefits
from oscar.apps.offer.benefits import *  # noqa: F403

WHOLE_DONG = D("1")


def round_discount(amount, currency=None):
    """A discount rounded down to a whole đồng: never more than the offer promises."""
    return D(amount).quantize(WHOLE_DONG, rounding=ROUND_DOWN)


class WholeDongPercentageDiscountBenefit(oscar_benefits.PercentageDiscountBenefit):
    """Oscar's percentage discount, with each line's share rounded before it is applied."""

    class Meta:
        app_label = "offer"
        proxy = True

    def apply(
        self, basket, condition, offer, discount_percent=None, max_total_discount=None, **kwargs
    ):
        if discount_percent is None:
            discount_percent = self.value
        discount_percent = min(discount_percent, D("100"))
        available = max_total_discount
        discount = D("0")
        affected_items = 0
        max_affected_items = self._effective_max_affected_items()
        for price, line in self.get_applicable_lines(offer, basket):
            affected_items += line.quantity_with_offer_discount(offer)
            if affected_items >= max_affected_items or available == 0:
                break
            quantity = min(
                line.quantity_without_offer_discount(offer), max_affected_items - affected_items
            )
            if quantity <= 0:
                break
            line_discount = round_discount(discount_percent / D("100") * price * int(quantity))
            if available is not None:
                line_discount = min(line_discount, available)
                available -= line_discount
            oscar_benefits.apply_discount(line, line_discount, quantity, offer)
            affected_items += quantity
            discount += line_discount
        return oscar_benefits.BasketDiscount(discount)


class WholeDongShippingPercentageDiscountBenefit(oscar_benefits.ShippingPercentageDiscountBenefit):
    """Oscar's percentage off delivery, in whole đồng."""

    class Meta:
        app_label = "offer"
        proxy = True

    def shipping_discount(self, charge, currency=None):
        return round_discount(charge * self.value / D("100"))


# The names Oscar's class loader looks up (`get_class("offer.benefits", ...)`).
PercentageDiscountBenefit = WholeDongPercentageDiscountBenefit
ShippingPercentageDiscountBenefit = WholeDongShippingPercentageDiscountBenefit
