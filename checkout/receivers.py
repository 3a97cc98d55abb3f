"""What staff changing an order's status does to its payment and stock; shipping e-mails."""

import logging
from functools import partial

from django.db import transaction
from django.db.models import Sum
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from . import fulfilment, payment, tasks

logger = logging.getLogger("checkout")

EventHandler = get_class("order.processing", "EventHandler")
Order = get_model("order", "Order")
PaymentEventType = get_model("order", "PaymentEventType")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")


@receiver(order_status_changed, dispatch_uid="checkout.order_status_changed")
def on_status_changed(sender, order, old_status, new_status, **kwargs):
    if new_status == payment.PAID:
        record_payment(order)
    elif new_status == payment.CANCELLED:
        release_stock(order)


def record_payment(order):
    """Staff saw the transfer arrive: the order's sources are debited, once."""
    for source in order.sources.all():
        if source.balance > 0:
            source.debit(source.balance, reference=order.number)
    event_type, _created = PaymentEventType.objects.get_or_create(name=payment.PAID)
    if not order.payment_events.filter(event_type=event_type).exists():
        order.payment_events.create(event_type=event_type, amount=order.total_incl_tax)


LATE_PAYMENT = "Paid after cancellation"


def record_late_payment(order, reference):
    """VNPay took the money for an order already cancelled: the payment is recorded, once, and
    staff are told, on the order, to refund the buyer or reinstate the order. Returns True the
    first time."""
    event_type, _created = PaymentEventType.objects.get_or_create(name=LATE_PAYMENT)
    if order.payment_events.filter(event_type=event_type).exists():
        return False
    order.sources.update(reference=reference)
    for source in order.sources.all():
        if source.balance > 0:
            source.debit(source.balance, reference=reference)
    order.payment_events.create(
        event_type=event_type, amount=order.total_incl_tax, reference=reference
    )
    order.notes.create(
        note_type="System",
        message=_(
            "VNPay took %(amount)s (transaction %(reference)s) after this order was "
            "cancelled: refund the buyer, or reinstate the order if its goods are still there."
        )
        % {"amount": currency(order.total_incl_tax, order.currency), "reference": reference},
    )
    logger.warning("Order %s was paid after it was cancelled: refund or reinstate", order.number)
    return True


def record_payment_to_review(order, reference, params):
    """VNPay took the money but flags the transaction (suspected fraud, not settled): the order
    waits "Under review", its stock still held and nothing debited, never cancelled for being
    unpaid, until staff check it with VNPay and set it "Paid" or cancel it and refund."""
    order.sources.update(reference=reference)
    order.set_status(payment.UNDER_REVIEW)
    order.notes.create(
        note_type="System",
        message=_(
            "VNPay took %(amount)s (transaction %(reference)s) but flagged the payment for a "
            "check (response code %(code)s, transaction status %(status)s). Check it with VNPay "
            "before anything ships, then set the order to “Paid”, or cancel it and refund the "
            "buyer."
        )
        % {
            "amount": currency(order.total_incl_tax, order.currency),
            "reference": reference,
            "code": params.get("vnp_ResponseCode", ""),
            "status": params.get("vnp_TransactionStatus", ""),
        },
    )
    logger.warning("VNPay flagged the payment of order %s: under review", order.number)


def release_stock(order):
    """A cancelled order gives back, once per line, the units it still holds: never units that
    shipped, never twice (what was given back is recorded as a "released" event per line)."""
    shipped, released = fulfilment.shipped_event_type(), fulfilment.released_event_type()
    with transaction.atomic():
        # Two cancellations at once queue here, and the second finds nothing left to give back.
        Order.objects.select_for_update().filter(pk=order.pk).first()
        gone = dict(  # {line id: units shipped or already given back}, in one query
            ShippingEventQuantity.objects.filter(
                line__order=order, event__event_type__in=[shipped, released]
            )
            .values("line_id")
            .annotate(total=Sum("quantity"))
            .values_list("line_id", "total")
        )
        lines, quantities = [], []
        for line in order.lines.select_related("stockrecord"):
            held = line.quantity - gone.get(line.pk, 0)
            if held > 0 and line.stockrecord_id:
                lines.append(line)
                quantities.append(held)
        if not lines:
            return
        handler = EventHandler()
        handler.cancel_stock_allocations(order, lines, quantities)
        handler.create_shipping_event(order, released, lines, quantities, reference=order.number)


@receiver(post_save, sender=ShippingEvent, dispatch_uid="checkout.shipping_event_saved")
def on_shipping_event(sender, instance, created, **kwargs):
    """Lines shipped: the buyer hears of it once the event and its lines are committed."""
    if created and instance.event_type.code == fulfilment.SHIPPED:
        transaction.on_commit(partial(tasks.send_later, tasks.SHIPPED, instance.pk))
