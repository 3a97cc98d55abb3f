"""VNPay, offline: our signed redirect, and the IPN callback that alone marks an order paid."""

import datetime
import hashlib
import hmac
import io
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
from oscar.core.loading import get_model

from checkout import vnpay
from checkout.management.commands import cancel_unpaid_orders as job
from tests.checkout.conftest import checkout

Order = get_model("order", "Order")
SECRET = "TESTSECRETKEYFORVNPAY0123456789AB"


def test_redirect_is_signed_with_hmac_sha512_over_sorted_encoded_parameters(vnpay_merchant):
    moment = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 5, 0))
    url = vnpay.payment_url(
        "100042",
        145000,
        "203.0.113.9",
        "https://langnghe.example/checkout/vnpay/return/",
        now=moment,
    )
    query = urlsplit(url).query
    signed_part, signature = query.rsplit("&vnp_SecureHash=", 1)
    assert signed_part == (
        "vnp_Amount=14500000&vnp_Command=pay&vnp_CreateDate=20261130090500&vnp_CurrCode=VND"
        "&vnp_ExpireDate=20261130092000&vnp_IpAddr=203.0.113.9&vnp_Locale=vn"
        "&vnp_OrderInfo=Thanh+toan+don+hang+100042&vnp_OrderType=other"
        "&vnp_ReturnUrl=https%3A%2F%2Flangnghe.example%2Fcheckout%2Fvnpay%2Freturn%2F"
        "&vnp_TmnCode=LANGNG01&vnp_TxnRef=100042&vnp_Version=2.1.0"
    )
    expected = hmac.new(SECRET.encode(), signed_part.encode(), hashlib.sha512).hexdigest()
    assert signature == expected


def callback(order, secret=SECRET, **changes):
    """The parameters VNPay sends to the IPN address, signed with `secret`."""
    params = {
        "vnp_Amount": str(int(order.total_incl_tax) * 100),
        "vnp_BankCode": "NCB",
        "vnp_OrderInfo": f"Thanh toan don hang {order.number}",
        "vnp_PayDate": "20261130091000",
        "vnp_ResponseCode": "00",
        "vnp_TmnCode": "LANGNG01",
        "vnp_TransactionNo": "14567890",
        "vnp_TransactionStatus": "00",
        "vnp_TxnRef": order.number,
        **changes,
    }
    params["vnp_SecureHashType"] = "HmacSHA512"
    # Signed here, not by vnpay.sign, which refuses to sign with an empty secret.
    text = vnpay.canonical(params).encode()
    params["vnp_SecureHash"] = hmac.new(secret.encode(), text, hashlib.sha512).hexdigest()
    return params


@pytest.fixture
def vnpay_order(client, anise_oil, vnpay_merchant):
    response = checkout(client, anise_oil, method="vnpay")
    return Order.objects.get(), response


@pytest.mark.django_db
def test_buyer_is_sent_to_vnpay_with_the_order_held(vnpay_order, anise_oil):
    order, response = vnpay_order
    assert response.redirect_chain[-1][0].startswith(
        "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?"
    )
    assert order.status == "Awaiting payment"
    assert anise_oil.stockrecords.get().num_allocated == 1


@pytest.mark.django_db
def test_signed_ipn_marks_the_order_paid(client, vnpay_order):
    order, _ = vnpay_order
    answer = client.get("/checkout/vnpay/ipn/", callback(order)).json()
    assert answer == {"RspCode": "00", "Message": "Confirm Success"}
    order.refresh_from_db()
    assert order.status == "Paid"
    source = order.sources.get()
    assert source.amount_debited == order.total_incl_tax
    assert source.reference == "14567890"


@pytest.mark.django_db
def test_replayed_ipn_changes_nothing(client, vnpay_order):
    order, _ = vnpay_order
    params = callback(order)
    client.get("/checkout/vnpay/ipn/", params)
    answer = client.get("/checkout/vnpay/ipn/", params).json()
    assert answer["RspCode"] == "02"
    source = order.sources.get()
    assert source.amount_debited == order.total_incl_tax, "debited once"
    assert source.transactions.count() == 1
    assert order.payment_events.count() == 1


