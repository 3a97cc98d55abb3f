"""Following an order without an account: number plus phone or e-mail, throttled, cancellable."""

import re
from unittest import mock

from django.core.cache import cache
from django.test import TestCase

import pytest
from oscar.core.loading import get_model

from checkout.fulfilment import mark_shipped
from tests.checkout.conftest import checkout

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

FOLLOW = "/en/checkout/follow/"
VISITOR = {"REMOTE_ADDR": "1.2.3.4"}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def order(client, anise_oil, bank_account):
    checkout(client, anise_oil, quantity=2, prefix="/en", method="bank-transfer")
    return Order.objects.get()


def follow(client, number, contact, **extra):
    return client.post(FOLLOW, {"number": number, "contact": contact}, **{**VISITOR, **extra})


def test_the_page_is_linked_from_the_footer_and_asks_number_and_contact(client, home):
    html = client.get("/en/checkout/follow/").content.decode()
    assert 'href="/en/checkout/follow/"' in html
    assert 'name="number"' in html and 'name="contact"' in html
    assert "csrfmiddlewaretoken" in html


def test_the_thank_you_page_links_to_following_the_order(client, anise_oil):
    html = checkout(client, anise_oil, prefix="/en").content.decode()
    number = Order.objects.get().number
    assert f"/en/checkout/follow/?number={number}" in html


def test_the_order_email_opens_the_order_page_without_typing_anything(order, mailoutbox):
    from django.test import Client

    mail = mailoutbox[-1]
    link = re.search(r"https?://[^/\s]+(/en/checkout/follow/[^\s?]+/\?key=[^\s]+)", mail.body)
    assert link, mail.body
    buyer_on_phone = Client()
    response = buyer_on_phone.get(link.group(1), follow=True)
    assert response.redirect_chain[-1][0] == f"/en/checkout/follow/{order.number}/"
    assert "key=" not in response.redirect_chain[-1][0], "the key leaves the address bar"
    assert "Awaiting your bank transfer" in response.content.decode()

    forged = link.group(1).rsplit(":", 1)[0] + ":forged"
    stranger = Client()
    response = stranger.get(forged, follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/checkout/follow/?number=")
    assert "Awaiting your bank transfer" not in response.content.decode()


def test_number_and_phone_show_the_translated_status_and_parcels(client, order):
    response = follow(client, order.number, "+84 912 345 678", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/en/checkout/follow/{order.number}/"
    assert "Awaiting your bank transfer" in html
    assert "Tinh dầu hồi Văn Quan" in html
    assert "Not sent yet." in html
    assert "Cancel my order" in html


def test_the_email_however_spelled_finds_the_order_in_vietnamese(client, order):
    response = client.post(
        "/checkout/follow/", {"number": order.number, "contact": " Hoa@Example.com "}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/checkout/follow/{order.number}/"
    assert "Chờ bạn chuyển khoản" in response.content.decode()


def without_tokens(html, *typed):
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    for text in typed:
        html = html.replace(text, "")
    return html


def test_a_wrong_phone_and_an_unknown_number_get_the_same_answer(client, order):
    wrong_phone = follow(client, order.number, "0987 654 321").content.decode()
    unknown = follow(client, "999999", "0912 345 678").content.decode()
    message = "We found no order with this number and this phone number or e-mail address"
    assert message in wrong_phone and message in unknown
    assert "Awaiting your bank transfer" not in wrong_phone
    # Nothing else on the page tells the two apart.
    assert without_tokens(wrong_phone, order.number, "0987 654 321") == without_tokens(
        unknown, "999999", "0912 345 678"
    )


def test_the_order_page_is_shown_only_to_who_found_it(client, order):
    response = client.get(f"/en/checkout/follow/{order.number}/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/checkout/follow/?number={order.number}"


def test_wrong_guesses_are_throttled_per_order_number_with_a_clear_message(client, order, settings):
    settings.SHOP_ORDER_LOOKUPS_PER_HOUR = 3
    for ending in range(3):
        follow(client, order.number, f"098765432{ending}", REMOTE_ADDR=f"1.2.3.{10 + ending}")
    # Even the right phone, from yet another address, waits now.
    html = follow(client, order.number, "0912 345 678", REMOTE_ADDR="5.6.7.8").content.decode()
    assert "Too many tries with wrong details" in html
    assert "Awaiting your bank transfer" not in html


def test_wrong_guesses_are_throttled_per_internet_address(client, order, settings):
    settings.SHOP_ORDER_LOOKUPS_PER_HOUR = 3
    for number in ("900001", "900002", "900003"):
        follow(client, number, "0912 345 678")
    html = follow(client, order.number, "0912 345 678").content.decode()
    assert "Too many tries with wrong details" in html
    # Another visitor is not held up.
    assert follow(client, order.number, "0912 345 678", REMOTE_ADDR="5.6.7.8").status_code == 302


def test_the_page_works_while_the_cache_is_down(client, order):
    with (
        mock.patch("checkout.tracking.cache.get_many", side_effect=ConnectionError),
        mock.patch("checkout.tracking.cache.add", side_effect=ConnectionError),
    ):
        assert "We found no order" in follow(client, order.number, "0900000000").content.decode()
        assert follow(client, order.number, "0912345678").status_code == 302


def test_the_buyer_cancels_and_the_stock_comes_back_once(client, order, anise_oil):
    stockrecord = anise_oil.stockrecords.get()
    assert stockrecord.num_allocated == 2
    follow(client, order.number, "0912345678")
    page = f"/en/checkout/follow/{order.number}/"

    html = client.post(page, follow=True).content.decode()
    client.post(page)  # pressed twice

    order.refresh_from_db()
    stockrecord.refresh_from_db()
    assert order.status == "Cancelled"
    assert f"Your order {order.number} is cancelled." in html
    assert stockrecord.num_allocated == 0
    assert order.shipping_events.filter(event_type__code="released").count() == 1
    assert "Cancel my order" not in client.get(page).content.decode()


def test_nothing_can_be_cancelled_once_a_parcel_has_left(client, order, anise_oil):
    order.set_status("Paid")
    with TestCase.captureOnCommitCallbacks(execute=True):
        mark_shipped(order, order.lines.all(), "GHN8812345VN", carrier="ghn")
    follow(client, order.number, "hoa@example.com")
    page = f"/en/checkout/follow/{order.number}/"

    html = client.get(page).content.decode()
    assert "Cancel my order" not in html
    assert "GHN8812345VN" in html
    assert 'href="https://donhang.ghn.vn/?order_code=GHN8812345VN"' in html
    assert "Giao Hàng Nhanh" in html

    html = client.post(page, follow=True).content.decode()
    order.refresh_from_db()
    assert order.status == "Shipped"
    assert "can no longer be cancelled" in html


def test_a_paid_order_cancelled_by_its_buyer_tells_staff_to_refund(client, order):
    order.set_status("Paid")
    follow(client, order.number, "0912345678")
    client.post(f"/en/checkout/follow/{order.number}/")
    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert "refund the buyer" in order.notes.get().message


def test_cancelling_needs_the_csrf_token(order, anise_oil):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.post(FOLLOW, {"number": order.number, "contact": "0912345678"}, **VISITOR)
    assert Order.objects.get().status == "Awaiting transfer"
    assert strict.post(f"/en/checkout/follow/{order.number}/").status_code == 403
