"""Oscar's catalogue, forked: OCOP products of the craft villages, and their production batches."""

import contextlib
import datetime
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from oscar.apps.catalogue.abstract_models import AbstractCategory, AbstractProduct
from oscar.apps.catalogue.managers import ProductQuerySet

from pages.text import slugify

from .storage import private_storage

OCOP_VALIDITY_MONTHS = 36

# The fields holding a translation of a Vietnamese field end with their language's suffix.
TRANSLATION_SUFFIXES = {"en": "_en", "zh-hans": "_zh_hans"}


def translation_of(instance, field):
    """`instance.<field>` translated into the active language: "" in Vietnamese or untranslated."""
    suffix = TRANSLATION_SUFFIXES.get((get_language() or "").lower())
    return getattr(instance, field + suffix) if suffix else ""


def add_months(day, months):
    """`day` moved by whole calendar months, kept within the target month (31 Jan + 1 → 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def gtin_check_digit(digits):
    """The GS1 check digit of the digits before it (weights 3, 1, 3… from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def normalize_gtin(value):
    """A GTIN-8/12/13/14 as the 14 digits of a GS1 Digital Link, or ValidationError."""
    value = (value or "").strip()
    if not value.isdigit() or len(value) not in (8, 12, 13, 14):
        raise ValidationError(_("A GTIN has 8, 12, 13 or 14 digits."), code="gtin_length")
    if gtin_check_digit(value[:-1]) != value[-1]:
        raise ValidationError(_("This GTIN's check digit is wrong."), code="gtin_check_digit")
    return value.zfill(14)


def validate_gtin(value):
    normalize_gtin(value)


class Category(AbstractCategory):
    """A shop category, its name translated: Oscar's `name` holds the Vietnamese one."""

    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    name_zh_hans = models.CharField(_("name in Chinese"), max_length=255, blank=True)

    def get_name(self):
        """The name in the active language, the Vietnamese one where it is not translated."""
        return translation_of(self, "name") or self.name

    def get_meta_title(self):
        # Oscar's meta title is Vietnamese: an English or Chinese visitor reads the translated name.
        return translation_of(self, "name") or super().get_meta_title()


class CardQuerySet(ProductQuerySet):
    def cards(self):
        """What a product card reads (photo, price, stock, whether it has options), in three
        queries for any number of cards: Oscar's `base_queryset` (its product class and its
        `has_options` annotations) without its prefetches of children and of both kinds of
        options, which a card never reads."""
        return (
            self.base_queryset().prefetch_related(None).prefetch_related("stockrecords", "images")
        )


class Product(AbstractProduct):
    """A product for sale, with its OCOP rating, village, producer and translations."""

    objects = CardQuerySet.as_manager()

    class Stars(models.IntegerChoices):
        THREE = 3, _("3 stars")
        FOUR = 4, _("4 stars")
        FIVE = 5, _("5 stars")

    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Made up for the demonstration site; not a real product."),
    )
    # Translations of Oscar's title and description (which hold the Vietnamese text).
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    title_zh_hans = models.CharField(_("title in Chinese"), max_length=255, blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    description_zh_hans = models.TextField(_("description in Chinese"), blank=True)

    gtin = models.CharField(
        _("GTIN"),
        max_length=14,
        blank=True,
        validators=[validate_gtin],
        help_text=_("The barcode number (GS1, prefix 893 in Vietnam); its QR codes then use it."),
    )
    village = models.ForeignKey(
        "villages.VillagePage",
        verbose_name=_("craft village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        help_text=_("The village page in Vietnamese; visitors see it in their language."),
    )
    producer = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("producer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
    )
    craft = models.CharField(_("craft"), max_length=120, blank=True)

    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP rating"), choices=Stars.choices, null=True, blank=True, db_index=True
    )
    ocop_certificate_number = models.CharField(
        _("OCOP certificate number"), max_length=60, blank=True
    )
    ocop_certified_on = models.DateField(
        _("OCOP certificate date"),
        null=True,
        blank=True,
        help_text=_("The certificate is valid for 36 months from this date."),
    )
    geographical_indication = models.CharField(
        _("geographical indication"),
        max_length=160,
        blank=True,
        help_text=_("E.g. “Hồi Văn Quan”, protected since 2007."),
    )
    collective_trademark = models.CharField(_("collective trademark"), max_length=160, blank=True)
    other_certifications = models.CharField(
        _("other certifications"),
        max_length=250,
        blank=True,
        help_text=_("Comma-separated, e.g. VietGAP, organic."),
    )
    adults_only = models.BooleanField(
        _("sold to adults only"),
        default=False,
        help_text=_(
            "Alcohol (rice wine, rượu): buyers must confirm they are 18 or older before checkout."
        ),
    )

    most_per_order = models.PositiveSmallIntegerField(
        _("at most per order"),
        null=True,
        blank=True,
        help_text=_(
            "How many one order may hold; empty: the shop's limit. A workshop's ticket takes the "
            "largest group it welcomes."
        ),
    )

    def clean(self):
        super().clean()
        # A wrong GTIN is reported beside its field, by the field's own validator.
        if self.gtin:
            with contextlib.suppress(ValidationError):
                self.gtin = normalize_gtin(self.gtin)
        errors = {}
        if self.ocop_stars and not self.ocop_certificate_number.strip():
            errors["ocop_certificate_number"] = _("An OCOP rating needs its certificate number.")
        if self.ocop_stars and not self.ocop_certified_on:
            errors["ocop_certified_on"] = _("An OCOP rating needs its certificate date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # The slug comes from the Vietnamese title whatever language the editor works in.
        if not self.slug:
            self.slug = slugify(self.title or (self.parent.title if self.parent_id else ""))
        if self.gtin:
            self.gtin = normalize_gtin(self.gtin)
        super().save(*args, **kwargs)

    # --- the visitor's language -----------------------------------------------------------

    def _translated(self, field):
        return translation_of(self, field) or getattr(self, field)

    def get_title(self):
        """The title in the active language, the Vietnamese one where it is not translated."""
        title = self._translated("title")
        if not title and self.parent_id:
            return self.parent.get_title()
        return title

    get_title.short_description = pgettext_lazy("a product's name", "Title")

    def __str__(self):
        # Basket and order lines describe their product by str(): in the visitor's language too.
        return self.get_title() or super().__str__()

    # Where a product kept out of the shop's listings is shown instead: functions of a product
    # giving its page's address, or None, added by the apps whose products live on their own
    # pages (a workshop ticket on its workshop's page: tours/booking.py).
    page_finders = []

    @classmethod
    def add_page_finder(cls, finder):
        if finder not in cls.page_finders:
            cls.page_finders.append(finder)

    def own_page_url(self):
        """The address of the page this product is sold on (a ticket's workshop), or None."""
        for finder in self.page_finders:
            url = finder(self)
            if url:
                return url
        return None

    def get_absolute_url(self):
        # Only hidden products pay the finders' lookups.
        if not self.is_public and (url := self.own_page_url()):
            return url
        return super().get_absolute_url()

    def get_description(self):
        return self._translated("description")

    def localized_village(self):
        """The village page in the active language where it is translated and live."""
        return self.village.localized if self.village_id else None

    # --- OCOP -----------------------------------------------------------------------------

    @property
    def ocop_star_symbols(self):
        return "★" * (self.ocop_stars or 0)

    @property
    def ocop_year(self):
        return self.ocop_certified_on.year if self.ocop_certified_on else None

    @property
    def ocop_valid_until(self):
        if not self.ocop_certified_on:
            return None
        return add_months(self.ocop_certified_on, OCOP_VALIDITY_MONTHS) - datetime.timedelta(days=1)

    @property
    def ocop_is_valid(self):
        return bool(self.ocop_stars) and self.ocop_valid_until >= timezone.localdate()

    @property
    def is_adults_only(self):
        """Whether only adults may buy it; a variant is its parent's kind of product."""
        if self.is_child and self.parent_id:
            return self.parent.adults_only
        return self.adults_only

    @property
    def other_certification_list(self):
        return [name.strip() for name in self.other_certifications.split(",") if name.strip()]


lot_code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$",
    _("Up to 20 letters, digits, dots, dashes or underscores (a GS1 batch number)."),
)


class Batch(models.Model):
    """A production batch (lot): what one QR code on the package tells the buyer."""

    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        related_name="batches",
    )
    lot_code = models.CharField(
        _("lot code"), max_length=20, unique=True, validators=[lot_code_validator]
    )
    production_date = models.DateField(_("production date"))
    expiry_date = models.DateField(_("best before"), null=True, blank=True)
    raw_material_origin = models.TextField(
        _("origin of raw materials"),
        blank=True,
        help_text=_("Where the raw materials came from: place, grower or supplier."),
    )
    raw_material_origin_en = models.TextField(_("origin of raw materials in English"), blank=True)
    raw_material_origin_zh_hans = models.TextField(
        _("origin of raw materials in Chinese"), blank=True
    )
    quantity = models.PositiveIntegerField(_("quantity produced"), default=0)
    unit = models.CharField(_("unit"), max_length=30, blank=True, default="")
    unit_en = models.CharField(_("unit in English"), max_length=30, blank=True, default="")
    unit_zh_hans = models.CharField(_("unit in Chinese"), max_length=30, blank=True, default="")
    scan_count = models.PositiveIntegerField(_("times scanned"), default=0, editable=False)
    last_scanned_at = models.DateTimeField(_("last scanned"), null=True, editable=False)
    date_created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("production batch")
        verbose_name_plural = _("production batches")
        ordering = ["-production_date", "lot_code"]

    def __str__(self):
        return f"{self.lot_code} · {self.product.title}"

    def get_absolute_url(self):
        """The address the QR code holds: GS1 Digital Link when the product has a GTIN."""
        if self.product.gtin:
            return reverse(
                "trace:digital-link", kwargs={"gtin": self.product.gtin, "lot_code": self.lot_code}
            )
        return reverse("trace:batch", kwargs={"lot_code": self.lot_code})

    def clean(self):
        if self.expiry_date and self.expiry_date < self.production_date:
            raise ValidationError({"expiry_date": _("Best before comes after production.")})

    def record_scan(self):
        """Count one scan, in the database, safe under concurrent scans."""
        now = timezone.now()
        type(self).objects.filter(pk=self.pk).update(
            scan_count=F("scan_count") + 1, last_scanned_at=now
        )
        self.scan_count += 1
        self.last_scanned_at = now


