"""The last units are never sold twice, however many buyers check out at once."""

import threading

from django.db import connection
from django.test import Client

import pytest
from oscar.core.loading import get_model

from checkout import holds
from checkout.fulfilment import mark_shipped
from checkout.receivers import release_stock
from tests.catalogue.factories import product_for_sale
from tests.checkout.conftest import ADDRESS, checkout

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

BUYERS = 10
LAST_UNITS = 4


def prepare(client, product, number):
    """A guest fills a basket and gets as far as the "place order" button."""
    stockrecord = product.stockrecords.get()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    client.post("/checkout/", {"username": f"buyer{number}@example.com", "options": "anonymous"})
    # Ten different buyers: each an e-mail and a phone of their own (one phone may hold 3 orders).
    client.post("/checkout/shipping-address/", {**ADDRESS, "phone_number": f"09123456{number:02d}"})
    client.post("/checkout/shipping-method/", {"method_code": "delivery"})
    response = client.post("/checkout/payment-details/", {"method": "cash-on-delivery"})
    assert response.status_code == 302


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for each write, so checkouts cannot race there.",
)
@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_checkouts_for_the_last_four_units_make_four_orders(home, vietnam):
    product = product_for_sale(title="Mặt nạ mèo sư tử Mai Pha", price=480000, stock=LAST_UNITS)
    clients = [Client() for _ in range(BUYERS)]
    for number, client in enumerate(clients):
        prepare(client, product, number)
    start = threading.Barrier(BUYERS)
    outcomes = []

    def place_order(client):
        try:
            start.wait()
            response = client.post("/checkout/preview/", {"action": "place_order"})
            outcomes.append(response.status_code)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=place_order, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(outcomes) == BUYERS
    assert Order.objects.count() == LAST_UNITS
    assert outcomes.count(302) == LAST_UNITS, "the others see the preview again with an error"
    stockrecord = StockRecord.objects.get(product=product)
    assert stockrecord.num_allocated == LAST_UNITS
    assert stockrecord.num_in_stock == LAST_UNITS


@pytest.mark.django_db
def test_a_second_cancellation_gives_nothing_back_again(client, anise_oil):
    checkout(client, anise_oil, quantity=2)
    order = Order.objects.get()
    other_buyer = Client()
    checkout(other_buyer, anise_oil, quantity=3)
    stockrecord = anise_oil.stockrecords.get()
    assert stockrecord.num_allocated == 5

    order.set_status("Cancelled")
    release_stock(order)  # as a second cancellation would

    stockrecord.refresh_from_db()
    assert stockrecord.num_allocated == 3, "the other buyer's 3 units stay held"


@pytest.mark.django_db
def test_a_cancelled_order_never_puts_a_shipped_unit_back_on_sale(client, anise_oil):
    stockrecord = anise_oil.stockrecords.get()
    client.post(f"/basket/add/{anise_oil.pk}/", {"quantity": 2, "stockrecord": stockrecord.pk})
    checkout(client, product_for_sale(title="Hoa hồi khô", price=90000, stock=5))
    order = Order.objects.get()
    holds.confirm(order)  # the guest confirmed it from the e-mail
    order.refresh_from_db()
    shipped_line = order.lines.get(product=anise_oil)

    mark_shipped(order, [shipped_line], "VTP123456789")
    stockrecord = anise_oil.stockrecords.get()
    assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (8, 0), "shipping consumes"

    order.set_status("Cancelled")

    stockrecord.refresh_from_db()
    assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (8, 0)
    other = order.lines.exclude(pk=shipped_line.pk).get().stockrecord
    assert other.num_allocated == 0, "the line that did not ship is given back"
