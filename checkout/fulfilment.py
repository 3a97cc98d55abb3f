"""Shipping an order's lines: one Oscar shipping event of type "shipped" with its tracking number.

Producers (or staff) call `mark_shipped`; a receiver e-mails the buyer once the event is saved.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from oscar.apps.order.exceptions import InvalidShippingEvent
from oscar.core.loading import get_class, get_model

from . import statuses

EventHandler = get_class("order.processing", "EventHandler")
ShippingEventType = get_model("order", "ShippingEventType")

SHIPPED = "shipped"  # the code of the shipping event type
# Units of a cancelled order given back to stock, per line (checkout/receivers.py).
RELEASED = "released"
NOT_SHIPPABLE = {
    statuses.AWAITING_CONFIRMATION,
    statuses.AWAITING_TRANSFER,
    statuses.AWAITING_PAYMENT,
    statuses.UNDER_REVIEW,
    statuses.CANCELLED,
}


def shipped_event_type():
    event_type, _created = ShippingEventType.objects.get_or_create(
        code=SHIPPED, defaults={"name": "Shipped"}
    )
    return event_type


def released_event_type():
    event_type, _created = ShippingEventType.objects.get_or_create(
        code=RELEASED, defaults={"name": "Released to stock"}
    )
    return event_type


def event_notes(tracking_number, carrier=""):
    """What the event's notes hold: the tracking number, then the carrier on a second line."""
    return "\n".join(part for part in (tracking_number.strip(), carrier.strip()) if part)


def mark_shipped(order, lines, tracking_number, user=None, carrier=""):
    """Record that `lines` (all their units not shipped yet) left with `tracking_number`.

    The lines become "Shipped", and the order too once every line is. An order still awaiting
    its payment, or cancelled, cannot ship. Returns the shipping event.
    """
    if order.status in NOT_SHIPPABLE:
        raise InvalidShippingEvent(
            _("Order %(number)s cannot ship while it is “%(status)s”.")
            % {"number": order.number, "status": statuses.label(order.status)}
        )
    event_type = shipped_event_type()
    with transaction.atomic():
        to_ship = [
            (line, line.quantity - line.shipping_event_quantity(event_type)) for line in lines
        ]
        to_ship = [(line, quantity) for line, quantity in to_ship if quantity > 0]
        if not to_ship:
            raise InvalidShippingEvent(_("These items have already shipped."))
        handler = EventHandler(user)
        event = handler.handle_shipping_event(
            order,
            event_type,
            [line for line, _quantity in to_ship],
            [quantity for _line, quantity in to_ship],
            reference=event_notes(tracking_number, carrier),
        )
        # The units left the producer: no longer held, no longer in stock.
        handler.consume_stock_allocations(
            order, [line for line, _quantity in to_ship], [quantity for _line, quantity in to_ship]
        )
        for line, _quantity in to_ship:
            if statuses.SHIPPED in line.available_statuses():
                line.set_status(statuses.SHIPPED)
        everything_shipped = all(
            line.has_shipping_event_occurred(event_type) for line in order.lines.all()
        )
        if everything_shipped and statuses.SHIPPED in order.available_statuses():
            handler.handle_order_status_change(order, statuses.SHIPPED)
    return event
