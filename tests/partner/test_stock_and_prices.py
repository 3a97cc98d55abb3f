"""Prices are whole đồng with VAT included; stock is held only while it lasts."""

from decimal import Decimal

from django.utils import translation

import pytest
from oscar.core.loading import get_class

from partner.exceptions import InsufficientStock
from tests.catalogue.factories import ProducerFactory, product_for_sale

Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("125000.00", "125000"), ("125000.40", "125000"), ("99999.50", "100000")],
)
def test_prices_are_rounded_to_whole_dong(home, stored, shown):
    product = product_for_sale(price=Decimal(stored))
    price = Selector().strategy().fetch_for_product(product).price
    assert price.incl_tax == Decimal(shown)
    assert price.tax == Decimal("0"), "the shelf price includes VAT"


def test_holding_more_than_is_left_is_refused(home):
    stockrecord = product_for_sale(stock=3).stockrecords.get()
    stockrecord.allocate(2)
    with pytest.raises(InsufficientStock):
        stockrecord.allocate(2)
    stockrecord.refresh_from_db()
    assert stockrecord.num_allocated == 2


def test_a_producer_is_a_partner_with_kind_commune_and_contact():
    producer = ProducerFactory(name="HTX Dệt chàm Bắc Sơn", commune="xã Bắc Sơn")
    with translation.override("en"):
        assert producer.get_kind_display() == "Cooperative"
    assert str(producer.phone) == "+84912345678"
    assert producer.display_name == "HTX Dệt chàm Bắc Sơn"
