"""Unpaid orders cannot empty a producer's stock: how much one order holds, how many a buyer's
e-mail, phone and internet address may have open, and unconfirmed holds released on time."""

import datetime
import io
import re
import socket
import threading
import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase
from django.utils import timezone

import pytest
from oscar.apps.order.exceptions import InvalidShippingEvent
from oscar.core.loading import get_model

from checkout import holds
from checkout.fulfilment import mark_shipped
from config.caching import cache_config
from tests.catalogue.factories import product_for_sale
from tests.checkout.conftest import ADDRESS, checkout, prepare_checkout

Order = get_model("order", "Order")

# A public address (VNPT's range): addresses that are not public are never counted.
BUYERS_ADDRESS = "14.160.32.7"


def in_basket(client, prefix="/en"):
    return client.get(f"{prefix}/basket/").context["basket"].num_items


def placed_ago(order, **delta):
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(**delta)
    )


def run_job():
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("cancel_unpaid_orders", stdout=io.StringIO())


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


# --- How much one order holds ------------------------------------------------------------------


@pytest.mark.django_db
def test_one_order_holds_at_most_ten_of_a_product_and_the_buyer_is_told_with_the_basket_kept(
    client, home, vietnam
):
    shawl = product_for_sale(title="Khăn chàm Bắc Sơn", price=90000, stock=40)
    stockrecord = shawl.stockrecords.get()
    client.post(f"/en/basket/add/{shawl.pk}/", {"quantity": 12, "stockrecord": stockrecord.pk})

    response = client.post(
        "/en/checkout/", {"username": "hoa@example.com", "options": "anonymous"}, follow=True
    )

    assert response.redirect_chain[-1][0].endswith("/en/basket/")
    assert "At most 10 of “Khăn chàm Bắc Sơn” can be in one order" in response.content.decode()
    assert in_basket(client) == 12, "nothing in the basket is lost"
    assert Order.objects.count() == 0
    stockrecord.refresh_from_db()
    assert not stockrecord.num_allocated


@pytest.mark.django_db
def test_ten_of_a_product_can_be_ordered(client, home, vietnam):
    shawl = product_for_sale(title="Khăn chàm Bắc Sơn", price=90000, stock=40)
    checkout(client, shawl, quantity=10)
    assert Order.objects.get().lines.get().quantity == 10


# --- How many unpaid orders one buyer may have -------------------------------------------------


@pytest.mark.django_db
def test_a_fourth_unpaid_order_with_the_same_email_is_refused_and_the_basket_kept(
    client, anise_oil
):
    for _ in range(3):
        checkout(client, anise_oil, prefix="/en")
    assert Order.objects.count() == 3

    # The same mailbox however it is spelled, and another phone number.
    response = checkout(
        client,
        anise_oil,
        prefix="/en",
        email="Hoa+shop@Example.com",
        address={**ADDRESS, "phone_number": "0987 654 321"},
    )

    assert response.status_code == 200
    assert "There are already 3 orders waiting to be paid or confirmed" in (
        response.content.decode()
    )
    assert Order.objects.count() == 3
    assert anise_oil.stockrecords.get().num_allocated == 3
    assert in_basket(client) == 1, "the basket is kept"


@pytest.mark.django_db
def test_a_fourth_unpaid_order_with_the_same_phone_is_refused(client, anise_oil):
    for number in range(3):
        checkout(client, anise_oil, email=f"buyer{number}@example.com")

    checkout(
        client,
        anise_oil,
        email="other@example.com",
        address={**ADDRESS, "phone_number": "+84912345678"},
    )

    assert Order.objects.count() == 3


@pytest.mark.django_db
def test_an_order_being_prepared_no_longer_counts_against_its_buyer(client, anise_oil):
    for _ in range(3):
        checkout(client, anise_oil)
    Order.objects.first().set_status("Being processed")  # the producer took it on

    checkout(client, anise_oil)

    assert Order.objects.count() == 4


def place_and_wait(second, started):
    """The second buyer's order; the first one's transaction is holding the contact's lock."""
    try:
        started["response"] = second.post("/checkout/preview/", {"action": "place_order"})
    finally:
        connection.close()  # the thread had its own connection


