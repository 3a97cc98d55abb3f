"""Forms of the producer's space: short, one column, plain words, phone keyboards."""

import datetime
import os
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from oscar.core.loading import get_model

from catalogue.moderation import html_to_text
from catalogue.photos import MAX_BYTES, MultiplePhotoField, clean_photo

from .inputs import LOT_CODE, PriceField, QuantityField, suggested_lot_code

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductChange = get_model("catalogue", "ProductChange")
Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")
Line = get_model("order", "Line")

DESCRIPTION_FIELDS = ("description", "description_en", "description_zh_hans")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def text_to_html(text):
    """Plain text typed by a producer as the escaped HTML paragraphs Oscar stores."""
    return linebreaks_filter(text.strip(), autoescape=True) if text and text.strip() else ""


class PriceStockForm(forms.Form):
    """What changes at once, without waiting for an editor."""

    price = PriceField(label=_("Price (đồng)"))
    num_in_stock = QuantityField(
        label=_("Available to sell"),
        min_value=0,
        max_value=1_000_000,
        help_text=_("How many more buyers can order, not counting orders waiting to be sent."),
    )


class ProductForm(forms.ModelForm):
    """Names, descriptions and photos (checked by an editor), certificate, village and craft."""

    new_photos = MultiplePhotoField(
        label=_("Add photos"),
        required=False,
        help_text=_("Up to 10 photos at a time: JPEG, PNG, WebP or HEIC, up to 10 MB each."),
    )
    remove_images = forms.ModelMultipleChoiceField(
        label=_("Remove photos"),
        queryset=ProductImage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Product
        fields = [
            "title",
            "description",
            "title_en",
            "description_en",
            "title_zh_hans",
            "description_zh_hans",
            "craft",
            "village",
            "ocop_stars",
            "ocop_certificate_number",
            "ocop_certified_on",
            "geographical_indication",
            "collective_trademark",
            "adults_only",
        ]
        labels = {
            "title": _("Name (Vietnamese)"),
            "description": _("Description (Vietnamese)"),
            "title_en": _("Name in English"),
            "description_en": _("Description in English"),
            "title_zh_hans": _("Name in Chinese"),
            "description_zh_hans": _("Description in Chinese"),
        }
        widgets = {
            "ocop_certified_on": DateInput(),
            **{name: forms.Textarea(attrs={"rows": 5}) for name in DESCRIPTION_FIELDS},
        }

    def __init__(self, *args, pending=None, villages=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        if villages is not None:
            self.fields["village"].queryset = villages
        product = self.instance
        if product.pk:
            self.fields["remove_images"].queryset = product.images.all()
        else:
            del self.fields["remove_images"]
        if product.adults_only:
            # Marking a product for adults only applies at once; only an editor takes it off.
            self.fields["adults_only"].disabled = True
            self.fields["adults_only"].help_text = _(
                "Only an editor can take this off: write to the shop's editors if it is wrong."
            )
        if not self.is_bound:
            # The producer sees (and edits again) what waits for approval, if anything.
            for name in ProductChange.FIELDS:
                if name not in self.fields:
                    continue
                value = ProductChange.stored(product, name)
                if pending is not None and name in pending.proposed:
                    value = pending.proposed[name]
                self.initial[name] = html_to_text(value) if name in DESCRIPTION_FIELDS else value
            if pending is not None and "remove_images" in self.fields:
                self.initial["remove_images"] = pending.removed_image_ids

    def clean(self):
        cleaned = super().clean()
        for name in DESCRIPTION_FIELDS:
            if name in cleaned:
                cleaned[name] = text_to_html(cleaned[name])
        return cleaned

    # The fields this form proposes to an editor instead of writing them onto the product.
    proposed_fields = ProductChange.FIELDS

    def _post_clean(self):
        # Model validation (OCOP date, GTIN…) without writing the text or the claims onto the
        # public product: they become a proposed change.
        approved = {
            name: ProductChange.stored(self.instance, name) for name in self.proposed_fields
        }
        super()._post_clean()
        self.proposed = {
            name: ProductChange.stored(self.instance, name) for name in ProductChange.FIELDS
        }
        for name, value in approved.items():
            ProductChange.put(self.instance, name, value)


class NewProductForm(ProductForm):
    """A new product: everything at once; it is shown to buyers once an editor approves it."""

    price = PriceStockForm.base_fields["price"]
    num_in_stock = PriceStockForm.base_fields["num_in_stock"]

    # The text is the hidden product's own; its claims wait for the editor like any change.
    proposed_fields = ProductChange.VERIFIED_FIELDS

    class Meta(ProductForm.Meta):
        pass


class BatchForm(forms.ModelForm):
    """A batch; its code made from the production date unless the producer writes one."""

    lot_code = forms.CharField(
        label=capfirst(Batch._meta.get_field("lot_code").verbose_name),
        required=False,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    quantity = QuantityField(
        label=capfirst(Batch._meta.get_field("quantity").verbose_name), min_value=0
    )

    class Meta:
        model = Batch
        fields = [
            "product",
            "lot_code",
            "production_date",
            "expiry_date",
            "raw_material_origin",
            "quantity",
            "unit",
        ]
        widgets = {
            "production_date": DateInput(),
            "expiry_date": DateInput(),
            "raw_material_origin": forms.Textarea(attrs={"rows": 3}),
            "quantity": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        example = suggested_lot_code(
            self.instance.production_date or timezone.localdate(), self.codes_taken
        )
        self.fields["lot_code"].help_text = _(
            "Leave it empty and a code is made from the production date, such as %(code)s. "
            "Or write your own: up to 20 letters without accents, digits, dots (.), dashes (-) "
            "or underscores (_), with no spaces, so that every scanner reads it."
        ) % {"code": example}

    def codes_taken(self, prefix):
        return Batch.objects.filter(lot_code__startswith=prefix).values_list("lot_code", flat=True)

    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("lot_code") or "").strip()
        suggestion = suggested_lot_code(
            cleaned.get("production_date") or timezone.localdate(), self.codes_taken
        )
        self.code_suggested = not code
        if not code:
            cleaned["lot_code"] = suggestion
        elif not LOT_CODE.fullmatch(code):
            self.add_error(
                "lot_code",
                ValidationError(
                    _(
                        "“%(code)s” cannot be read by every scanner: use only letters without "
                        "accents, digits, dots, dashes or underscores, no spaces, 20 at most. "
                        "For example %(suggestion)s, or leave it empty."
                    ),
                    code="invalid",
                    params={"code": code, "suggestion": suggestion},
                ),
            )
        elif Batch.objects.filter(lot_code__iexact=code).exclude(pk=self.instance.pk).exists():
            self.add_error(
                "lot_code",
                ValidationError(
                    _("Another batch already has the code %(code)s. %(suggestion)s is free."),
                    code="unique",
                    params={"code": code, "suggestion": suggestion},
                ),
            )
        else:
            cleaned["lot_code"] = code
        return cleaned

    def save_batch(self):
        """The batch saved, or None with the code marked taken: another batch may take the same
        code between the check above and the save (two producers on the same day). A suggested
        code then gives way to the next free one."""
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    return self.save()
            except IntegrityError:
                if not Batch.objects.filter(lot_code=self.instance.lot_code).exists():
                    raise  # not the code: nothing to mend here
                taken = self.instance.lot_code
                suggestion = suggested_lot_code(
                    self.cleaned_data.get("production_date") or timezone.localdate(),
                    self.codes_taken,
                )
                if not self.code_suggested:
                    self.add_error(
                        "lot_code",
                        ValidationError(
                            _(
                                "Another batch already has the code %(code)s. %(suggestion)s is free."
                            ),
                            code="unique",
                            params={"code": taken, "suggestion": suggestion},
                        ),
                    )
                    return None
                self.instance.lot_code = suggestion
        raise IntegrityError(f"no free batch code after {taken}")


class BatchStepForm(forms.ModelForm):
    class Meta:
        model = BatchStep
        fields = ["kind", "date", "place", "description"]
        widgets = {"date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}


CERTIFICATE_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}
# A PDF starts with its header, "%PDF-1.x" or "%PDF-2.0" (ISO 32000).
PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")


class BatchCertificateForm(forms.ModelForm):
    class Meta:
        model = BatchCertificate
        fields = ["title", "issued_by", "file"]
        widgets = {
            "file": forms.ClearableFileInput(
                attrs={"accept": "application/pdf,image/*,.heic,.heif"}
            )
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("This file is larger than 10 MB."), code="too_large")
        extension = os.path.splitext(upload.name)[1].lower()
        if extension not in CERTIFICATE_EXTENSIONS:
            raise ValidationError(_("Please choose a PDF file or a photo."), code="format")
        if extension == ".pdf":
            upload.seek(0)
            is_pdf = PDF_HEADER.match(upload.read(8))
            upload.seek(0)
            if not is_pdf:
                raise ValidationError(_("This file is not a PDF we can read."), code="invalid")
            return upload
        return clean_photo(upload)


class ShipForm(forms.Form):
    """Mark this producer's lines of one order as sent, with the carrier's tracking number."""

    tracking_number = forms.CharField(
        label=_("Tracking number"),
        max_length=100,
        help_text=_("The number on the carrier's receipt (Viettel Post, VNPost, GHN…)."),
    )
    lines = forms.ModelMultipleChoiceField(
        label=_("Items sent"),
        queryset=Line.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].queryset = lines
        # The product's title in the producer's language, not the buyer's the line was bought in.
        self.fields["lines"].label_from_instance = lambda line: (
            f"{line.quantity} × {line.product.get_title() if line.product else line.title}"
        )
        if not self.is_bound:
            self.initial["lines"] = list(lines)


class SessionForm(forms.Form):
    """A session of an experience: its day and start time, in Lạng Sơn time, and its seats."""

    date = forms.DateField(label=_("Day"), widget=DateInput())
    time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    seats = forms.IntegerField(
        label=_("Seats"),
        min_value=1,
        max_value=500,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, booked=0, **kwargs):
        super().__init__(*args, **kwargs)
        if booked:
            self.fields["seats"].help_text = ngettext(
                "%(booked)d seat is already booked: there cannot be fewer seats.",
                "%(booked)d seats are already booked: there cannot be fewer seats.",
                booked,
            ) % {"booked": booked}

    @classmethod
    def for_session(cls, session, **kwargs):
        start = timezone.localtime(session.starts_at, timezone.get_default_timezone())
        initial = {"date": start.date(), "time": start.time(), "seats": session.seats}
        return cls(initial=initial, **kwargs)

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("date"), cleaned.get("time")
        if day and time:
            starts_at = timezone.make_aware(
                datetime.datetime.combine(day, time), timezone.get_default_timezone()
            )
            if starts_at <= timezone.now():
                self.add_error("date", _("Choose a day and time still to come."))
            cleaned["starts_at"] = starts_at
        return cleaned
