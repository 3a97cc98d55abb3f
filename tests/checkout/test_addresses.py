"""Addresses right the first time: a province's communes from the 2025 list, checked on the server;
a guest goes on without a password; the transfer details and the QR image on the thank-you page."""

import re

import pytest
from oscar.core.loading import get_model

from checkout import addresses
from tests.checkout.conftest import ADDRESS, checkout

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def start_checkout(client, product, prefix=""):
    stockrecord = product.stockrecords.get()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    client.post(f"{prefix}/checkout/", {"username": "hoa@example.com", "options": "anonymous"})


def test_lang_son_has_its_65_communes_and_wards_of_2025():
    communes = addresses.communes_of("Lạng Sơn")
    assert len(communes) == 65
    assert "Xã Thất Khê" in communes and "Phường Kỳ Lừa" in communes
    assert len(addresses.communes_of("Hà Nội")) == 126, "the city is matched without 'Thành phố'"


def test_a_commune_of_another_province_is_refused_with_the_list_of_the_chosen_one(
    client, anise_oil
):
    start_checkout(client, anise_oil)
    response = client.post(
        "/en/checkout/shipping-address/", {**ADDRESS, "state": "Hà Nội", "line4": "Phường Kỳ Lừa"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Phường Kỳ Lừa is not in Hà Nội: please choose from the list." in html
    assert '<option value="Phường Hoàn Kiếm">' in html, "the list now shows Hà Nội's wards"
    assert 'value="Số 12 đường Trần Đăng Ninh"' in html, "what was typed is kept"
    assert "Oops" not in html


def test_address_fields_tell_the_phone_what_they_hold(client, anise_oil):
    start_checkout(client, anise_oil)
    html = client.get("/en/checkout/shipping-address/").content.decode()
    phone = re.search(r"<input[^>]*name=\"phone_number\"[^>]*>", html).group(0)
    assert 'type="tel"' in phone and 'inputmode="tel"' in phone and 'autocomplete="tel"' in phone
    assert re.search(r'<select[^>]*name="state"[^>]*autocomplete="address-level1"', html)
    assert re.search(r'<select[^>]*name="line4"[^>]*autocomplete="address-level2"', html)
    assert "We deliver within Vietnam only." in html


def test_the_commune_list_follows_the_province(client):
    data = client.get("/checkout/communes/", {"province": "Lạng Sơn"}).json()
    assert len(data["communes"]) == 65
    assert client.get("/checkout/communes/", {"province": "Paris"}).json()["communes"] == []


def test_a_guest_goes_on_without_a_password_field_required(client, anise_oil):
    stockrecord = anise_oil.stockrecords.get()
    client.post(f"/basket/add/{anise_oil.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    html = client.get("/en/checkout/").content.decode()
    password = re.search(r"<input[^>]*name=\"password\"[^>]*>", html).group(0)
    assert "required" not in password, "a browser without JavaScript would block a guest"
    response = client.post(
        "/en/checkout/", {"username": "hoa@example.com", "options": "anonymous", "password": ""}
    )
    assert response.status_code == 302
    response = client.post(
        "/en/checkout/", {"username": "hoa@example.com", "options": "existing", "password": ""}
    )
    assert "Please enter your password." in response.content.decode()


def test_transfer_details_can_be_copied_and_the_qr_saved(client, anise_oil, bank_account):
    response = checkout(client, anise_oil, prefix="/en", method="bank-transfer")
    order = Order.objects.get()
    html = response.content.decode()
    assert 'data-copy="Vietcombank"' in html
    assert 'data-copy="0011001234567"' in html
    assert f'data-copy="{int(order.total_incl_tax)}"' in html
    assert f'data-copy="LANGNGHE {order.number}"' in html
    image = client.get("/checkout/vietqr.png")
    assert image["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")


def test_the_qr_image_is_only_for_the_buyers_own_order_awaiting_a_transfer(
    client, anise_oil, bank_account
):
    assert client.get("/checkout/vietqr.png").status_code == 404
    checkout(client, anise_oil, method="cash-on-delivery")
    assert client.get("/checkout/vietqr.png").status_code == 404


def test_the_order_page_says_when_the_transfer_was_received(client, anise_oil, bank_account):
    checkout(client, anise_oil, prefix="/en", method="bank-transfer")
    order = Order.objects.get()
    assert (
        "Your transfer was received" not in client.get("/en/checkout/thank-you/").content.decode()
    )
    order.set_status("Paid")
    html = client.get("/en/checkout/thank-you/").content.decode()
    assert "Your transfer was received on" in html
