"""The buyer's e-mails about an order, written in the language the order was placed in.

The confirmation of a bank transfer order carries the VietQR code as an inline PNG (`cid:`),
which mail clients show without loading anything from the web.
"""

import logging
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from oscar.apps.communication.utils import Dispatcher
from oscar.apps.order.utils import OrderDispatcher
from wagtail.models import Site

from catalogue import qr
from pages.memo import memo_scope
from pages.models import SiteSettings
from pages.translated import in_language

from . import holds, payment, statuses, tracking, vietqr
from .models import language_of

logger = logging.getLogger("oscar.checkout")

ORDER_PLACED = "ORDER_PLACED"
ORDER_SHIPPED = "ORDER_SHIPPED"
ORDER_CANCELLED = "ORDER_CANCELLED"
# Why `cancel_unpaid_orders` cancelled an order, by the status it was waiting in.
CANCELLED_BECAUSE = {
    statuses.AWAITING_CONFIRMATION: _(
        "Nobody confirmed it in time from the link in our order e-mail."
    ),
    statuses.AWAITING_TRANSFER: _("Your bank transfer did not reach us in time."),
    statuses.AWAITING_PAYMENT: _("The payment through VNPay was not completed."),
}


class InlineImageDispatcher(Dispatcher):
    """Oscar's dispatcher, but images with a Content-ID are shown inside the HTML body."""

    def send_email_messages(self, recipient_email, messages, from_email=None, attachments=None):
        content, files = self.prepare_attachments(attachments)
        email_class = EmailMultiAlternatives if messages["html"] else EmailMessage
        email = email_class(
            messages["subject"],
            messages["body"],
            from_email=from_email or settings.OSCAR_FROM_EMAIL,
            to=[recipient_email],
            attachments=content,
        )
        if messages["html"]:
            email.attach_alternative(messages["html"], "text/html")
            if any(isinstance(item, MIMEImage) and item["Content-ID"] for item in content):
                # multipart/related: the text/HTML alternatives, then the images they show.
                email.mixed_subtype = "related"
        for path in files:
            email.attach_file(path)
        self.logger.info("Sending email to %s", recipient_email)
        if self.mail_connection:
            self.mail_connection.send_messages([email])
        else:
            email.send()
        return email


def dispatcher():
    order_dispatcher = OrderDispatcher(logger=logger)
    order_dispatcher.dispatcher = InlineImageDispatcher(logger=logger)
    return order_dispatcher


def payment_method(order):
    """The code of the way the buyer chose to pay (the order's payment source)."""
    source = order.sources.select_related("source_type").first()
    return source.source_type.code if source else ""


def status_path(order):
    try:
        if order.user_id:
            return reverse("customer:order", kwargs={"order_number": order.number})
        return tracking.follow_path(order)
    except NoReverseMatch:
        return ""


def vietqr_image(order):
    """The order's VietQR code as a PNG to show inline, with the content id the HTML uses."""
    text = vietqr.for_order(order.number, order.total_incl_tax)
    image = MIMEImage(qr.png(text, scale=6), "png")
    content_id = f"vietqr-{order.number}@langnghe"
    image.add_header("Content-ID", f"<{content_id}>")
    image.add_header("Content-Disposition", "inline", filename=f"vietqr-{order.number}.png")
    return image, content_id


def brand():
    """The site's name in the active language (the e-mail's), as the site's settings write it;
    the pages' header shows the same (pages.context_processors.site_name)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.OSCAR_SHOP_NAME
    return in_language(SiteSettings.for_site(site), "brand").text or settings.OSCAR_SHOP_NAME


def order_context(order, **extra):
    method = payment_method(order)
    return {
        "order": order,
        "lines": order.lines.all(),
        "shop_name": brand(),
        "status_label": statuses.label(order.status),
        "status_path": status_path(order),
        "status_url": status_path(order),
        "payment_method": method,
        "payment_method_name": payment.NAMES.get(method, ""),
        **extra,
    }


def send_order_placed(order, request=None, user=None):
    """The order confirmation: lines, VND totals, delivery address, how to pay."""
    attachments = []
    with translation.override(language_of(order)), memo_scope():
        context = order_context(order, request=request, user=user)
        if order.status == statuses.AWAITING_CONFIRMATION:
            context["confirm_path"] = holds.confirmation_path(order)
            context["confirm_hours"] = settings.SHOP_UNCONFIRMED_ORDER_HOURS
        if order.status == payment.AWAITING_TRANSFER and vietqr.is_configured():
            image, content_id = vietqr_image(order)
            attachments.append(image)
            context["vietqr"] = {
                "content_id": content_id,
                "bank_bin": settings.VIETQR_BANK_BIN,
                "account_number": settings.VIETQR_ACCOUNT_NUMBER,
                "account_name": settings.VIETQR_ACCOUNT_NAME,
                "message": vietqr.order_message(order.number),
            }
        sender = dispatcher()
        messages = sender.dispatcher.get_messages(ORDER_PLACED, context)
        sender.dispatch_order_messages(order, messages, ORDER_PLACED, attachments=attachments)


def send_order_cancelled(order):
    """Tell the buyer the unpaid-order job cancelled the order, and why."""
    change = order.status_changes.filter(new_status=statuses.CANCELLED).order_by("-pk").first()
    with translation.override(language_of(order)), memo_scope():
        context = order_context(
            order, reason=CANCELLED_BECAUSE.get(change.old_status if change else "", "")
        )
        sender = dispatcher()
        messages = sender.dispatcher.get_messages(ORDER_CANCELLED, context)
        sender.dispatch_order_messages(order, messages, ORDER_CANCELLED)


def tracking_details(notes):
    """The tracking number (first line of the event's notes) and the carrier (second), if any."""
    parts = [part.strip() for part in (notes or "").strip().splitlines() if part.strip()]
    return (parts[0] if parts else ""), (parts[1] if len(parts) > 1 else "")


def send_order_shipped(event):
    """Tell the buyer which items left, with the tracking number and the carrier if known."""
    order = event.order
    if not order.email:
        return
    tracking_number, carrier = tracking_details(event.notes)
    shipped = [
        (quantity.line, quantity.quantity)
        for quantity in event.line_quantities.select_related("line").order_by("line_id")
    ]
    if not shipped:
        # Oscar adds the lines after the event: outside a transaction they are not there yet.
        logger.warning(
            "Shipping event %s of order %s has no lines: record it inside a transaction "
            "(checkout.fulfilment.mark_shipped does); no e-mail sent.",
            event.pk,
            order.number,
        )
        return
    remaining = [
        line for line in order.lines.all() if not line.has_shipping_event_occurred(event.event_type)
    ]
    with translation.override(language_of(order)), memo_scope():
        context = order_context(
            order,
            event=event,
            shipped_lines=shipped,
            remaining_lines=remaining,
            tracking_number=tracking_number,
            carrier=carrier,
        )
        sender = dispatcher()
        messages = sender.dispatcher.get_messages(ORDER_SHIPPED, context)
        sender.dispatch_order_messages(order, messages, ORDER_SHIPPED)
