"""A product that is not public (awaiting an editor, hidden by staff) cannot be bought or traced."""

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import BatchFactory, product_for_sale
from tests.checkout.conftest import ADDRESS

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def add(client, product, quantity=1):
    stockrecord = product.stockrecords.get()
    return client.post(
        f"/basket/add/{product.pk}/", {"quantity": quantity, "stockrecord": stockrecord.pk}
    )


def test_a_direct_post_cannot_put_a_hidden_product_in_the_basket(client, home, vietnam):
    waiting = product_for_sale(title="Hương trầm chưa duyệt")
    waiting.is_public = False
    waiting.save()

    add(client, waiting)

    basket = client.get("/basket/").context["basket"]
    assert basket.num_items == 0


def test_a_product_hidden_after_it_was_put_in_the_basket_cannot_be_ordered(client, home, vietnam):
    product = product_for_sale(title="Hương quế")
    add(client, product)
    product.is_public = False  # staff hide it
    product.save()

    client.post("/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    client.post("/checkout/shipping-address/", ADDRESS)
    client.post("/checkout/shipping-method/", {"method_code": "delivery"})
    client.post("/checkout/payment-details/", {"method": "cash-on-delivery"})
    client.post("/checkout/preview/", {"action": "place_order"})

    assert not Order.objects.exists()
    assert not product.stockrecords.get().num_allocated


def test_the_trace_page_of_a_hidden_products_batch_shows_nothing_unapproved(client, home):
    batch = BatchFactory(product=product_for_sale(title="Tên sản phẩm chưa duyệt"))
    batch.product.is_public = False
    batch.product.save()

    response = client.get(batch.get_absolute_url())

    assert response.status_code == 404
    page = response.content.decode()
    assert "Tên sản phẩm chưa duyệt" not in page
    assert batch.lot_code in page


def test_the_not_published_page_speaks_the_visitors_language(client, home):
    batch = BatchFactory()
    batch.product.is_public = False
    batch.product.save()

    page = client.get(batch.get_absolute_url()).content.decode()

    assert "Sản phẩm này chưa được công bố" in page
