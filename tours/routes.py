"""What an experience page's routes answer: seats put in the shop's basket, and a session as an
iCalendar file. The page (tours.models) looks its sessions up; nothing here imports it."""

import datetime

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from oscar.core.loading import get_class

basket_addition = get_class("basket.signals", "basket_addition")


def book_seats(request, page, session_id):
    """Add the chosen number of seats to the basket, the same basket as the shop's."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    session = page.get_session(session_id)
    back = f"{page.url}#session-{session.pk}"
    try:
        quantity = int(request.POST.get("quantity", "1"))
    except ValueError:
        quantity = 0
    if quantity < 1:
        messages.error(request, _("Choose how many seats to book."))
        return redirect(back)
    if session.product is None:
        messages.error(request, _("This session is no longer offered."))
        return redirect(back)
    info = request.strategy.fetch_for_product(session.product)
    allowed, reason = info.availability.is_purchase_permitted(quantity)
    if allowed:
        in_basket = request.basket.line_quantity(session.product, info.stockrecord)
        allowed, reason = info.availability.is_purchase_permitted(quantity + in_basket)
        if allowed:
            allowed, reason = request.basket.is_quantity_allowed(quantity)
    if not allowed:
        messages.error(request, reason)
        return redirect(back)
    request.basket.add_product(session.product, quantity)
    basket_addition.send(
        sender=book_seats, product=session.product, user=request.user, request=request
    )
    messages.success(
        request,
        ngettext(
            "%(seats)d seat for “%(title)s” is in your basket.",
            "%(seats)d seats for “%(title)s” are in your basket.",
            quantity,
        )
        % {"seats": quantity, "title": session.product.get_title()},
    )
    return redirect("basket:summary")


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    data = line.encode()
    pieces, limit = [], 75
    while len(data) > limit:
        cut = limit
        while (data[cut] & 0xC0) == 0x80:  # a continuation byte: step back to the start
            cut -= 1
        pieces.append(data[:cut])
        data = data[cut:]
        limit = 74  # later lines begin with a space
    pieces.append(data)
    return b"\r\n ".join(pieces).decode()


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(request, page, session):
    """The session as an RFC 5545 calendar with one VEVENT, lines folded and ending in CRLF."""
    url = page.get_full_url(request)
    host = request.get_host().split(":")[0] or "langnghe"
    description = page.introduction
    if page.local_host:
        description = f"{description}\n{page.local_host.title}".strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Lang nghe Lang Son//Experiences//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:experience-session-{session.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(session.starts_at)}",
        f"DTEND:{_utc(session.local_end)}",
        f"SUMMARY:{_escape(page.title)}",
        f"LOCATION:{_escape(page.meeting_point)}",
    ]
    if page.has_position:
        lines.append(f"GEO:{float(page.latitude):.6f};{float(page.longitude):.6f}")
    lines += [
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def calendar_response(request, page, session_id):
    session = page.get_session(session_id)
    response = HttpResponse(
        calendar_text(request, page, session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-{session.pk}.ics"'
    return response
