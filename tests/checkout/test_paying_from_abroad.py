"""Paying from abroad (issue 17, point 4): pages promise only the methods checkout takes; with
VNPay configured an international card is a choice of its own, sent to VNPay's card form."""

import datetime
import hashlib
import hmac
import re
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

import pytest
from oscar.core.loading import get_model

from checkout import emails, payment, vnpay
from pages.models import ExchangeRates
from tests.catalogue.factories import product_for_sale
from tests.checkout.conftest import checkout, prepare_checkout
from tests.checkout.test_vnpay import SECRET, callback
from tests.tours.factories import ExperiencePageFactory, in_days

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

CARD_WORDS = ("card", "Visa", "Mastercard", "thẻ", "卡")


def page(client, product, language):
    with translation.override(language):
        response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def choices_on_payment_step(client, prefix="/en"):
    html = client.get(f"{prefix}/checkout/payment-details/").content.decode()
    return re.findall(r'name="method" value="([^"]+)"', html), html


@pytest.fixture
def workshop(home):
    return ExperiencePageFactory(title="Se hương hồi", sessions=[(in_days(3), 8)])


def test_without_vnpay_no_page_promises_a_card(client, anise_oil, workshop, bank_account):
    assert payment.available() == [payment.CASH_ON_DELIVERY, payment.BANK_TRANSFER]
    workshop_page = client.get(workshop.url).content.decode()
    assert "Chuyển khoản ngân hàng (VietQR)" in workshop_page
    for language in ("vi", "en", "zh-hans"):
        product_page = page(client, anise_oil, language)
        assert "product-delivery__pay" in product_page
        for html in (product_page, workshop_page):
            text = visible_text(html)
            assert not [word for word in CARD_WORDS if word in text], language
    prepare_checkout(client, anise_oil, prefix="/en")
    codes, html = choices_on_payment_step(client)
    assert codes == ["cash-on-delivery", "bank-transfer"]
    assert "Visa" not in html and "VNPay" not in html


def test_pages_list_exactly_what_checkout_offers(client, anise_oil, workshop, vnpay_merchant):
    names = [str(method) for method in payment.offered()]
    assert names == [
        "Cash on delivery",
        "VNPay (bank card, banking app or e-wallet)",
        "International card (Visa, Mastercard, JCB)",
    ], "no bank transfer: the shop's account is not configured"
    product_page = page(client, anise_oil, "en")
    listed = re.search(r'class="product-delivery__pay">(.*?)</ul>', product_page, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", listed) == names
    assert "Bank transfer" not in product_page

    workshop_page = client.get(workshop.url).content.decode()
    listed = re.search(r'class="session__pay">(.*?)</ul>', workshop_page, re.S).group(1)
    with translation.override("vi"):
        for_tickets = [str(method) for method in payment.offered(parcel=False)]
    assert re.findall(r"<li>(.*?)</li>", listed) == for_tickets
    assert for_tickets[0] == "Trả tiền cho chủ nhà vào ngày trải nghiệm", "paid to the host"
    assert "bank transfer or card" not in workshop_page


def test_international_card_is_its_own_choice_when_vnpay_is_configured(
    client, anise_oil, vnpay_merchant
):
    prepare_checkout(client, anise_oil, prefix="/en")
    codes, html = choices_on_payment_step(client)
    assert codes == ["cash-on-delivery", "vnpay", "vnpay-card"]
    assert "International card (Visa, Mastercard, JCB)" in html
    assert "We deliver within Vietnam only." in html


def signed_part_and_signature(url):
    query = urlsplit(url).query
    return query.rsplit("&vnp_SecureHash=", 1)


def test_card_payment_url_opens_vnpays_card_form_signed_with_hmac_sha512(vnpay_merchant):
    moment = timezone.make_aware(datetime.datetime(2026, 12, 2, 20, 15, 0))
    url = vnpay.payment_url(
        "100077",
        350000,
        "198.51.100.7",
        "https://langnghe.example/zh-hans/checkout/vnpay/return/",
        language="zh-hans",
        now=moment,
        bank_code=vnpay.INTERNATIONAL_CARD,
    )
    assert url.startswith("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?")
    signed_part, signature = signed_part_and_signature(url)
    assert signed_part == (
        "vnp_Amount=35000000&vnp_BankCode=INTCARD&vnp_Command=pay"
        "&vnp_CreateDate=20261202201500&vnp_CurrCode=VND&vnp_ExpireDate=20261202203000"
        "&vnp_IpAddr=198.51.100.7&vnp_Locale=en&vnp_OrderInfo=Thanh+toan+don+hang+100077"
        "&vnp_OrderType=other"
        "&vnp_ReturnUrl=https%3A%2F%2Flangnghe.example%2Fzh-hans%2Fcheckout%2Fvnpay%2Freturn%2F"
        "&vnp_TmnCode=LANGNG01&vnp_TxnRef=100077&vnp_Version=2.1.0"
    )
    assert signature == hmac.new(SECRET.encode(), signed_part.encode(), hashlib.sha512).hexdigest()


def test_domestic_card_and_choice_screen_bank_codes(vnpay_merchant):
    def bank_code(code):
        url = vnpay.payment_url("100078", 1000, "203.0.113.9", "https://x.example/", bank_code=code)
        return dict(parse_qsl(urlsplit(url).query)).get("vnp_BankCode")

    assert bank_code(vnpay.DOMESTIC_CARD) == "VNBANK"
    assert bank_code(None) is None, "left out: VNPay shows its own choice of methods"


@pytest.fixture
def card_order(client, anise_oil, vnpay_merchant):
    response = checkout(client, anise_oil, method="vnpay-card", prefix="/en")
    return Order.objects.get(), response


def test_buyer_paying_by_international_card_is_sent_to_vnpays_card_form(card_order):
    order, response = card_order
    url = response.redirect_chain[-1][0]
    params = dict(parse_qsl(urlsplit(url).query))
    assert params["vnp_BankCode"] == "INTCARD"
    assert params["vnp_TxnRef"] == order.number
    assert params["vnp_Amount"] == "14500000", "charged in đồng, × 100"
    assert params["vnp_Locale"] == "en"
    signed_part, signature = signed_part_and_signature(url)
    assert signature == hmac.new(SECRET.encode(), signed_part.encode(), hashlib.sha512).hexdigest()
    assert order.status == "Awaiting payment"
    assert order.sources.get().source_type.code == "vnpay-card"


def test_signed_ipn_for_a_card_payment_marks_the_order_paid(client, card_order):
    order, _ = card_order
    params = callback(order, vnp_BankCode="VISA", vnp_CardType="VISA")
    answer = client.get("/checkout/vnpay/ipn/", params).json()
    assert answer == {"RspCode": "00", "Message": "Confirm Success"}
    order.refresh_from_db()
    assert order.status == "Paid"
    assert order.sources.get().amount_debited == Decimal("145000")
    assert client.get("/checkout/vnpay/ipn/", params).json()["RspCode"] == "02", "replay: nothing"


def test_declined_card_cancels_the_order_and_forged_ipn_changes_nothing(
    client, card_order, anise_oil
):
    order, _ = card_order
    forged = callback(order, secret="not-our-secret", vnp_BankCode="VISA")
    assert client.get("/checkout/vnpay/ipn/", forged).json()["RspCode"] == "97"
    order.refresh_from_db()
    assert order.status == "Awaiting payment"
    declined = callback(
        order, vnp_BankCode="MASTERCARD", vnp_ResponseCode="51", vnp_TransactionStatus="02"
    )
    assert client.get("/checkout/vnpay/ipn/", declined).json()["RspCode"] == "00"
    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert anise_oil.stockrecords.get().num_allocated == 0


def test_card_order_email_names_the_card_method(card_order):
    assert "International card (Visa, Mastercard, JCB)" in mail.outbox[-1].body


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("vi", "Chúng tôi chỉ giao hàng trong lãnh thổ Việt Nam."),
        ("en", "We deliver within Vietnam only."),
        ("zh-hans", "我们仅在越南境内配送。"),
    ],
)
def test_product_page_says_delivery_is_to_vietnam_only(client, anise_oil, language, note):
    html = page(client, anise_oil, language)
    block = html[html.index('id="product-delivery"') :]
    assert note in block[: block.index("</section>")]