def blocked_on_a_lock(thread):
    """Wait until `thread`'s database session waits for a lock (True), or the thread ends."""
    with connection.cursor() as cursor:
        for _ in range(200):
            if not thread.is_alive():
                return False
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for each write, so orders cannot race there.",
)
@pytest.mark.django_db(transaction=True)
def test_two_orders_placed_at_the_same_moment_with_one_email_cannot_both_pass_the_limit(
    anise_oil, settings, monkeypatch
):
    settings.SHOP_UNPAID_ORDERS_PER_CONTACT = 2
    checkout(Client(), anise_oil)  # the buyer's contacts are known already: only a lock waits
    first, second = Client(), Client()
    prepare_checkout(first, anise_oil)
    prepare_checkout(second, anise_oil, address={**ADDRESS, "phone_number": "0987 654 321"})
    counted, started = holds.open_orders, {}

    def second_buyer_arrives_meanwhile(contact):
        found = counted(contact)
        if "thread" not in started:
            # The first order has counted its buyer's orders and is not committed yet.
            started["thread"] = threading.Thread(target=place_and_wait, args=(second, started))
            started["thread"].start()
            started["blocked"] = blocked_on_a_lock(started["thread"])
        return found

    monkeypatch.setattr(holds, "open_orders", second_buyer_arrives_meanwhile)
    first.post("/checkout/preview/", {"action": "place_order"})
    started["thread"].join(timeout=30)

    assert started["blocked"], "the second order waited for the first one's lock"
    assert Order.objects.count() == 2
    assert started["response"].status_code == 200, "the second buyer sees the preview again"
    # The page is Vietnamese, the site's default language: "… orders waiting to be paid or confirmed".
    assert "đơn hàng đang chờ thanh toán hoặc xác nhận" in started["response"].content.decode()


# --- How many orders one internet address places -----------------------------------------------


@pytest.mark.django_db
def test_orders_from_one_internet_address_are_limited_per_hour(anise_oil, settings, fresh_cache):
    settings.SHOP_ORDERS_PER_ADDRESS_PER_HOUR = 2
    client = Client(REMOTE_ADDR=BUYERS_ADDRESS)
    for number in range(2):
        checkout(client, anise_oil, email=f"buyer{number}@example.com", address=phone(number))

    response = checkout(
        client, anise_oil, prefix="/en", email="buyer2@example.com", address=phone(2)
    )

    assert "Too many orders have been placed from your internet connection" in (
        response.content.decode()
    )
    assert Order.objects.count() == 2
    assert in_basket(client) == 1
    elsewhere = Client(REMOTE_ADDR="113.160.1.9")
    checkout(elsewhere, anise_oil, email="buyer3@example.com", address=phone(3))
    assert Order.objects.count() == 3, "another address may still order"


def phone(number):
    return {**ADDRESS, "phone_number": f"091234560{number}"}


class CacheDown:
    def __getattr__(self, name):
        def refuse(*args, **kwargs):
            raise ConnectionError(
                "Error 111 connecting to cache.internal:6379. Connection refused."
            )

        return refuse


def unreachable_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(params=["raising", "Redis stopped"])
def cache_down(request, settings, monkeypatch):
    if request.param == "raising":
        monkeypatch.setattr(holds, "cache", CacheDown())
    else:
        # Production's settings for Redis (errors ignored, short timeouts), where Redis stopped.
        settings.CACHES = {"default": cache_config(f"redis://127.0.0.1:{unreachable_port()}/1")}


@pytest.mark.django_db
def test_with_the_cache_down_orders_are_still_placed_and_contacts_still_counted(
    anise_oil, settings, cache_down, caplog
):
    settings.SHOP_ORDERS_PER_ADDRESS_PER_HOUR = 1
    client = Client(REMOTE_ADDR=BUYERS_ADDRESS)

    for number in range(4):
        checkout(client, anise_oil, email=f"buyer{number}@example.com", address=phone(number))
    assert Order.objects.count() == 4, "the address is not counted while the cache is down"
    assert "orders from 14.160.32.7 are not counted" in caplog.text

    for _ in range(3):
        checkout(client, anise_oil, email="buyer0@example.com", address=phone(0))
    assert Order.objects.count() == 6, "buyer0 reaches 3 open orders from the database's count"


