"""Bookings of a workshop session: the party's details (party.py) carried from the basket line to
the order line and its booking, the e-ticket and its signed cancellation link, the refund the
experience's policy allows, and the reminder the day before."""

import datetime
import logging
import secrets

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_class, get_model

from checkout import statuses

from . import signals
from .models import Booking, BookingGuest, ExperienceSession
from .party import GUESTS_OPTION, LANGUAGE_OPTION, PHONE_OPTION

logger = logging.getLogger("tours")

Order = get_model("order", "Order")
EventHandler = get_class("order.processing", "EventHandler")

TICKET_SALT = "tours.tickets.ticket"
# A short code the host reads out or types: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
# Reminders go to sessions starting within this many hours (a daily job: "the day before").
REMIND_WITHIN_HOURS = 36


# --- From the order to the bookings ------------------------------------------------------------


def new_code():
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Booking.objects.filter(code=code).exists():
            return code


def on_order_placed(sender, order, **kwargs):
    create_bookings(order)


def create_bookings(order):
    """A booking for each ticket line of a newly placed order, with its party (once)."""
    for line in order.lines.filter(booking__isnull=True):
        session = ExperienceSession.objects.filter(product_id=line.product_id).first()
        if session is None:
            continue
        details = {
            attribute.option.code: attribute.value
            for attribute in line.attributes.select_related("option")
            if attribute.option_id
        }
        booking = Booking.objects.create(
            line=line,
            session=session,
            code=new_code(),
            party_size=line.quantity,
            lead_phone=str(details.get(PHONE_OPTION, ""))[:20],
            language=details.get(LANGUAGE_OPTION) or translation.get_language() or "vi",
        )
        guests = details.get(GUESTS_OPTION, [])
        names = (
            [str(name) for name in guests if name][: line.quantity]
            if isinstance(guests, list)
            else []
        )
        names += [""] * (line.quantity - len(names))
        BookingGuest.objects.bulk_create(
            BookingGuest(booking=booking, position=number, name=name[:100])
            for number, name in enumerate(names)
        )


# --- The e-ticket and its cancellation ---------------------------------------------------------


def ticket_token(booking):
    return signing.Signer(salt=TICKET_SALT).sign(booking.code)


def ticket_path(booking):
    """The guest's e-ticket (in the active language), where the booking is also cancelled."""
    return reverse("tours:ticket", kwargs={"token": ticket_token(booking)})


def booking_from_token(token):
    """The booking a ticket link was made for; None for a link we did not sign."""
    try:
        code = signing.Signer(salt=TICKET_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (
        Booking.objects.select_related("line__order", "session__experience")
        .filter(code=code)
        .first()
    )


def is_paid(booking):
    """Paid online or by a transfer staff saw arrive (not what the host collects on the day)."""
    order = booking.line.order
    if order.status == statuses.PAID:
        return True
    return order.payment_events.filter(event_type__name=statuses.PAID).exists()


def free_until(booking):
    hours = booking.session.experience.free_cancellation_hours
    return booking.session.starts_at - datetime.timedelta(hours=hours)


def refund_if_cancelled_now(booking, now=None):
    """What cancelling now gives back under the policy: the line's price in full within the free
    window if it was paid, else nothing."""
    now = now or timezone.now()
    if not is_paid(booking) or now > free_until(booking):
        return 0
    return booking.line.line_price_incl_tax


def can_cancel(booking):
    return not booking.is_cancelled and not booking.session.has_started


class CannotCancel(Exception):
    pass


def cancel(booking):
    """The guest cancels: the seats go back on sale at once, the refund is recorded; the order
    is cancelled (and the host told, by the order's alerts) once all its lines are."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=booking.line.order_id)
        booking = (
            Booking.objects.select_for_update().select_related("line", "session").get(pk=booking.pk)
        )
        if not can_cancel(booking):
            raise CannotCancel
        booking.cancelled_at = timezone.now()
        booking.refund = refund_if_cancelled_now(booking, booking.cancelled_at)
        booking.save(update_fields=["cancelled_at", "refund"])
        others = order.lines.exclude(pk=booking.line_id).exclude(
            booking__cancelled_at__isnull=False
        )
        if others.exists():
            release_line(order, booking.line)
            signals.booking_cancelled.send(sender=Booking, order=order, booking=booking)
        else:
            # Releases the stock and tells the host (checkout and producers receivers).
            try:
                order.set_status(statuses.CANCELLED)
            except InvalidOrderStatus:
                release_line(order, booking.line)
                signals.booking_cancelled.send(sender=Booking, order=order, booking=booking)
        if booking.refund:
            order.notes.create(
                note_type="System",
                message=f"Booking {booking.code} cancelled by the guest within the free window: "
                f"refund {booking.refund} VND.",
            )
    return booking


def release_line(order, line):
    """The seats of one cancelled ticket line, given back once (a "released" event)."""
    from checkout import fulfilment

    released = fulfilment.released_event_type()
    if line.shipping_event_quantity(released) >= line.quantity:
        return
    handler = EventHandler()
    handler.cancel_stock_allocations(order, [line], [line.quantity])
    handler.create_shipping_event(order, released, [line], [line.quantity], reference=order.number)


# --- The reminder the day before ---------------------------------------------------------------


def due_reminders(now=None):
    now = now or timezone.now()
    return Booking.objects.filter(
        reminded_at__isnull=True,
        cancelled_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + datetime.timedelta(hours=REMIND_WITHIN_HOURS),
    ).exclude(line__order__status=statuses.CANCELLED)


def send_reminders(now=None):
    """E-mail each booking whose session is near, once: a booking is claimed by setting its
    `reminded_at` before its e-mail goes, so two runs at once never both send it."""
    now = now or timezone.now()
    sent = 0
    for pk in list(due_reminders(now).values_list("pk", flat=True)):
        if not Booking.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now):
            continue
        booking = Booking.objects.select_related("line__order", "session__experience").get(pk=pk)
        try:
            send_reminder(booking)
        except Exception:  # noqa: BLE001 - one failed e-mail must not stop the others
            Booking.objects.filter(pk=pk).update(reminded_at=None)  # tried again next run
            logger.exception("The reminder of booking %s could not be sent", booking.code)
            continue
        sent += 1
    return sent


def send_reminder(booking):
    order = booking.line.order
    address = order.guest_email or (order.user.email if order.user_id else "")
    if not address:
        return
    with translation.override(booking.language):
        page = booking.session.experience
        local = (
            page.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=booking.language)
            .specific()
            .first()
        )
        context = {
            "booking": booking,
            "session": booking.session,
            "page": local or page,
            "ticket_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + ticket_path(booking),
        }
        subject = translation.gettext("Tomorrow: %(title)s") % {"title": context["page"].title}
        body = render_to_string("tours/emails/reminder.txt", context)
    send_mail(subject, body, None, [address])
