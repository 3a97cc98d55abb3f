"""Order statuses are stored as fixed names and shown to buyers as labels in their language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

import pytest
from oscar.core.loading import get_model

from checkout import statuses
from checkout.templatetags.order_status_tags import order_status_label
from tests.checkout.conftest import checkout

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def test_every_status_of_the_pipelines_has_a_label():
    names = set(settings.OSCAR_ORDER_STATUS_PIPELINE) | set(settings.OSCAR_LINE_STATUS_PIPELINE)
    names |= {settings.OSCAR_INITIAL_ORDER_STATUS, settings.OSCAR_INITIAL_LINE_STATUS}
    for targets in settings.OSCAR_ORDER_STATUS_PIPELINE.values():
        names |= set(targets)
    assert names <= set(statuses.LABELS)


def test_an_unknown_status_shows_as_stored():
    assert order_status_label("Lost at sea") == "Lost at sea"


@pytest.fixture
def english_buyers_order(client, anise_oil, bank_account):
    checkout(client, anise_oil, prefix="/en", method="bank-transfer")
    user = get_user_model().objects.create_user(
        "hoa", email="hoa@example.com", password="not-a-real-password"
    )
    Order.objects.update(user=user, guest_email="")
    client.force_login(user)
    return Order.objects.get()


def test_an_english_buyer_sees_english_status_names_in_the_order_history(
    client, english_buyers_order
):
    html = client.get("/en/accounts/orders/").content.decode()
    assert english_buyers_order.number in html
    assert "Awaiting your bank transfer" in html


def test_an_english_buyer_sees_english_status_names_on_the_order_page(client, english_buyers_order):
    english_buyers_order.set_status("Paid")
    english_buyers_order.set_status("Being processed")
    html = client.get(f"/en/accounts/orders/{english_buyers_order.number}/").content.decode()
    assert "Being prepared" in html
    assert "Being processed" not in html


def test_a_guest_sees_the_status_label_on_the_order_status_page(client, anise_oil):
    checkout(client, anise_oil, prefix="/en")
    order = Order.objects.get()
    with translation.override("en"):
        url = reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    session = client.session
    session["anon_order_email"] = "hoa@example.com"  # Oscar asks the guest for it first
    session.save()
    html = client.get(url).content.decode()
    assert "Awaiting your confirmation" in html
    assert "<p>Awaiting confirmation</p>" not in html
