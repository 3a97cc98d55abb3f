"""With one outside service down at a time, what users do still completes, and nothing is lost.

Each fault is real, not a patched function: the mail server, the Elasticsearch cluster and Redis
are addresses where nothing listens (the connection is refused, as when the service has stopped),
and the task worker is the database queue production uses, with no worker running it. Each
journey runs under each fault and under none; afterwards the same ledger is checked: every stock
hold belongs to an order and every order holds its stock, no basket is lost, no page is left
half-published, and what waited for the missing service is still waiting, not dropped.
"""

import socket

from django.core.management import call_command
from django.test import TestCase

import pytest
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model

from config.caching import cache_config
from tests.catalogue.factories import ProducerFactory
from tests.checkout.conftest import checkout
from tests.checkout.test_vnpay import callback
from tests.producers.factories import order_of, producer_product, producer_user
from tests.staff.factories import member
from tests.villages.factories import VillagePageFactory

Basket = get_model("basket", "Basket")
Line = get_model("order", "Line")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def nowhere():
    """A local port where nothing listens: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", nowhere(), 2


def search_cluster_down(settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{nowhere()}"


def redis_down(settings):
    # Production's cache settings, at an address where Redis has stopped; the page cache is on.
    settings.CACHES = {"default": cache_config(f"redis://127.0.0.1:{nowhere()}/1")}
    settings.PAGE_CACHE_SECONDS = 600


def task_worker_down(settings):
    # Production's queue; nobody runs `manage.py db_worker` until the test says so.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


FAULTS = {
    "none": lambda settings: None,
    "mail server down": mail_server_down,
    "search cluster down": search_cluster_down,
    "Redis down": redis_down,
    "task worker down": task_worker_down,
}


@pytest.fixture
def world(home, vietnam, bank_account, vnpay_merchant, settings):
    settings.SEARCH_INDEX_UPDATES = True  # the index follows changes, as in production
    with TestCase.captureOnCommitCallbacks(execute=True):  # indexed as it commits
        producer = ProducerFactory(name="HTX Hồi Văn Quan")
        product = producer_product(producer, title="Tinh dầu hồi Văn Quan")
        order_of(product)  # an order placed earlier, holding 2 units
        return {"user": producer_user(producer, "lan"), "product": product}


@pytest.fixture(params=FAULTS)
def fault(request, settings, world):
    FAULTS[request.param](settings)
    return request.param


# --- What users do ---------------------------------------------------------------------------


def guest_pays_cash(client, world):
    response = checkout(client, world["product"], quantity=2)
    assert response.redirect_chain[-1][0].endswith("/checkout/thank-you/")
    return {"orders": 1, "changes": True}


def guest_pays_by_transfer(client, world):
    response = checkout(client, world["product"], quantity=2, method="bank-transfer")
    assert response.redirect_chain[-1][0].endswith("/checkout/thank-you/")
    assert Order.objects.latest("pk").status == "Awaiting transfer"
    return {"orders": 1, "changes": True}


def guest_pays_with_vnpay(client, world):
    checkout(client, world["product"], quantity=2, method="vnpay")
    order = Order.objects.latest("pk")
    with TestCase.captureOnCommitCallbacks(execute=True):
        answer = client.get("/checkout/vnpay/ipn/", callback(order)).json()
    assert answer["RspCode"] == "00", answer
    order.refresh_from_db()
    assert order.status == "Paid"
    return {"orders": 1, "changes": True}


def producer_changes_stock(client, world):
    product = world["product"]
    client.force_login(world["user"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/producer/products/{product.pk}/stock/", {"price": "52000", "num_in_stock": "30"}
        )
    assert response.status_code == 302
    record = StockRecord.objects.get(product=product)
    assert (record.price, record.net_stock_level) == (52000, 30), "30 more can be ordered"
    return {"orders": 0, "changes": True}


def editor_publishes(client, world):
    village = VillagePageFactory(title="Làng hồi Văn Quan")
    client.get(village.url)  # a visitor's view of the old text, cached where the cache works
    editor, approver = member("DCST editors"), member("DCST approvers")
    village.title = "Làng hồi Văn Quan – mùa hoa hồi"
    village.save_revision(user=editor)
    village.get_workflow().start(village, editor)
    task_state = village.current_workflow_task_state
    client.force_login(approver)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{village.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302), response.content[:500]
    village.refresh_from_db()
    assert village.live and village.live_revision_id == village.latest_revision_id
    assert not village.has_unpublished_changes, "the page is wholly published"
    client.logout()
    assert "mùa hoa hồi" in client.get(village.url).content.decode(), "visitors see the new text"
    return {"orders": 0, "changes": True}


def visitor_searches(client, world):
    response = client.get("/search/", {"q": "tinh dau hoi"})
    assert response.status_code == 200
    assert world["product"].get_absolute_url() in response.content.decode(), "the product is found"
    return {"orders": 0, "changes": False}


JOURNEYS = {
    "guest pays cash on delivery": guest_pays_cash,
    "guest pays by VietQR transfer": guest_pays_by_transfer,
    "guest pays with VNPay": guest_pays_with_vnpay,
    "producer changes price and stock": producer_changes_stock,
    "editor publishes a page": editor_publishes,
    "visitor searches": visitor_searches,
}


@pytest.mark.parametrize("journey", JOURNEYS)
def test_a_journey_completes_with_nothing_lost(
    client, world, fault, journey, mailoutbox, monkeypatch
):
    orders_before = Order.objects.count()

    expected = JOURNEYS[journey](client, world)

    assert Order.objects.count() == orders_before + expected["orders"]
    assert_every_hold_has_its_order_and_every_order_its_hold()
    assert_no_basket_lost(client)
    if fault == "task worker down" and expected["changes"]:
        assert_waiting_work_is_done_once_the_worker_runs(journey, mailoutbox, monkeypatch)


# --- The ledger ------------------------------------------------------------------------------


def assert_every_hold_has_its_order_and_every_order_its_hold():
    for record in StockRecord.objects.all():
        held_by_orders = sum(
            Line.objects.filter(stockrecord=record)
            .exclude(order__status="Cancelled")
            .values_list("quantity", flat=True)
        )
        assert record.num_allocated == held_by_orders, record.product.title
    assert not Order.objects.filter(lines__isnull=True).exists(), "an order without its lines"


def assert_no_basket_lost(client):
    for basket in Basket.objects.filter(status="Submitted"):
        assert Order.objects.filter(basket_id=basket.pk).exists(), "a basket submitted, no order"
    for order in Order.objects.exclude(basket_id=None):
        assert Basket.objects.get(pk=order.basket_id).status == "Submitted", "an order's basket"
    # The visitor's basket is still theirs to use: the basket page answers.
    assert client.get("/basket/").status_code == 200


def assert_waiting_work_is_done_once_the_worker_runs(journey, mailoutbox, monkeypatch):
    waiting = DBTaskResult.objects.ready().count()
    assert waiting, "the work that needs the worker was queued, not dropped"
    # The worker runs on the test's own connection, inside its transaction: between tasks it must
    # not close it, as a worker process does with its own.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
    assert not DBTaskResult.objects.ready().exists()
    assert not DBTaskResult.objects.failed().exists()
    if "guest pays" in journey:
        assert any("hoa@example.com" in mail.to for mail in mailoutbox), "the buyer's e-mail"


def test_the_health_check_tells_the_operator_redis_is_down_and_the_site_still_serves(
    client, settings
):
    settings.CACHES = {"default": cache_config("redis://127.0.0.1:6379/15")}
    assert client.get("/health/").json()["cache"] == "ok", "the machine's own Redis answers"

    redis_down(settings)
    response = client.get("/health/")

    assert response.status_code == 200, "the app server stays in the pool"
    assert response.json()["cache"] == "unavailable, every page rendered afresh"
