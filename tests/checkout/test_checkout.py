"""A guest orders with cash on delivery or a VietQR bank transfer; totals in whole đồng."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.checkout.conftest import ADDRESS, checkout

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def test_guest_orders_with_cash_on_delivery(client, anise_oil):
    response = checkout(client, anise_oil, quantity=2)
    assert response.status_code == 200
    order = Order.objects.get()
    assert order.guest_email == "hoa@example.com"
    assert order.status == "Awaiting confirmation", "until the buyer confirms it from the e-mail"
    assert order.total_incl_tax == Decimal("270000"), "250.000 ₫ of oil and 20.000 ₫ delivery"
    assert order.sources.get().source_type.code == "cash-on-delivery"
    html = response.content.decode()
    assert order.number in html
    assert "270.000\xa0₫" in html
    assert "270.000,00" not in html and "270,000.00" not in html


def test_order_keeps_province_and_commune_without_a_district(client, anise_oil):
    checkout(client, anise_oil)
    address = Order.objects.get().shipping_address
    assert address.state == "Lạng Sơn"
    assert address.line4 == "Phường Kỳ Lừa", "the name as the 2025 list writes it"
    assert str(address.phone_number) == "+84912345678"


def test_a_foreign_phone_number_is_refused(client, anise_oil):
    stockrecord = anise_oil.stockrecords.get()
    client.post(f"/basket/add/{anise_oil.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    client.post("/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    response = client.post(
        "/en/checkout/shipping-address/", {**ADDRESS, "phone_number": "+1 415 555 0132"}
    )
    assert response.status_code == 200
    assert "Please give a Vietnamese phone number." in response.content.decode()


def test_address_form_asks_province_and_commune_not_district(client, anise_oil):
    stockrecord = anise_oil.stockrecords.get()
    client.post(f"/basket/add/{anise_oil.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    client.post("/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    form = client.get("/en/checkout/shipping-address/").context["form"]
    assert list(form.fields) == [
        "first_name",
        "last_name",
        "state",
        "line4",
        "line1",
        "phone_number",
        "notes",
    ]
    assert len(form.fields["state"].choices) == 35, "34 provinces and an empty choice"
    response = client.post("/checkout/shipping-address/", {**ADDRESS, "state": ""})
    assert response.status_code == 200


def test_bank_transfer_shows_a_vietqr_code_with_amount_and_order_number(
    client, anise_oil, bank_account
):
    response = checkout(client, anise_oil, method="bank-transfer")
    order = Order.objects.get()
    assert order.status == "Awaiting transfer"
    html = response.content.decode()
    assert "<svg" in html
    assert f"LANGNGHE {order.number}" in html
    assert response.context["vietqr"]["payload"].count("5406145000") == 1


def test_bank_transfer_is_not_offered_without_an_account(client, anise_oil, settings):
    settings.VIETQR_ACCOUNT_NUMBER = ""
    stockrecord = anise_oil.stockrecords.get()
    client.post(f"/basket/add/{anise_oil.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    client.post("/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    client.post("/checkout/shipping-address/", ADDRESS)
    client.post("/checkout/shipping-method/", {"method_code": "delivery"})
    response = client.post("/checkout/payment-details/", {"method": "bank-transfer"})
    assert response.status_code == 200, "the form refuses it"
    assert not Order.objects.exists()


def test_order_is_paid_when_staff_confirm_the_transfer(client, anise_oil, bank_account):
    checkout(client, anise_oil, method="bank-transfer")
    order = Order.objects.get()
    order.set_status("Paid")
    source = order.sources.get()
    assert source.amount_debited == order.total_incl_tax
    assert order.payment_events.get().event_type.name == "Paid"


def test_cancelling_an_order_gives_its_stock_back(client, anise_oil):
    checkout(client, anise_oil, quantity=3)
    stockrecord = anise_oil.stockrecords.get()
    assert stockrecord.num_allocated == 3
    Order.objects.get().set_status("Cancelled")
    stockrecord.refresh_from_db()
    assert stockrecord.num_allocated == 0


def test_confirmation_page_names_the_payment_method_and_the_status(client, anise_oil, bank_account):
    html = checkout(client, anise_oil, prefix="/en", method="bank-transfer").content.decode()
    assert "Bank transfer (VietQR)" in html
    assert "Awaiting your bank transfer" in html
    assert "Allocation of" not in html, "Oscar's line names the stored source type, untranslated"
