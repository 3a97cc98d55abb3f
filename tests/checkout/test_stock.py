"""The last units are never sold twice, however many buyers check out at once."""

import threading

from django.db import connection
from django.test import Client

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import product_for_sale
from tests.checkout.conftest import ADDRESS

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

BUYERS = 10
LAST_UNITS = 4


def prepare(client, product, number):
    """A guest fills a basket and gets as far as the "place order" button."""
    stockrecord = product.stockrecords.get()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    client.post("/checkout/", {"username": f"buyer{number}@example.com", "options": "anonymous"})
    client.post("/checkout/shipping-address/", ADDRESS)
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