class BatchStep(models.Model):
    """A dated step in making a batch: harvest, processing, packing…"""

    class Kind(models.TextChoices):
        HARVEST = "harvest", _("Harvest")
        PROCESSING = "processing", _("Processing")
        PACKING = "packing", _("Packing")
        TESTING = "testing", _("Quality testing")
        OTHER = "other", _("Other")

    batch = models.ForeignKey(
        Batch, verbose_name=_("batch"), on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField(_("step"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    place_en = models.CharField(_("place in English"), max_length=200, blank=True)
    place_zh_hans = models.CharField(_("place in Chinese"), max_length=200, blank=True)
    description = models.TextField(_("what was done"), blank=True)
    description_en = models.TextField(_("what was done, in English"), blank=True)
    description_zh_hans = models.TextField(_("what was done, in Chinese"), blank=True)

    class Meta:
        verbose_name = _("batch step")
        verbose_name_plural = _("batch steps")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"


class BatchCertificate(models.Model):
    """A certificate or test report for a batch, as a file the buyer can open."""

    batch = models.ForeignKey(
        Batch, verbose_name=_("batch"), on_delete=models.CASCADE, related_name="certificates"
    )
    title = models.CharField(pgettext_lazy("a certificate's name", "title"), max_length=200)
    issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    # Served by the trace page's view (as an attachment for a PDF), never straight from storage.
    file = models.FileField(
        _("file"), upload_to="trace/certificates/%Y/", storage=private_storage, max_length=255
    )

    class Meta:
        verbose_name = _("batch certificate")
        verbose_name_plural = _("batch certificates")
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trace:certificate", kwargs={"lot_code": self.batch.lot_code, "pk": self.pk})


class ProductChange(models.Model):
    """A producer's proposed names, descriptions, photos or claims, waiting for a shop editor.

    The product keeps its approved text, photos and claims (what the public sees) until the change
    is approved; a new product stays hidden (`is_public=False`) until its first change is approved.
    """

    TEXT_FIELDS = (
        "title",
        "title_en",
        "title_zh_hans",
        "description",
        "description_en",
        "description_zh_hans",
    )
    # What the shop presents as verified: only an editor's approval changes it on the product.
    VERIFIED_FIELDS = (
        "ocop_stars",
        "ocop_certificate_number",
        "ocop_certified_on",
        "geographical_indication",
        "collective_trademark",
        "village",
    )
    FIELDS = TEXT_FIELDS + VERIFIED_FIELDS

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("product"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    is_new = models.BooleanField(_("new product"), default=False)
    proposed = models.JSONField(_("proposed text"), default=dict, blank=True)
    removed_image_ids = models.JSONField(_("photos to remove"), default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    reason = models.TextField(_("reason for the rejection"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("product change")
        verbose_name_plural = _("product changes")
        ordering = ["-proposed_at", "-pk"]
        permissions = [
            ("moderate_productchange", _("Can approve or reject producers' product changes"))
        ]

    def __str__(self):
        return f"{self.product.title} · {self.get_state_display()}"

    @property
    def is_pending(self):
        return self.state == self.State.PENDING

    @property
    def touches_claims(self):
        """Whether it changes what the shop presents as verified (OCOP, GI, village…)."""
        return any(name in self.proposed for name in self.VERIFIED_FIELDS)

    @staticmethod
    def stored(product, name):
        """A product's field as a change keeps it in `proposed` (JSON: a village by its id)."""
        if name == "village":
            return product.village_id
        value = getattr(product, name)
        return value.isoformat() if isinstance(value, datetime.date) else value

    @staticmethod
    def put(product, name, value):
        """Set a product's field from the value a change keeps."""
        if name == "village":
            product.village_id = value
        elif name == "ocop_certified_on":
            product.ocop_certified_on = datetime.date.fromisoformat(value) if value else None
        else:
            setattr(product, name, value)

    def shown(self, name, value):
        """A kept value as people read it: the village's name, "5 stars", a date."""
        if value in (None, ""):
            return ""
        if name == "village":
            village = self.product._meta.get_field("village").related_model
            page = village.objects.filter(pk=value).first()
            return page.title if page else ""
        if name == "ocop_stars":
            return Product.Stars(value).label
        if name == "ocop_certified_on":
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        return value

    def diff(self, names=None):
        """(label, approved value, proposed value) for each field the change touches."""
        return [
            (
                self.product._meta.get_field(name).verbose_name,
                self.shown(name, self.stored(self.product, name)),
                self.shown(name, self.proposed[name]),
            )
            for name in names or self.FIELDS
            if name in self.proposed
        ]

    def claims_diff(self):
        """The diff of the claims only (OCOP, certificate, GI, trademark, village)."""
        return self.diff(self.VERIFIED_FIELDS)

    def removed_images(self):
        return [image for image in self.product.images.all() if image.pk in self.removed_image_ids]

    def approve(self, editor):
        """Publish the change: its text and photos go onto the product, a new product goes live."""

        with transaction.atomic():
            product = self.product
            for name, value in self.proposed.items():
                if name in self.FIELDS:
                    self.put(product, name, value)
            if self.is_new:
                product.is_public = True
            product.save()
            if self.removed_image_ids:
                for image in product.images.filter(pk__in=self.removed_image_ids):
                    image.delete()
            order = product.images.aggregate(models.Max("display_order"))["display_order__max"]
            order = -1 if order is None else order
            for pending in self.images.all():
                order += 1
                # From private storage to the public one: only now does the photo get an address.
                with pending.original.open("rb") as source:
                    image = product.images.model(
                        product=product, caption=pending.caption, display_order=order
                    )
                    image.original.save(os.path.basename(pending.original.name), source, save=False)
                    image.save()
            self.images.all().delete()  # their private files go once this commits
            self.state = self.State.APPROVED
            self.decided_by, self.decided_at = editor, timezone.now()
            self.reason = ""
            self.save()

    def reject(self, editor, reason):
        """Refuse the change; its photos are deleted, never published nor kept."""
        with transaction.atomic():
            self.images.all().delete()
            self.state = self.State.REJECTED
            self.decided_by, self.decided_at = editor, timezone.now()
            self.reason = reason
            self.save()


class PendingProductImage(models.Model):
    """A photo a producer added, kept aside until its change is approved."""

    change = models.ForeignKey(
        ProductChange, verbose_name=_("change"), on_delete=models.CASCADE, related_name="images"
    )
    # Private until approved: only the producer's people and the shop editors see it.
    original = models.ImageField(
        _("photo"), upload_to="products/pending/%Y/%m/", storage=private_storage, max_length=255
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("photo waiting for approval")
        verbose_name_plural = _("photos waiting for approval")
        ordering = ["pk"]

    def __str__(self):
        return self.original.name

    def get_absolute_url(self):
        return reverse("moderation:photo", kwargs={"pk": self.pk})


from oscar.apps.catalogue.models import *  # noqa: E402, F403
