import datetime
from functools import partial

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from oscar.core.loading import get_model

from checkout import holds, payment, tasks

Order = get_model("order", "Order")


class Command(BaseCommand):
    help = (
        "Cancel VNPay orders left unpaid (the buyer abandoned the gateway), bank transfers never "
        "received and guests' cash-on-delivery orders nobody confirmed, giving their stock back "
        "and telling the buyer. Run it from cron, e.g. every 15 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--vnpay-minutes",
            type=int,
            default=60,
            help="VNPay orders still awaiting payment after this many minutes (default 60).",
        )
        parser.add_argument(
            "--transfer-days",
            type=int,
            default=3,
            help="Bank transfers still awaited after this many days (default 3).",
        )
        parser.add_argument(
            "--confirmation-hours",
            type=int,
            default=settings.SHOP_UNCONFIRMED_ORDER_HOURS,
            help="Cash-on-delivery orders still unconfirmed after this many hours (default "
            "SHOP_UNCONFIRMED_ORDER_HOURS, %(default)s); the order e-mail names the setting's.",
        )

    def handle(self, *args, vnpay_minutes, transfer_days, confirmation_hours, **options):
        if min(vnpay_minutes, transfer_days, confirmation_hours) < 1:
            raise CommandError("Every delay must be at least 1.")
        now = timezone.now()
        stale = [
            (payment.AWAITING_PAYMENT, now - datetime.timedelta(minutes=vnpay_minutes)),
            (payment.AWAITING_TRANSFER, now - datetime.timedelta(days=transfer_days)),
            (payment.AWAITING_CONFIRMATION, now - datetime.timedelta(hours=confirmation_hours)),
        ]
        cancelled = 0
        for status, before in stale:
            for pk in stale_orders(status, before):
                cancelled += cancel_if_still(pk, status)
        self.stdout.write(f"Cancelled {cancelled} unpaid order(s); their stock is released.")


def stale_orders(status, before):
    return list(
        Order.objects.filter(status=status, date_placed__lt=before).values_list("pk", flat=True)
    )


def cancel_if_still(pk, status):
    """Cancel the order only if, under its row lock, it is still unpaid: a payment or a
    confirmation that arrived since the list was made wins. The buyer is told once it commits.
    Returns 1 if it was cancelled."""
    if holds.move_if_still(pk, status, payment.CANCELLED) is None:
        return 0
    transaction.on_commit(partial(tasks.send_later, tasks.CANCELLED, pk))
    return 1
