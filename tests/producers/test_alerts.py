"""Producers hear of new orders, cancellations, workshop bookings and low stock: by e-mail, SMS or
Zalo as they chose, after the commit, and a provider that is down loses or blocks nothing."""

import io

from django.core import mail
from django.core.management import call_command
from django.urls import clear_url_caches

import pytest

from notifications import backends
from notifications.models import Notification
from producers.models import AlertSettings

from .factories import order_of, producer_product, producer_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls_reversed_afresh():
    """The resolver keeps each language's reversed paths: made while English has no prefix here,
    they would give later tests /producer/… for English. Cleared once the settings are back."""
    clear_url_caches()
    yield
    clear_url_caches()


@pytest.fixture(autouse=True)
def in_english(urls_reversed_afresh, settings):
    """Alerts are written in the site's language: English here, so the assertions read msgids."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def producer(home):
    from tests.catalogue.factories import ProducerFactory

    producer = ProducerFactory(
        name="HTX Hồi Văn Quan", email="htx@example.vn", phone="+84912000111"
    )
    producer_user(producer, "minh")
    return producer


def test_a_new_order_emails_the_producer_after_the_commit(
    producer, django_capture_on_commit_callbacks
):
    product = producer_product(producer, title="Tinh dầu hồi")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        order = order_of(product)
        # Written with the order, sent only once it commits.
        assert Notification.objects.get().state == Notification.State.PENDING
        assert mail.outbox == []
    for callback in callbacks:
        callback()
    sent = Notification.objects.get()
    assert sent.state == Notification.State.SENT
    assert sent.to == "htx@example.vn"
    assert mail.outbox[0].to == ["htx@example.vn"]
    assert str(order.number) in mail.outbox[0].subject
    assert "2 × Tinh dầu hồi" in mail.outbox[0].body


def test_sms_and_no_email_when_the_producer_chooses_so(
    producer, django_capture_on_commit_callbacks
):
    AlertSettings.objects.create(producer=producer, by_email=False, by_sms=True)
    product = producer_product(producer, title="Tinh dầu hồi")
    with django_capture_on_commit_callbacks(execute=True):
        order_of(product)
    sent = Notification.objects.get()
    assert (sent.channel, sent.to, sent.state) == ("sms", "+84912000111", "sent")
    assert mail.outbox == []


def test_no_alert_for_a_kind_switched_off(producer, django_capture_on_commit_callbacks):
    AlertSettings.objects.create(producer=producer, new_order=False)
    with django_capture_on_commit_callbacks(execute=True):
        order_of(producer_product(producer))
    assert not Notification.objects.exists()


def test_a_cancellation_is_told(producer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = order_of(producer_product(producer))
        order.set_status("Cancelled")
    texts = list(Notification.objects.order_by("pk").values_list("subject", flat=True))
    assert texts == [f"New order {order.number}", f"Order {order.number} cancelled"]


def test_stock_falling_below_the_chosen_level_is_told_once(
    producer, django_capture_on_commit_callbacks
):
    AlertSettings.objects.create(producer=producer, low_stock_level=5)
    product = producer_product(producer, stock=10, title="Tinh dầu hồi")
    with django_capture_on_commit_callbacks(execute=True):
        order_of(product, quantity=6)  # 4 left
        order_of(product, quantity=1)  # 3 left: already told
    low = Notification.objects.filter(subject__startswith="Stock running low")
    assert low.count() == 1
    assert "4 left" in low.get().text


class Down:
    def __init__(self, *args):
        pass

    def send(self, message):
        raise backends.Unavailable("connection refused")


def test_a_provider_outage_keeps_the_order_and_the_alert_for_later(
    producer, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_BACKENDS = {**settings.NOTIFICATION_BACKENDS, "email": f"{__name__}.Down"}
    with django_capture_on_commit_callbacks(execute=True):
        order = order_of(producer_product(producer))
    assert order.pk and order.lines.count() == 1
    waiting = Notification.objects.get()
    assert (waiting.state, waiting.attempts, waiting.error) == ("pending", 1, "connection refused")
    # The provider is back: the job sends what waited.
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "email": "notifications.backends.EmailBackend",
    }
    call_command("send_notifications", stdout=io.StringIO())
    waiting.refresh_from_db()
    assert waiting.state == "sent"
    assert len(mail.outbox) == 1


def test_a_fault_in_the_alerts_never_fails_the_order(producer, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr("producers.alerts.recipients", broken)
    order = order_of(producer_product(producer))
    assert order.pk and not Notification.objects.exists()


def test_the_producer_chooses_alerts_in_the_space_and_sees_the_last_ones(
    producer, client, django_capture_on_commit_callbacks
):
    from .factories import PASSWORD

    client.login(username="minh", password=PASSWORD)
    page = client.get("/producer/alerts/")
    assert page.status_code == 200 and b'name="by_sms"' in page.content
    answer = client.post(
        "/producer/alerts/",
        {
            "new_order": "on",
            "low_stock": "on",
            "low_stock_level": "2",
            "by_zalo": "on",
            "phone": "0912 000 222",
        },
    )
    assert answer.status_code == 302
    chosen = AlertSettings.objects.get(producer=producer)
    assert (chosen.cancellation, chosen.by_email, chosen.by_zalo) == (False, False, True)
    with django_capture_on_commit_callbacks(execute=True):
        order = order_of(producer_product(producer))
    page = client.get("/producer/alerts/")
    assert f"New order {order.number}".encode() in page.content
    assert b"zalo" in page.content and b"+84912000222" in page.content


def test_a_workshop_booking_and_its_cancellation_are_told_as_bookings(
    producer, django_capture_on_commit_callbacks
):
    from oscar.core.loading import get_model

    from tours.booking import EXPERIENCE_CLASS

    from .factories import producer_experience

    producer_experience(producer, "Làm hương cùng nghệ nhân")
    ticket = get_model("catalogue", "Product").objects.get(
        product_class__slug=EXPERIENCE_CLASS, stockrecords__partner=producer
    )
    with django_capture_on_commit_callbacks(execute=True):
        order = order_of(ticket, quantity=1)
        order.set_status("Cancelled")
    subjects = list(Notification.objects.order_by("pk").values_list("subject", flat=True))
    assert subjects == [
        f"New workshop booking {order.number}",
        f"Workshop booking {order.number} cancelled",
    ]
