"""Prices are whole đồng with VAT included; stock is held only while it lasts."""

import threading
from decimal import Decimal

from django.db import connection
from django.utils import translation

import pytest
from oscar.core.loading import get_class, get_model

from partner.exceptions import InsufficientStock
from producers.views import products as product_views
from tests.catalogue.factories import ProducerFactory, product_for_sale
from tests.producers.factories import producer_world

Selector = get_class("partner.strategy", "Selector")
StockRecord = get_model("partner", "StockRecord")

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
    producer = ProducerFactory(
        name="HTX Dệt chàm Bắc Sơn", commune="xã Bắc Sơn", phone="0912 345 678"
    )
    with translation.override("en"):
        assert producer.get_kind_display() == "Cooperative"
    producer.refresh_from_db()
    assert str(producer.phone) == "+84912345678", "kept in E.164, however typed"
    assert producer.display_name == "HTX Dệt chàm Bắc Sơn"


@pytest.mark.django_db(transaction=True)
def test_a_producers_stock_save_keeps_a_hold_a_buyer_made_meanwhile(home, monkeypatch, client):
    world = producer_world("Tổ hợp tác hương Nà Phiêng", "lan", "Hương quế Nà Phiêng")
    product = world["product"]
    held_before = StockRecord.objects.get(product=product).num_allocated
    read_stock = product_views.stockrecord_for

    def a_buyer_checks_out_meanwhile(*args):
        record = read_stock(*args)
        # The moment the producer's page has read the stock row: a buyer's order holds 2 units,
        # committed from another connection, before the producer's save is written.
        buyer = threading.Thread(target=hold_two_units, args=(record.pk,))
        buyer.start()
        buyer.join(timeout=30)
        return record

    monkeypatch.setattr(product_views, "stockrecord_for", a_buyer_checks_out_meanwhile)
    client.force_login(world["user"])
    response = client.post(
        f"/producer/products/{product.pk}/stock/", {"price": "52000", "num_in_stock": "7"}
    )

    assert response.status_code == 302
    record = StockRecord.objects.get(product=product)
    assert record.num_allocated == held_before + 2, "the buyer's hold is kept"
    assert record.net_stock_level == 7, "buyers can still order what the producer counted"
    assert record.price == Decimal(52000)


def hold_two_units(pk):
    try:
        StockRecord.objects.get(pk=pk).allocate(2)
    finally:
        connection.close()  # the thread's own connection
