"""Experience sessions sold as shop tickets: their products, their seats, their availability and
their address in the shop (the experience's page). Booking and the calendar file are the page's
routes (routes.py)."""

from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from oscar.apps.partner.availability import StockRequired, Unavailable
from oscar.core.loading import get_model

from checkout.statuses import CANCELLED

from .models import ExperiencePage, ExperienceSession

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductClass = get_model("catalogue", "ProductClass")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OrderLine = get_model("order", "Line")

EXPERIENCE_CLASS = "experience-session"
DCST_PARTNER = "dcst"


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
        start = session.local_start
        # The day as each language writes it (08/12/2026, 8 Dec 2026, 2026年12月8日).
        day, hour = date_format(start, "SHORT_DATE_FORMAT"), date_format(start, "H:i")
        return f"{page.title} · {day} {hour}"


@transaction.atomic
def sync_session_products(page):
    """Give each session of `page` its ticket product and stock record, up to date.

    Tickets of removed sessions keep their orders but cannot be bought any more.
    """
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
        product.most_per_order = page.group_max  # one party, however large the host allows
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
    lines = (
        OrderLine.objects.filter(product=product)
        .exclude(order__status=CANCELLED)
        .exclude(booking__cancelled_at__isnull=False)
    )
    return lines.aggregate(total=Sum("quantity"))["total"] or 0


def seats_booked():
    """`seats_taken` of each session's ticket, as an expression to annotate sessions with."""
    lines = (
        OrderLine.objects.filter(product=OuterRef("product"))
        .exclude(order__status=CANCELLED)
        .exclude(booking__cancelled_at__isnull=False)
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
    if isinstance(instance, ExperiencePage):
        sync_session_products(instance)


def ticket_page_url(product):
    """Where a ticket is shown: its experience's page in the visitor's language (None: not a
    ticket)."""
    session = ExperienceSession.objects.filter(product=product).select_related("experience").first()
    return session.experience.localized.url if session is not None else None


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


def is_ticket(product):
    """Whether the product is a workshop session's ticket (sold on its workshop's page)."""
    return bool(product.product_class_id) and product.get_product_class().slug == EXPERIENCE_CLASS


def session_availability(product, stockrecord, policy):
    """`policy` for a shop product; for a ticket, whether its session can still be booked."""
    if not is_ticket(product):
        return policy
    try:
        session = product.experience_session
    except ObjectDoesNotExist:
        return SessionClosed(_("This session is no longer offered."))
    if session.has_started:
        return SessionClosed(_("This session has already started and can no longer be booked."))
    return SeatsLeft(stockrecord.net_stock_level if stockrecord else 0)
