"""What an experience page's routes answer: seats put in the shop's basket, and a session as an
iCalendar file. The page (tours.models) looks its sessions up; nothing here imports it."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from oscar.core.loading import get_class

from pages.icalendar import calendar_host, one_event

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


def calendar_text(request, page, session):
    """The session as an RFC 5545 calendar with one VEVENT."""
    description = page.introduction
    if page.local_host:
        description = f"{description}\n{page.local_host.title}".strip()
    return one_event(
        product="Experiences",
        uid=f"experience-session-{session.pk}@{calendar_host(request)}",
        starts=session.starts_at,
        ends=session.local_end,
        title=page.title,
        place=page.meeting_point,
        description=description,
        url=page.get_full_url(request),
        position=(page.latitude, page.longitude) if page.has_position else None,
    )


def calendar_response(request, page, session_id):
    session = page.get_session(session_id)
    response = HttpResponse(
        calendar_text(request, page, session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-{session.pk}.ics"'
    return response
