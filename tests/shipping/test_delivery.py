"""Delivery is priced by zone and weight, free from a threshold; showrooms offer free pickup."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_class, get_model

from shipping.repository import Repository
from shipping.zones import PROVINCES, zone_of
from tests.catalogue.factories import BasketFactory, product_for_sale
from tests.villages.factories import ShowroomPageFactory

Selector = get_class("partner.strategy", "Selector")
ShippingAddress = get_model("order", "ShippingAddress")

pytestmark = pytest.mark.django_db


def basket_of(price, quantity):
    basket = BasketFactory()
    basket.strategy = Selector().strategy()
    basket.add_product(product_for_sale(price=price, stock=50), quantity)
    return basket


def delivery_charge(basket, province):
    method = Repository().get_shipping_methods(basket, ShippingAddress(state=province))[0]
    return method.calculate(basket).incl_tax


def test_there_are_34_provinces_without_districts():
    assert len(PROVINCES) == 34
    assert zone_of("Lạng Sơn") == "lang-son"
    assert zone_of("Hà Nội") == "north"
    assert zone_of("Thành phố Hồ Chí Minh") == "rest"


@pytest.mark.parametrize(
    ("province", "charge"),
    [("Lạng Sơn", Decimal("20000")), ("Bắc Ninh", Decimal("30000")), ("Cần Thơ", Decimal("40000"))],
)
def test_one_kilogram_costs_the_zones_first_rate(home, province, charge):
    assert delivery_charge(basket_of(100000, 2), province) == charge  # 2 × 0.5 kg


def test_each_further_kilogram_adds_the_zones_rate(home):
    # 5 items of half a kilogram: 2.5 kg, so two further kilograms (one of them part).
    assert delivery_charge(basket_of(50000, 5), "Hà Nội") == Decimal("46000")


def test_delivery_is_free_from_the_threshold(home, settings):
    settings.SHOP_FREE_SHIPPING_FROM = 500000
    assert delivery_charge(basket_of(250000, 2), "Cà Mau") == Decimal("0")
    assert delivery_charge(basket_of(249000, 2), "Cà Mau") == Decimal("40000")


def test_showrooms_offer_free_pickup(home):
    showroom = ShowroomPageFactory(title="Điểm bán chợ Đông Kinh", address="Chợ Đông Kinh")
    basket = basket_of(100000, 1)
    methods = Repository().get_shipping_methods(basket, ShippingAddress(state="Cà Mau"))
    assert [method.code for method in methods] == ["delivery", f"pickup-{showroom.pk}"]
    pickup = methods[1]
    assert "Điểm bán chợ Đông Kinh" in str(pickup.name)
    assert pickup.calculate(basket).incl_tax == Decimal("0")