@pytest.mark.django_db
def test_forged_ipn_changes_nothing(client, vnpay_order):
    order, _ = vnpay_order
    answer = client.get("/checkout/vnpay/ipn/", callback(order, secret="not-our-secret")).json()
    assert answer["RspCode"] == "97"
    order.refresh_from_db()
    assert order.status == "Awaiting payment"


@pytest.mark.django_db
def test_ipn_with_a_tampered_amount_is_refused(client, vnpay_order):
    order, _ = vnpay_order
    params = callback(order)
    params["vnp_Amount"] = "100"
    assert client.get("/checkout/vnpay/ipn/", params).json()["RspCode"] == "97"
    signed_wrong_amount = callback(order, vnp_Amount="100")
    assert client.get("/checkout/vnpay/ipn/", signed_wrong_amount).json()["RspCode"] == "04"
    order.refresh_from_db()
    assert order.status == "Awaiting payment"


@pytest.mark.django_db
def test_failed_payment_cancels_the_order_and_releases_its_stock(client, vnpay_order, anise_oil):
    order, _ = vnpay_order
    params = callback(order, vnp_ResponseCode="24", vnp_TransactionStatus="02")
    assert client.get("/checkout/vnpay/ipn/", params).json()["RspCode"] == "00"
    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert anise_oil.stockrecords.get().num_allocated == 0


@pytest.mark.django_db
def test_return_page_does_not_change_the_order(client, vnpay_order):
    order, _ = vnpay_order
    response = client.get("/checkout/vnpay/return/", callback(order))
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == "Awaiting payment"


@pytest.mark.django_db
def test_abandoned_vnpay_orders_are_cancelled_and_release_their_stock(vnpay_order, anise_oil):
    order, _ = vnpay_order
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(hours=2)
    )
    call_command("cancel_unpaid_orders", stdout=io.StringIO())
    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert anise_oil.stockrecords.get().num_allocated == 0


@pytest.mark.django_db
def test_an_ipn_signed_with_an_empty_secret_is_refused_while_vnpay_is_not_configured(
    client, vnpay_order, settings, caplog
):
    order, _ = vnpay_order
    settings.VNPAY_HASH_SECRET = ""

    answer = client.get("/checkout/vnpay/ipn/", callback(order, secret="")).json()

    assert answer["RspCode"] == "97"
    order.refresh_from_db()
    assert order.status == "Awaiting payment"
    assert "VNPay is not configured" in caplog.text
    with pytest.raises(ImproperlyConfigured):
        vnpay.sign({"vnp_TxnRef": order.number}, "")


@pytest.mark.django_db
def test_an_ipn_for_another_merchant_code_is_refused(client, vnpay_order):
    order, _ = vnpay_order
    answer = client.get("/checkout/vnpay/ipn/", callback(order, vnp_TmnCode="KHAC0001")).json()
    assert answer["RspCode"] == "97"
    order.refresh_from_db()
    assert order.status == "Awaiting payment"


@pytest.mark.django_db
def test_the_return_page_tells_nothing_about_an_order_not_in_the_visitors_session(vnpay_order):
    order, _ = vnpay_order
    stranger = Client()

    response = stranger.get("/checkout/vnpay/return/", callback(order), follow=True)

    assert response.redirect_chain[-1][0].endswith("/basket/")
    assert order.number not in response.content.decode()
    assert "Kết quả thanh toán này không thuộc đơn hàng của bạn." in response.content.decode()


