"""The buyer's checkout with JavaScript off (plain forms only): the product page's fee, a basket
of two producers' parcels, the commune chosen from the list the server sends for the province,
the VietQR details as text, then the order followed by its number and phone."""

import re

from django.test import TestCase
from django.utils import translation

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import ProducerFactory, ocop_product, product_for_sale

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def english_url(product):
    with translation.override("en"):
        return product.get_absolute_url()


@pytest.fixture
def two_producers_products(home, vietnam, bank_account):
    oil = ocop_product(title="Tinh dầu hồi Văn Quan", price=185000, stock=10)
    oil.producer = ProducerFactory(name="HTX hồi Văn Quan")
    oil.save()
    shawl = product_for_sale(title="Khăn thổ cẩm dệt tay", price=350000, stock=5)
    shawl.producer = ProducerFactory(name="HTX dệt Bắc Sơn")
    shawl.save()
    return oil, shawl


def test_the_whole_checkout_works_with_plain_forms(client, two_producers_products):
    oil, shawl = two_producers_products
    product_page = client.get(english_url(oil), {"province": "Lạng Sơn"})
    html = product_page.content.decode()
    assert "product-badge--ocop" in html
    assert 'class="basket-link"' in html, "the site's header, on shop pages too"
    assert re.search(r"id=\"delivery-quote\">\s*Delivery ₫[\d,]+, in", html)

    for product in (oil, shawl):
        client.post(
            f"/en/basket/add/{product.pk}/",
            {"quantity": 1, "stockrecord": product.stockrecords.get().pk},
        )
    basket = client.get("/en/basket/").content.decode()
    assert basket.count('class="basket-parcel"') == 2
    assert "Delivery within Vietnam only." in basket

    client.post("/en/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    address = {
        "first_name": "Nguyễn",
        "last_name": "Thị Hoa",
        "state": "Lạng Sơn",
        "line1": "Số 12 đường Trần Đăng Ninh",
        "phone_number": "0912 345 678",
    }
    # The province first: Continue sends back its communes to choose from.
    response = client.post("/en/checkout/shipping-address/", address)
    assert response.status_code == 200
    assert '<option value="Phường Kỳ Lừa">' in response.content.decode()
    response = client.post("/en/checkout/shipping-address/", {**address, "line4": "Phường Kỳ Lừa"})
    assert response.status_code == 302
    client.post("/en/checkout/shipping-method/", {"method_code": "delivery"})
    client.post("/en/checkout/payment-details/", {"method": "bank-transfer"})
    with TestCase.captureOnCommitCallbacks(execute=True):
        thanks = client.post("/en/checkout/preview/", {"action": "place_order"}, follow=True)

    order = Order.objects.get()
    html = thanks.content.decode()
    assert "0011001234567" in html and f"LANGNGHE {order.number}" in html
    assert order.shipping_address.line4 == "Phường Kỳ Lừa"

    followed = client.post(
        "/en/checkout/follow/",
        {"number": order.number, "contact": "0912345678"},
        REMOTE_ADDR="1.2.3.4",
        follow=True,
    ).content.decode()
    assert "Awaiting your bank transfer" in followed
    assert followed.count('class="parcel"') == 2
    assert "From HTX hồi Văn Quan" in followed and "From HTX dệt Bắc Sơn" in followed
