"""What staff changing an order's status does to its payment and stock; shipping e-mails."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_model

from . import emails, fulfilment, payment

PaymentEventType = get_model("order", "PaymentEventType")
ShippingEvent = get_model("order", "ShippingEvent")


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
    event_type, _ = PaymentEventType.objects.get_or_create(name=payment.PAID)
    if not order.payment_events.filter(event_type=event_type).exists():
        order.payment_events.create(event_type=event_type, amount=order.total_incl_tax)


def release_stock(order):
    """A cancelled order gives back the units it held for sale."""
    for line in order.lines.select_related("stockrecord"):
        if line.stockrecord and line.stockrecord.num_allocated:
            line.stockrecord.cancel_allocation(line.quantity)


@receiver(post_save, sender=ShippingEvent, dispatch_uid="checkout.shipping_event_saved")
def on_shipping_event(sender, instance, created, **kwargs):
    """Lines shipped: the buyer hears of it once the event and its lines are committed."""
    if created and instance.event_type.code == fulfilment.SHIPPED:
        transaction.on_commit(lambda: emails.send_order_shipped(instance))
