"""`cancel_unpaid_orders`, run from cron, gives back the stock of orders nobody paid for."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest
from oscar.core.loading import get_model

from checkout import holds
from tests.checkout.conftest import checkout

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def placed_ago(order, **delta):
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(**delta)
    )


def run():
    out = io.StringIO()
    call_command("cancel_unpaid_orders", stdout=out)
    return out.getvalue()


def test_a_transfer_never_received_is_cancelled_after_three_days(client, anise_oil, bank_account):
    checkout(client, anise_oil, quantity=2, method="bank-transfer")
    order = Order.objects.get()
    stockrecord = anise_oil.stockrecords.get()
    assert stockrecord.num_allocated == 2
    placed_ago(order, days=3, minutes=1)
    assert "Cancelled 1 unpaid order" in run()
    order.refresh_from_db()
    stockrecord.refresh_from_db()
    assert order.status == "Cancelled"
    assert stockrecord.num_allocated == 0
    assert stockrecord.net_stock_level == 10


def test_recent_transfers_and_confirmed_cash_on_delivery_orders_are_kept(
    client, anise_oil, bank_account
):
    checkout(client, anise_oil, method="bank-transfer")
    checkout(client, anise_oil, method="cash-on-delivery")
    transfer, cash = Order.objects.order_by("pk")
    assert holds.confirm(cash)
    placed_ago(transfer, days=2)
    placed_ago(cash, days=30)
    assert "Cancelled 0 unpaid order" in run()
    assert set(Order.objects.values_list("status", flat=True)) == {"Awaiting transfer", "Pending"}
    assert anise_oil.stockrecords.get().num_allocated == 2


def test_delays_must_be_positive():
    with pytest.raises(CommandError):
        call_command("cancel_unpaid_orders", "--transfer-days", "0", stdout=io.StringIO())