@pytest.mark.django_db
def test_a_payment_meeting_a_cancelled_order_is_recorded_and_shown_to_staff(client, vnpay_order):
    order, _ = vnpay_order
    order.set_status("Cancelled")  # the unpaid-order job came first

    answer = client.get("/checkout/vnpay/ipn/", callback(order)).json()

    assert answer == {"RspCode": "00", "Message": "Confirm Success"}
    order.refresh_from_db()
    assert order.status == "Cancelled"
    source = order.sources.get()
    assert (source.amount_debited, source.reference) == (order.total_incl_tax, "14567890")
    assert order.payment_events.get().event_type.name == "Paid after cancellation"
    assert "hoàn tiền" in order.notes.get().message, "staff are told to refund or reinstate"
    replay = client.get("/checkout/vnpay/ipn/", callback(order)).json()
    assert replay["RspCode"] == "02" and order.payment_events.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_unpaid_order_job_never_cancels_an_order_paid_while_it_runs(
    client, vnpay_order, monkeypatch
):
    order, _ = vnpay_order
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(hours=2)
    )
    listed = job.stale_orders

    def paid_right_after_listing(status, before):
        found = listed(status, before)
        if order.pk in found:  # VNPay's IPN arrives between the list and the cancellation
            assert client.get("/checkout/vnpay/ipn/", callback(order)).json()["RspCode"] == "00"
        return found

    monkeypatch.setattr(job, "stale_orders", paid_right_after_listing)
    call_command("cancel_unpaid_orders", stdout=io.StringIO())

    order.refresh_from_db()
    assert order.status == "Paid"
    assert not order.notes.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("response_code", "transaction_status"),
    [("07", "07"), ("07", "00"), ("00", "04")],
    ids=["suspected fraud", "money taken, suspected", "taken at the bank, not at VNPay"],
)
def test_a_payment_vnpay_suspects_puts_the_order_under_review_never_cancelled(
    client, vnpay_order, anise_oil, response_code, transaction_status
):
    order, _ = vnpay_order
    params = callback(
        order, vnp_ResponseCode=response_code, vnp_TransactionStatus=transaction_status
    )

    answer = client.get("/checkout/vnpay/ipn/", params).json()

    assert answer == {"RspCode": "00", "Message": "Confirm Success"}, "VNPay hears it is recorded"
    order.refresh_from_db()
    assert order.status == "Under review"
    source = order.sources.get()
    assert (source.amount_debited, source.reference) == (0, "14567890"), "not treated as paid"
    assert not order.payment_events.exists()
    assert "14567890" in order.notes.get().message, "staff are told what to check"
    assert anise_oil.stockrecords.get().num_allocated == 1, "its stock stays held"
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(days=10)
    )
    call_command("cancel_unpaid_orders", stdout=io.StringIO())
    order.refresh_from_db()
    assert order.status == "Under review", "the unpaid-order job leaves it to staff"
    assert client.get("/checkout/vnpay/ipn/", params).json()["RspCode"] == "02"


@pytest.mark.django_db
def test_the_buyer_of_a_payment_under_review_is_told_not_to_pay_again(client, vnpay_order):
    order, _ = vnpay_order
    params = callback(order, vnp_ResponseCode="07", vnp_TransactionStatus="07")
    response = client.get("/en/checkout/vnpay/return/", params, follow=True)
    assert "please do not pay again" in response.content.decode()


@pytest.mark.django_db
def test_staff_clear_a_payment_under_review_as_paid(client, vnpay_order):
    order, _ = vnpay_order
    params = callback(order, vnp_ResponseCode="07", vnp_TransactionStatus="07")
    client.get("/checkout/vnpay/ipn/", params)
    order.refresh_from_db()

    order.set_status("Paid")

    assert order.sources.get().amount_debited == order.total_incl_tax


@pytest.mark.django_db
@pytest.mark.parametrize("response_code", ["09", "11", "24", "51", "65", "75", "79", "99"])
def test_a_payment_that_took_nothing_cancels_the_order(client, vnpay_order, response_code):
    order, _ = vnpay_order
    params = callback(order, vnp_ResponseCode=response_code, vnp_TransactionStatus="02")
    assert client.get("/checkout/vnpay/ipn/", params).json()["RspCode"] == "00"
    order.refresh_from_db()
    assert order.status == "Cancelled"


@pytest.mark.django_db
def test_an_ipn_that_fails_unexpectedly_answers_99_so_vnpay_calls_again(
    client, vnpay_order, monkeypatch, caplog
):
    order, _ = vnpay_order

    def database_gone(self, *args, **kwargs):
        raise RuntimeError("server closed the connection unexpectedly")

    monkeypatch.setattr(Order, "set_status", database_gone)
    answer = client.get("/checkout/vnpay/ipn/", callback(order)).json()

    assert answer["RspCode"] == "99"
    order.refresh_from_db()
    assert order.status == "Awaiting payment"
    assert order.sources.get().reference == order.number, "nothing was half-recorded"
    assert f"The VNPay IPN for order {order.number} failed" in caplog.text
