"""What an experience page's routes answer: seats put in the shop's basket, and a session as an
iCalendar file. The page (tours.models) looks its sessions up; nothing here imports it."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from oscar.core.loading import get_class

from pages.icalendar import calendar_host, one_event

from .party import BookingForm

basket_addition = get_class("basket.signals", "basket_addition")


def book_seats(request, page, session_id):
    """The party's details (size, names, lead guest's phone, language), then its seats in the
    basket, the same basket as the shop's. The session list's "Book" opens the form with the
    number of guests chosen; the form's own submission adds the seats."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    session = page.get_session(session_id)
    back = f"{page.url}#session-{session.pk}"
    if session.product is None:
        messages.error(request, _("This session is no longer offered."))
        return redirect(back)
    info = request.strategy.fetch_for_product(session.product)
    in_basket = request.basket.line_quantity(session.product, info.stockrecord)
    seats_left = max(0, session.seats_left - in_basket)
    if "lead_phone" not in request.POST:
        try:
            quantity = int(request.POST.get("quantity", ""))
        except ValueError:
            quantity = page.group_min
        allowed, reason = info.availability.is_purchase_permitted(max(quantity, 1) + in_basket)
        if not allowed:
            messages.error(request, reason)
            return redirect(back)
        form = BookingForm(initial={"quantity": quantity}, page=page, seats_left=seats_left)
        return booking_form(request, page, session, form)
    form = BookingForm(request.POST, page=page, seats_left=seats_left)
    if not form.is_valid():
        return booking_form(request, page, session, form)
    quantity = form.cleaned_data["quantity"]
    allowed, reason = info.availability.is_purchase_permitted(quantity + in_basket)
    if allowed:
        allowed, reason = request.basket.is_quantity_allowed(quantity)
    if not allowed:
        form.add_error("quantity", reason)
        return booking_form(request, page, session, form)
    request.basket.add_product(session.product, quantity, options=form.as_options())
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


def booking_form(request, page, session, form):
    context = page.get_context(request)
    context.update(session=session, form=form, page=page, self=page)
    return TemplateResponse(request, "tours/booking_form.html", context, status=200)


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
