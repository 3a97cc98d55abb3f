from django.test import TestCase

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import product_for_sale

Country = get_model("address", "Country")


@pytest.fixture
def vietnam(db):
    """Vietnam, the one country the shop ships to."""
    country, _ = Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Viet Nam",
            "is_shipping_country": True,
        },
    )
    return country


@pytest.fixture
def bank_account(settings):
    settings.VIETQR_BANK_BIN = "970436"
    settings.VIETQR_ACCOUNT_NUMBER = "0011001234567"
    settings.VIETQR_ACCOUNT_NAME = "TRUNG TAM XUC TIEN LANG SON"


@pytest.fixture
def anise_oil(home, vietnam):
    return product_for_sale(title="Tinh dầu hồi Văn Quan", price=125000, stock=10)


ADDRESS = {
    "first_name": "Nguyễn",
    "last_name": "Thị Hoa",
    "line1": "Số 12 đường Trần Đăng Ninh",
    "line4": "phường Kỳ Lừa",
    "state": "Lạng Sơn",
    "phone_number": "0912 345 678",
    "notes": "",
}


def prepare_checkout(
    client,
    product,
    quantity=1,
    method="cash-on-delivery",
    prefix="",
    address=None,
    email="hoa@example.com",
):
    """A guest (or, with `email=None`, the signed-in buyer) puts `quantity` of `product` in the
    basket and goes as far as the "place order" button."""
    stockrecord = product.stockrecords.get()
    client.post(
        f"{prefix}/basket/add/{product.pk}/", {"quantity": quantity, "stockrecord": stockrecord.pk}
    )
    if email:
        response = client.post(f"{prefix}/checkout/", {"username": email, "options": "anonymous"})
        assert response.status_code == 302, "gateway accepts a guest"
    response = client.post(f"{prefix}/checkout/shipping-address/", address or ADDRESS)
    assert response.status_code == 302, response.context["form"].errors
    client.post(f"{prefix}/checkout/shipping-method/", {"method_code": "delivery"})
    response = client.post(f"{prefix}/checkout/payment-details/", {"method": method})
    assert response.status_code == 302


def place_order(client, prefix=""):
    # The order commits, then its e-mail is sent (the test's own transaction never commits).
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"{prefix}/checkout/preview/", {"action": "place_order"}, follow=True)


def checkout(client, product, quantity=1, method="cash-on-delivery", prefix="", **details):
    """A guest buys `quantity` of `product` all the way to the thank-you page."""
    prepare_checkout(client, product, quantity, method, prefix, **details)
    return place_order(client, prefix)


@pytest.fixture
def vnpay_merchant(settings):
    settings.VNPAY_TMN_CODE = "LANGNG01"
    settings.VNPAY_HASH_SECRET = "TESTSECRETKEYFORVNPAY0123456789AB"
    settings.VNPAY_PAYMENT_URL = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"