# --- Unconfirmed cash-on-delivery orders ---------------------------------------------------------


def confirmation_link(message):
    return re.search(r"http://\S+/checkout/confirm/\S+/", message.body).group(0)


@pytest.mark.django_db
def test_a_guest_confirms_a_cash_on_delivery_order_from_the_email_link(client, anise_oil):
    response = checkout(client, anise_oil, prefix="/en")
    order = Order.objects.get()
    assert order.status == "Awaiting confirmation"
    assert "confirm your order" in response.content.decode(), "the thank-you page says so"
    link = confirmation_link(mail.outbox[-1])
    assert "/en/checkout/confirm/" in link

    buyer = Client()  # the link works from the mail app too, without the checkout's session
    page = buyer.get(link)
    assert "Confirm my order" in page.content.decode()
    order.refresh_from_db()
    assert order.status == "Awaiting confirmation", (
        "opening the link (a mail scanner) confirms nothing"
    )

    page = buyer.post(link, follow=True)

    order.refresh_from_db()
    assert order.status == "Pending"
    assert "This order is confirmed" in page.content.decode()
    placed_ago(order, hours=30)
    run_job()
    order.refresh_from_db()
    assert order.status == "Pending", "a confirmed order is kept"
    assert anise_oil.stockrecords.get().num_allocated == 1


@pytest.mark.django_db
def test_an_unconfirmed_cash_on_delivery_order_is_cancelled_after_24_hours_and_the_buyer_told(
    client, anise_oil
):
    checkout(client, anise_oil, quantity=2, prefix="/en")
    order = Order.objects.get()
    placed_ago(order, hours=23)
    run_job()
    order.refresh_from_db()
    assert order.status == "Awaiting confirmation"

    placed_ago(order, hours=24, minutes=1)
    run_job()

    order.refresh_from_db()
    stockrecord = anise_oil.stockrecords.get()
    assert order.status == "Cancelled"
    assert (stockrecord.num_allocated, stockrecord.net_stock_level) == (0, 10)
    message = mail.outbox[-1]
    assert message.to == ["hoa@example.com"]
    assert f"Your order {order.number} has been cancelled" in message.subject
    assert "Nobody confirmed it in time" in message.body
    page = Client().get(confirmation_link(mail.outbox[0]))
    assert "This order was cancelled" in page.content.decode()
    assert "Confirm my order" not in page.content.decode()


@pytest.mark.django_db
def test_staff_preparing_an_order_confirm_it(client, anise_oil):
    checkout(client, anise_oil)
    order = Order.objects.get()
    order.set_status("Being processed")
    placed_ago(order, days=2)
    run_job()
    order.refresh_from_db()
    assert order.status == "Being processed"


@pytest.mark.django_db
def test_a_signed_in_buyers_cash_on_delivery_order_needs_no_confirmation(client, anise_oil):
    user = get_user_model().objects.create_user(
        "hoa", email="hoa@example.com", password="not-a-real-password"
    )
    client.force_login(user)

    checkout(client, anise_oil, prefix="/en", email=None)

    order = Order.objects.get()
    assert (order.user, order.status) == (user, "Pending")
    assert "/checkout/confirm/" not in mail.outbox[-1].body


@pytest.mark.django_db
def test_a_made_up_confirmation_link_finds_nothing(client, anise_oil):
    checkout(client, anise_oil)
    order = Order.objects.get()
    assert client.post(f"/checkout/confirm/{order.number}:forged/").status_code == 404
    order.refresh_from_db()
    assert order.status == "Awaiting confirmation"


@pytest.mark.django_db
def test_an_unconfirmed_order_cannot_ship(client, anise_oil):
    checkout(client, anise_oil)
    order = Order.objects.get()
    with pytest.raises(InvalidShippingEvent):
        mark_shipped(order, list(order.lines.all()), "VTP123456789")
    holds.confirm(order)
    order.refresh_from_db()
    mark_shipped(order, list(order.lines.all()), "VTP123456789")
    order.refresh_from_db()
    assert order.status == "Shipped"
