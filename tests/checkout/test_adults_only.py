"""Alcohol (rice wine) is sold to adults only: the buyer says they are 18 or older before paying."""

from django.test import TestCase
from django.utils import translation

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import product_for_sale
from tests.checkout.conftest import ADDRESS

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

AGE_REFUSED = "please confirm that you are 18 or older"


def english_url(product):
    with translation.override("en"):
        return product.get_absolute_url()


@pytest.fixture
def rice_wine(home, vietnam):
    wine = product_for_sale(title="Rượu men lá Mẫu Sơn 750 ml", price=150000, stock=10)
    wine.adults_only = True
    wine.save()
    return wine


def up_to_payment(client, product):
    client.post(
        f"/en/basket/add/{product.pk}/",
        {"quantity": 1, "stockrecord": product.stockrecords.get().pk},
    )
    client.post("/en/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    assert client.post("/en/checkout/shipping-address/", ADDRESS).status_code == 302
    client.post("/en/checkout/shipping-method/", {"method_code": "delivery"})


def place_order(client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/en/checkout/preview/", {"action": "place_order"}, follow=True)


def test_the_product_page_says_sale_is_for_adults_only(client, rice_wine):
    response = client.get(english_url(rice_wine))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Alcohol: sold to adults only (18 and older)" in html


def test_other_products_say_nothing_of_age(client, anise_oil):
    response = client.get(english_url(anise_oil))
    html = response.content.decode()
    assert response.status_code == 200
    assert "sold to adults only" not in html


def test_the_payment_step_asks_for_the_age_and_refuses_without_it(client, rice_wine):
    up_to_payment(client, rice_wine)
    html = client.get("/en/checkout/payment-details/").content.decode()
    assert "I am 18 or older" in html
    assert 'name="adult"' in html

    response = client.post("/en/checkout/payment-details/", {"method": "cash-on-delivery"})

    assert response.status_code == 200
    assert AGE_REFUSED in response.content.decode()
    assert place_order(client).redirect_chain[-1][0] == "/en/checkout/payment-details/"
    assert not Order.objects.exists()


def test_an_adult_buys_rice_wine(client, rice_wine):
    up_to_payment(client, rice_wine)
    response = client.post(
        "/en/checkout/payment-details/", {"method": "cash-on-delivery", "adult": "on"}
    )
    assert response.status_code == 302
    place_order(client)
    assert Order.objects.get().lines.get().title == "Rượu men lá Mẫu Sơn 750 ml"


def test_rice_wine_added_after_the_payment_step_still_needs_the_age(client, anise_oil, rice_wine):
    up_to_payment(client, anise_oil)
    html = client.get("/en/checkout/payment-details/").content.decode()
    assert 'name="adult"' not in html
    client.post("/en/checkout/payment-details/", {"method": "cash-on-delivery"})
    client.post(
        f"/en/basket/add/{rice_wine.pk}/",
        {"quantity": 1, "stockrecord": rice_wine.stockrecords.get().pk},
    )

    response = place_order(client)

    assert response.redirect_chain[-1][0] == "/en/checkout/payment-details/"
    assert "sold to adults only" in response.content.decode()
    assert not Order.objects.exists()
