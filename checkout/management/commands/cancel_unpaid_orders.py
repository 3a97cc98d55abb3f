import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from oscar.core.loading import get_model

from checkout import payment

Order = get_model("order", "Order")


class Command(BaseCommand):
    help = (
        "Cancel VNPay orders left unpaid (the buyer abandoned the gateway) and bank transfers "
        "never received, giving their stock back. Run it from cron, e.g. every 15 minutes."
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

    def handle(self, *args, vnpay_minutes, transfer_days, **options):
        if vnpay_minutes < 1 or transfer_days < 1:
            raise CommandError("Both delays must be at least 1.")
        now = timezone.now()
        stale = [
            (payment.AWAITING_PAYMENT, now - datetime.timedelta(minutes=vnpay_minutes)),
            (payment.AWAITING_TRANSFER, now - datetime.timedelta(days=transfer_days)),
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
    """Cancel the order only if, under its row lock, it is still unpaid: a payment that arrived
    since the list was made wins. Returns 1 if it was cancelled."""
    with transaction.atomic():
        order = Order.objects.select_for_update().filter(pk=pk, status=status).first()
        if order is None:
            return 0
        order.set_status(payment.CANCELLED)
        return 1
