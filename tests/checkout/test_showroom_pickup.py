"""Collecting at a showroom asks only a name and a phone, from any country; delivery stays in
Vietnam, and the basket says so before the address step."""

from django.test import TestCase

import pytest
from oscar.core.loading import get_model

from tests.checkout.conftest import ADDRESS
from tests.villages.factories import ShowroomPageFactory

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def showroom(home):
    return ShowroomPageFactory(title="Điểm bán chợ Đông Kinh")


def to_address_step(client, product):
    client.post(
        f"/en/basket/add/{product.pk}/",
        {"quantity": 1, "stockrecord": product.stockrecords.get().pk},
    )
    client.post("/en/checkout/", {"username": "li.wei@example.cn", "options": "anonymous"})


def pickup_details(showroom, phone):
    return {"receive": f"pickup-{showroom.pk}", "first_name": "Li", "last_name": "Wei",
            "phone_number": phone}  # fmt: skip


def test_the_basket_says_delivery_is_within_vietnam_only(client, anise_oil):
    to_address_step(client, anise_oil)
    html = client.get("/en/basket/").content.decode()
    assert "Delivery within Vietnam only." in html


def test_the_address_step_offers_each_showroom(client, anise_oil, showroom):
    to_address_step(client, anise_oil)
    html = client.get("/en/checkout/shipping-address/").content.decode()
    assert f'value="pickup-{showroom.pk}"' in html
    assert "Pick up at Điểm bán chợ Đông Kinh" in html
    assert "We deliver within Vietnam only." in html


@pytest.mark.parametrize("phone", ["+86 138 0013 8000", "+33 6 12 34 56 78"])
def test_a_visitor_from_abroad_collects_with_name_and_phone_only(
    client, anise_oil, showroom, phone
):
    to_address_step(client, anise_oil)

    response = client.post("/en/checkout/shipping-address/", pickup_details(showroom, phone))

    assert response.status_code == 302
    # The pickup is the shipping method: its step is skipped.
    response = client.get("/en/checkout/shipping-method/")
    assert response["Location"] == "/en/checkout/payment-method/"
    client.post("/en/checkout/payment-details/", {"method": "cash-on-delivery"})
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/en/checkout/preview/", {"action": "place_order"})
    order = Order.objects.get()
    assert order.shipping_code == f"pickup-{showroom.pk}"
    assert order.shipping_incl_tax == 0
    assert order.shipping_address.phone_number.as_e164 == phone.replace(" ", "")
    assert order.shipping_address.last_name == "Wei"


def test_a_pickup_still_needs_a_phone(client, anise_oil, showroom):
    to_address_step(client, anise_oil)
    response = client.post(
        "/en/checkout/shipping-address/", {**pickup_details(showroom, ""), "phone_number": ""}
    )
    assert response.status_code == 200
    assert "phone_number" in response.context["form"].errors


def test_delivery_refuses_a_foreign_number_and_an_empty_address(client, anise_oil, showroom):
    to_address_step(client, anise_oil)
    response = client.post(
        "/en/checkout/shipping-address/",
        {"receive": "delivery", "first_name": "Li", "last_name": "Wei",
         "phone_number": "+86 138 0013 8000"},
    )  # fmt: skip
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert errors["phone_number"] == ["Please give a Vietnamese phone number."]
    assert {"state", "line4", "line1"} <= set(errors)


def test_delivery_then_offers_only_delivery(client, anise_oil, showroom):
    to_address_step(client, anise_oil)
    client.post("/en/checkout/shipping-address/", {**ADDRESS, "receive": "delivery"})
    response = client.get("/en/checkout/shipping-method/")
    assert response["Location"] == "/en/checkout/payment-method/"
