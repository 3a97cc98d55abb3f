"""Experience sessions sold as shop tickets: their products, availability, booking and calendar."""

import datetime

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from oscar.apps.partner.availability import StockRequired, Unavailable
from oscar.core.loading import get_class, get_model

from checkout.statuses import CANCELLED

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductClass = get_model("catalogue", "ProductClass")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OrderLine = get_model("order", "Line")
basket_addition = get_class("basket.signals", "basket_addition")

EXPERIENCE_CLASS = "experience-session"
DCST_PARTNER = "dcst"
TITLE_FORMAT = "H:i, j/n/Y"


def experience_class():
    """The product class of experience tickets: nothing to ship, stock = seats."""
    product_class, _created = ProductClass.objects.get_or_create(
        slug=EXPERIENCE_CLASS,
        defaults={
            "name": "Vé buổi trải nghiệm",
            "requires_shipping": False,
            "track_stock": True,
        },
    )
    return product_class


def dcst_partner():
    """The Department of Culture, Sports and Tourism, seller of tickets no producer sells."""
    partner, _created = Partner.objects.get_or_create(
        code=DCST_PARTNER,
        defaults={
            "name": "Sở Văn hóa, Thể thao và Du lịch Lạng Sơn",
            "kind": Partner.Kind.COMPANY,
        },
    )
    return partner


def _ticket_title(page, session, code):
    with translation.override(code):
        return f"{page.title} · {date_format(session.local_start, TITLE_FORMAT)}"


@transaction.atomic
def sync_session_products(page):
    """Give each session of `page` its ticket product and stock record, up to date.

    Tickets of removed sessions keep their orders but cannot be bought any more.
    """
    from .models import ExperiencePage

    page = ExperiencePage.objects.get(pk=page.specific.schedule_page.pk)
    product_class = experience_class()
    partner = page.producer or dcst_partner()
    translations = {
        other.locale.language_code: other
        for other in page.get_translations().select_related("locale").specific()
    }
    prefix = ticket_upc(page, "")
    kept = []
    for session in page.sessions.all():
        session.experience = page
        upc = ticket_upc(page, session.pk)
        product = ticket_product(page, session) or Product(upc=upc)
        product.product_class = product_class
        product.structure = Product.STANDALONE
        product.is_public = False  # sold from the experience page, not listed in the shop
        product.title = _ticket_title(page, session, "vi")
        for code, field in (("en", "title_en"), ("zh-hans", "title_zh_hans")):
            other = translations.get(code)
            setattr(product, field, _ticket_title(other, session, code) if other else "")
        product.description = page.introduction
        product.is_sample = page.is_sample
        product.save()
        if page.hero_image_id and not product.images.exists():
            _picture(product, page)
        # Locked: a booking being placed right now must not be overwritten by this save.
        record = StockRecord.objects.select_for_update().filter(product=product).first()
        record = record or StockRecord(product=product, num_allocated=0)
        record.partner = partner
        record.partner_sku = upc
        record.price = page.price
        record.price_currency = "VND"
        record.num_in_stock = session.seats + record.num_allocated - seats_taken(product)
        record.save()
        if session.product_id != product.pk:
            type(session).objects.filter(pk=session.pk).update(product=product)
        kept.append(product.pk)
    StockRecord.objects.filter(product__upc__startswith=prefix).exclude(product__in=kept).update(
        num_in_stock=Coalesce(F("num_allocated"), 0)
    )


def ticket_upc(page, session_pk):
    return f"TN-{page.pk}-{session_pk}"


def ticket_product(page, session):
    """The ticket of a session of `page` (the page holding the sessions), or None.

    Found by its UPC as well as by the session's link, because publishing an older revision of
    the page can blank the link.
    """
    return session.product or Product.objects.filter(upc=ticket_upc(page, session.pk)).first()


def seats_taken(product):
    """Seats booked by orders that still stand, whether Oscar still holds them or has used them.

    Oscar takes fulfilled bookings off `num_in_stock`; counting orders rather than trusting the
    stock figure keeps them taken when an editor changes the number of seats and republishes.
    """
    if product.pk is None:
        return 0
    lines = OrderLine.objects.filter(product=product).exclude(order__status=CANCELLED)
    return lines.aggregate(total=Sum("quantity"))["total"] or 0


def seats_booked():
    """`seats_taken` of each session's ticket, as an expression to annotate sessions with."""
    lines = (
        OrderLine.objects.filter(product=OuterRef("product"))
        .exclude(order__status=CANCELLED)
        .values("product")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(lines), 0)


def _picture(product, page):
    """The experience's hero image as the ticket's picture, for the basket and the order."""
    original = page.hero_image.file
    try:
        with original.open("rb") as source:
            content = ContentFile(source.read(), name=original.name.rsplit("/", 1)[-1])
    except OSError:
        return  # a missing picture must not stop the tickets from going on sale
    ProductImage.objects.create(product=product, original=content, caption=page.title)


def on_page_published(sender, instance, **kwargs):
    from .models import ExperiencePage

    if isinstance(instance, ExperiencePage):
        sync_session_products(instance)


# --- availability, used by the shop's strategy (partner/strategy.py) ------------------------


class SessionClosed(Unavailable):
    """A session that has started, or is no longer offered."""

    def __init__(self, reason):
        self.message = self.reason = reason

    def is_purchase_permitted(self, quantity):
        return False, self.reason


class SeatsLeft(StockRequired):
    """A session's seats: bookable while some are left, in messages about seats."""

    def is_purchase_permitted(self, quantity):
        if self.num_available <= 0:
            return False, _("This session is full.")
        if quantity > self.num_available:
            return False, ngettext(
                "Only %(seats)d seat is left in this session.",
                "Only %(seats)d seats are left in this session.",
                self.num_available,
            ) % {"seats": self.num_available}
        return True, ""

    @property
    def message(self):
        if self.num_available <= 0:
            return _("Full")
        return ngettext("%(seats)d seat left", "%(seats)d seats left", self.num_available) % {
            "seats": self.num_available
        }

    short_message = message


def session_availability(product, stockrecord, policy):
    """`policy` for a shop product; for a ticket, whether its session can still be booked."""
    if not product.product_class_id or product.get_product_class().slug != EXPERIENCE_CLASS:
        return policy
    try:
        session = product.experience_session
    except ObjectDoesNotExist:
        return SessionClosed(_("This session is no longer offered."))
    if session.has_started:
        return SessionClosed(_("This session has already started and can no longer be booked."))
    return SeatsLeft(stockrecord.net_stock_level if stockrecord else 0)


# --- the experience page's routes ----------------------------------------------------------


def _session(page, session_id):
    from .models import ExperienceSession

    session = (
        ExperienceSession.objects.filter(pk=session_id, experience_id=page.schedule_page.pk)
        .select_related("product")
        .first()
    )
    if session is None:
        raise Http404
    session.experience = page
    return session


def book_seats(request, page, session_id):
    """Add the chosen number of seats to the basket, the same basket as the shop's."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    session = _session(page, session_id)
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
    session = _session(page, session_id)
    response = HttpResponse(
        calendar_text(request, page, session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-{session.pk}.ics"'
    return response
