"""The signals alerts listen to: Oscar's order_placed (new orders and workshop bookings, whose
tickets are order lines of experience products), order_status_changed to Cancelled, a guest's
cancelled workshop booking in an order that goes on (tours), and Oscar's StockAlert opened when
a stock record falls below the producer's chosen level."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from oscar.apps.order.signals import order_placed, order_status_changed
from oscar.core.loading import get_model

from checkout.statuses import CANCELLED
from tours.signals import booking_cancelled

from . import alerts

StockAlert = get_model("partner", "StockAlert")
StockRecord = get_model("partner", "StockRecord")


@receiver(order_placed, dispatch_uid="producers.alerts.order_placed")
def on_order_placed(sender, order, **kwargs):
    alerts.order_placed(order)


@receiver(order_status_changed, dispatch_uid="producers.alerts.order_status_changed")
def on_order_status_changed(sender, order, old_status, new_status, **kwargs):
    if new_status == CANCELLED and old_status != CANCELLED:
        alerts.order_cancelled(order)


@receiver(booking_cancelled, dispatch_uid="producers.alerts.booking_cancelled")
def on_booking_cancelled(sender, order, booking, **kwargs):
    alerts.booking_cancelled(order, booking)


@receiver(pre_save, sender=StockRecord, dispatch_uid="producers.alerts.stock_level")
def set_low_stock_level(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.low_stock_threshold = alerts.low_stock_level(instance)


@receiver(post_save, sender=StockAlert, dispatch_uid="producers.alerts.stock_low")
def on_stock_low(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        alerts.stock_low(instance.stockrecord)
