"""What an order says about the craft-experience sessions it books."""

from django import template

from pages.base import active_locale
from tours import party
from tours.models import Booking, ExperiencePage, ExperienceSession

register = template.Library()


@register.simple_tag
def order_bookings(order):
    """The order's ticket lines, each with its session and the experience page in the visitor's
    language (`.page`, `.calendar_url`): three queries whatever their number."""
    lines = {line.product_id: line for line in order.lines.all() if line.product_id}
    sessions = list(
        ExperienceSession.objects.filter(product_id__in=lines)
        .select_related("experience")
        .order_by("starts_at")
    )
    if not sessions:
        return []
    local = {
        page.translation_key: page
        for page in ExperiencePage.objects.live().filter(
            locale=active_locale(),
            translation_key__in=[session.experience.translation_key for session in sessions],
        )
    }
    from tours.tickets import ticket_path

    booked = {booking.line_id: booking for booking in Booking.objects.filter(line__order=order)}
    bookings = []
    for session in sessions:
        page = local.get(session.experience.translation_key, session.experience)
        session.experience = page
        bookings.append(
            {
                "line": lines[session.product_id],
                "session": session,
                "page": page,
                "calendar_url": page.url + page.reverse_subpage("calendar", args=(session.pk,)),
                "ticket_url": ticket_path(booked[lines[session.product_id].pk])
                if lines[session.product_id].pk in booked
                else "",
            }
        )
    return bookings


@register.filter
def line_summary(line, show_phone=False):
    """`{{ line|line_summary }}`: a basket or order line in the visitor's language
    (`tours.party.line_summary`); the lead guest's phone only with `line_summary:True`."""
    return party.line_summary(line, show_phone) or line.description
