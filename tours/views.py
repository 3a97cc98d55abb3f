"""The guest's e-ticket (QR code and short code for the host) and its self-service cancellation,
reached through a signed link: no account needed."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from oscar.templatetags.currency_filters import currency

from catalogue import qr

from . import tickets


class TicketView(TemplateView):
    template_name = "tours/ticket.html"

    def dispatch(self, request, token):
        self.booking = tickets.booking_from_token(token)
        if self.booking is None:
            raise Http404
        self.token = token
        return super().dispatch(request, token)

    def get_context_data(self, **kwargs):
        booking = self.booking
        page = booking.session.experience.localized
        scan_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "producer:booking-scan", args=[booking.code]
        )
        return super().get_context_data(
            booking=booking,
            session=booking.session,
            page=page,
            guests=booking.guests.all(),
            qr_code=mark_safe(qr.svg_inline(scan_url, scale=5)),  # noqa: S308 - segno's own SVG
            can_cancel=tickets.can_cancel(booking),
            refund=tickets.refund_if_cancelled_now(booking),
            paid=tickets.is_paid(booking),
            free_until=tickets.free_until(booking),
            **kwargs,
        )

    def post(self, request, token):
        try:
            booking = tickets.cancel(self.booking)
        except tickets.CannotCancel:
            messages.error(request, _("This booking can no longer be cancelled."))
            return redirect("tours:ticket", token=token)
        if booking.refund:
            messages.success(
                request,
                _("Booking cancelled: your seats are released and %(amount)s will be refunded.")
                % {"amount": currency(booking.refund, "VND")},
            )
        elif tickets.is_paid(booking):
            messages.success(
                request,
                _(
                    "Booking cancelled: your seats are released. It was cancelled after the free "
                    "cancellation window, so nothing is refunded."
                ),
            )
        else:
            messages.success(
                request, _("Booking cancelled: your seats are released. You had nothing to pay.")
            )
        return redirect("tours:ticket", token=token)
