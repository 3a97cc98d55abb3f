"""A mail server that is down never loses an order or a shipment; the e-mail is tried again."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase
from django.utils import timezone

import pytest
from django_tasks import default_task_backend
from oscar.core.loading import get_model

from checkout import holds, tasks
from checkout.fulfilment import mark_shipped
from tests.checkout.conftest import checkout

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_down(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def test_a_checkout_during_a_mail_outage_places_the_order_and_empties_the_basket(
    client, anise_oil, mail_down, mailoutbox, caplog
):
    response = checkout(client, anise_oil)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert anise_oil.stockrecords.get().num_allocated == 1
    assert client.get("/basket/").context["basket"].num_items == 0, "the basket is not reopened"
    assert mailoutbox == []
    assert f"placed e-mail of {order.pk} could not be sent" in caplog.text


def test_a_shipment_during_a_mail_outage_is_recorded(client, anise_oil, mail_down, caplog):
    checkout(client, anise_oil)
    order = Order.objects.get()
    holds.confirm(order)  # the guest confirmed it from the e-mail
    order.refresh_from_db()

    with TestCase.captureOnCommitCallbacks(execute=True):
        event = mark_shipped(order, list(order.lines.all()), "VTP123456789")

    order.refresh_from_db()
    assert order.status == "Shipped"
    assert f"shipped e-mail of {event.pk} could not be sent" in caplog.text


def test_where_the_task_queue_can_wait_a_failed_email_is_tried_again_later(
    client, anise_oil, mail_down, settings
):
    checkout(client, anise_oil)
    order = Order.objects.get()
    # Production's queue can run a task later; Django-tasks' dummy backend keeps what is queued.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    tasks.send_order_email.call(tasks.PLACED, order.pk, 0)

    (retry,) = default_task_backend.results
    assert retry.args == [tasks.PLACED, order.pk, 1]
    assert retry.task.run_after > timezone.now()
