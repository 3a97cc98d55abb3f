"""Offer discounts are whole đồng: line, basket and order totals never carry fractions."""

from decimal import Decimal

from django.core import mail

import pytest
from oscar.core.loading import get_class, get_model

from tests.catalogue.factories import BasketFactory, product_for_sale
from tests.checkout.conftest import checkout

Applicator = get_class("offer.applicator", "Applicator")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Order = get_model("order", "Order")
Range = get_model("offer", "Range")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


@pytest.fixture
def fifteen_percent_off(db):
    everything = Range.objects.create(name="Mọi sản phẩm", includes_all_products=True)
    return ConditionalOffer.objects.create(
        name="Giảm 15%",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(
            range=everything, type=Benefit.PERCENTAGE, value=Decimal("15")
        ),
    )


def is_whole(amount):
    return amount == amount.to_integral_value()


@pytest.mark.parametrize(("price", "quantity", "discount"), [(125005, 1, 18750), (33333, 3, 14999)])
def test_a_percentage_offer_on_an_awkward_price_discounts_whole_dong(
    home, fifteen_percent_off, price, quantity, discount
):
    basket = BasketFactory()
    basket.strategy = Selector().strategy()
    basket.add_product(product_for_sale(price=price, stock=10), quantity)
    Applicator().apply(basket)
    line = basket.all_lines()[0]
    assert line.discount_value == Decimal(discount), "15 % rounded down to a whole đồng"
    assert basket.total_discount == Decimal(discount)
    assert basket.total_incl_tax == Decimal(price * quantity - discount)
    assert is_whole(line.line_price_incl_tax_incl_discounts)
    assert basket.total_incl_tax == sum(
        line.line_price_incl_tax_incl_discounts for line in basket.all_lines()
    )


def test_an_order_with_a_percentage_offer_has_whole_dong_totals(
    client, home, vietnam, fifteen_percent_off
):
    product = product_for_sale(title="Bánh khảo Lạng Sơn", price=33333, stock=10)
    checkout(client, product, quantity=3, prefix="/en")
    order = Order.objects.get()
    lines = list(order.lines.all())
    assert order.basket_total_incl_tax == Decimal("85000"), "99.999 ₫ less 14.999 ₫"
    assert order.basket_total_incl_tax == sum(line.line_price_incl_tax for line in lines)
    assert order.total_incl_tax == order.basket_total_incl_tax + order.shipping_incl_tax
    assert order.discounts.get().amount == Decimal("14999")
    for amount in (
        order.total_incl_tax,
        order.basket_total_incl_tax,
        *(line.line_price_incl_tax for line in lines),
    ):
        assert is_whole(amount)
    body = mail.outbox[-1].body
    assert "₫85,000" in body
    assert ".5" not in body and ".85" not in body
