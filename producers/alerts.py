"""Alerts to producers: a new order, a cancellation, a workshop booked (and its cancellation),
stock running low. Written in the transaction that caused them (never lost if it commits, gone
if it rolls back), delivered after the commit by the notifications task; a fault here is logged
and never fails the order."""

import functools
import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from oscar.templatetags.currency_filters import currency

from notifications.tasks import queue
from tours.booking import EXPERIENCE_CLASS
from tours.booking import is_ticket as is_ticket_product

from .models import AlertSettings

logger = logging.getLogger("producers")

NEW_ORDER, CANCELLATION, BOOKING, BOOKING_CANCELLED, LOW_STOCK = (
    "new_order",
    "cancellation",
    "booking",
    "booking_cancelled",
    "low_stock",
)
# Which setting turns each alert on.
WANTED_BY = {
    NEW_ORDER: "new_order",
    CANCELLATION: "cancellation",
    BOOKING: "booking",
    BOOKING_CANCELLED: "booking",
    LOW_STOCK: "low_stock",
}


def settings_of(producer):
    try:
        return producer.alert_settings
    except AlertSettings.DoesNotExist:
        return AlertSettings(producer=producer)


def safely(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            with transaction.atomic():
                function(*args, **kwargs)
        except Exception:  # noqa: BLE001 - an alert is never worth an order
            logger.exception("Alert %s could not be written", function.__name__)

    return wrapper


def recipients(producer, chosen):
    """(channel, address) pairs for `producer`'s chosen channels."""
    email = chosen.email or producer.email
    if not email:
        email = next((u.email for u in producer.users.order_by("pk") if u.email), "")
    phone = str(chosen.phone or producer.phone or "")
    pairs = []
    configured = getattr(settings, "NOTIFICATION_BACKENDS", {})
    if chosen.by_email and email and "email" in configured:
        pairs.append(("email", email))
    for channel, wanted in (("sms", chosen.by_sms), ("zalo", chosen.by_zalo)):
        if wanted and phone and channel in configured:
            pairs.append((channel, phone))
    return pairs


def tell(producer, kind, subject, text):
    chosen = settings_of(producer)
    if not getattr(chosen, WANTED_BY[kind]):
        return
    for channel, address in recipients(producer, chosen):
        queue(channel, address, text, subject=subject, owner=producer)


def site_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def is_ticket(line):
    """A workshop ticket: an order line of an experience product (tours/booking.py)."""
    return line.product is not None and is_ticket_product(line.product)


def lines_by_producer(order):
    grouped = {}
    for line in order.lines.select_related("partner", "product__product_class"):
        if line.partner_id:
            grouped.setdefault(line.partner, []).append(line)
    return grouped


def _items(lines):
    return ", ".join(f"{line.quantity} × {line.title}" for line in lines)


def _order_alerts(order, cancelled):
    from checkout.payment import NAMES

    source = order.sources.select_related("source_type").first()
    method = str(NAMES.get(source.source_type.code, "")) if source else ""
    for producer, lines in lines_by_producer(order).items():
        tickets = [line for line in lines if is_ticket(line)]
        goods = [line for line in lines if not is_ticket(line)]
        with translation.override(settings.LANGUAGE_CODE):
            url = site_url("producer:order-detail", order.number)
            for kind_lines, kind in ((goods, "goods"), (tickets, "tickets")):
                if not kind_lines:
                    continue
                values = {
                    "number": order.number,
                    "items": _items(kind_lines),
                    "total": currency(sum(line.line_price_incl_tax for line in kind_lines), "VND"),
                    "payment": method,
                    "url": url,
                }
                if kind == "goods" and not cancelled:
                    alert = NEW_ORDER
                    subject = _("New order %(number)s") % values
                    text = _("New order %(number)s: %(items)s, %(total)s (%(payment)s). %(url)s")
                elif kind == "goods":
                    alert = CANCELLATION
                    subject = _("Order %(number)s cancelled") % values
                    text = _("Order %(number)s was cancelled: %(items)s. %(url)s")
                elif not cancelled:
                    alert = BOOKING
                    subject = _("New workshop booking %(number)s") % values
                    text = _(
                        "New workshop booking %(number)s: %(items)s, %(total)s (%(payment)s). "
                        "%(url)s"
                    )
                else:
                    alert = BOOKING_CANCELLED
                    subject = _("Workshop booking %(number)s cancelled") % values
                    text = _("Workshop booking %(number)s was cancelled: %(items)s. %(url)s")
                tell(producer, alert, subject, text % values)


@safely
def order_placed(order):
    _order_alerts(order, cancelled=False)


@safely
def order_cancelled(order):
    _order_alerts(order, cancelled=True)


@safely
def booking_cancelled(order, booking):
    """One workshop booking of an order that goes on was cancelled by its guest."""
    partner = booking.line.partner
    if partner is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "number": order.number,
            "items": f"{booking.party_size} × {booking.line.title}",
            "url": site_url("producer:order-detail", order.number),
        }
        tell(
            partner,
            BOOKING_CANCELLED,
            _("Workshop booking %(number)s cancelled") % values,
            _("Workshop booking %(number)s was cancelled: %(items)s. %(url)s") % values,
        )


@safely
def stock_low(stockrecord):
    product = stockrecord.product
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "product": product.get_title(),
            "left": max(stockrecord.net_stock_level, 0),
            "url": site_url("producer:product-edit", product.pk),
        }
        tell(
            stockrecord.partner,
            LOW_STOCK,
            _("Stock running low: %(product)s") % values,
            _("Stock running low: %(product)s, %(left)s left to sell. %(url)s") % values,
        )


def low_stock_level(stockrecord):
    """The level below which `stockrecord` is low, as its producer chose (None: no alert)."""
    if not stockrecord.partner_id or stockrecord.product_id is None:
        return stockrecord.low_stock_threshold
    product_class = stockrecord.product.get_product_class()
    if product_class is not None and product_class.slug == EXPERIENCE_CLASS:
        return stockrecord.low_stock_threshold
    chosen = settings_of(stockrecord.partner)
    return chosen.low_stock_level if chosen.low_stock else None