@pytest.mark.parametrize(
    ("prefix", "brand", "team"),
    [
        ("", "Làng nghề Lạng Sơn", "Ban quản trị Làng nghề Lạng Sơn"),
        ("/en", "Craft villages of Lạng Sơn", "The Craft villages of Lạng Sơn team"),
        ("/zh-hans", "谅山手工艺村", "谅山手工艺村 团队"),
    ],
)
def test_order_email_signs_with_the_brand_in_its_language(client, anise_oil, prefix, brand, team):
    checkout(client, anise_oil, prefix=prefix)
    message = mail.outbox[-1]
    assert team in message.body
    assert team in message.alternatives[0][0]
    if prefix:
        assert "Làng nghề Lạng Sơn" not in message.body + message.alternatives[0][0]


def test_an_email_reads_the_exchange_rates_once_whatever_its_prices(client, home, vietnam):
    rates = ExchangeRates.load()
    rates.vnd_per_usd = Decimal("26300")
    rates.rates_date = datetime.date(2026, 12, 1)
    rates.save()
    products = [product_for_sale(title=f"Sản phẩm {n}", price=100000 + n) for n in range(4)]
    for product in products[1:]:
        record = product.stockrecords.get()
        client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1, "stockrecord": record.pk})
    checkout(client, products[0], prefix="/en")
    order = Order.objects.get()
    assert "≈" in mail.outbox[-1].body, "the e-mail shows approximate dollars"

    with CaptureQueriesContext(connection) as queries:
        emails.send_order_placed(order)
    table = ExchangeRates._meta.db_table
    assert sum(table in query["sql"] for query in queries.captured_queries) == 1


def test_a_chinese_buyers_first_order_names_the_method_for_staff_in_vietnamese(
    client, anise_oil, bank_account
):
    checkout(client, anise_oil, method="bank-transfer", prefix="/zh-hans")
    assert Order.objects.get().sources.get().source_type.name == "Chuyển khoản ngân hàng (VietQR)"
