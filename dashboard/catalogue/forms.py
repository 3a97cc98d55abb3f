"""Oscar's dashboard product and category forms, with our translations, OCOP rating and origin."""

from django import forms
from django.db.models import Q

from oscar.apps.dashboard.catalogue import forms as base_forms
from oscar.core.loading import get_model
from oscar.forms.widgets import DatePickerInput
from wagtail.models import Locale

from villages.models import VillagePage

Partner = get_model("partner", "Partner")

TRANSLATION_FIELDS = ["title_en", "description_en", "title_zh_hans", "description_zh_hans"]
ORIGIN_FIELDS = [
    "ocop_stars",
    "ocop_certificate_number",
    "ocop_certified_on",
    "geographical_indication",
    "collective_trademark",
    "other_certifications",
    "village",
    "producer",
    "craft",
    "gtin",
]


class ProductForm(base_forms.ProductForm):
    """Oscar's product form; translations and "OCOP & origin" have sections of their own.

    The rules (GTIN check digit, what an OCOP rating needs) are the product model's, checked
    when the form validates the product.
    """

    translation_fields = TRANSLATION_FIELDS
    origin_fields = ORIGIN_FIELDS

    class Meta(base_forms.ProductForm.Meta):
        fields = [
            *base_forms.ProductForm.Meta.fields,
            "is_sample",
            "adults_only",
            *TRANSLATION_FIELDS,
            *ORIGIN_FIELDS,
        ]
        widgets = {
            **base_forms.ProductForm.Meta.widgets,
            "title_en": forms.TextInput(attrs={"autocomplete": "off"}),
            "title_zh_hans": forms.TextInput(attrs={"autocomplete": "off"}),
            "ocop_certified_on": DatePickerInput(),
            "gtin": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "village" in self.fields:
            # Live village pages in Vietnamese, by title; a village page taken offline since
            # stays choosable on the products that already name it.
            self.fields["village"].queryset = VillagePage.objects.filter(
                Q(live=True, locale=Locale.get_default()) | Q(pk=self.instance.village_id)
            ).order_by("title")
        if "producer" in self.fields:
            self.fields["producer"].queryset = Partner.objects.order_by("name")

    def delete_non_child_fields(self):
        # A variant shares its parent's descriptions, rating and origin; only its title differs.
        super().delete_non_child_fields()
        for name in [
            "is_sample",
            "adults_only",
            "description_en",
            "description_zh_hans",
            *ORIGIN_FIELDS,
        ]:
            self.fields.pop(name, None)

    def primary_form_fields(self):
        return [field for field in super().primary_form_fields() if not self._in_section(field)]

    def translation_form_fields(self):
        return [self[name] for name in self.translation_fields if name in self.fields]

    def origin_form_fields(self):
        return [self[name] for name in self.origin_fields if name in self.fields]

    def _in_section(self, field):
        return field.name in self.translation_fields or field.name in self.origin_fields


class CategoryForm(base_forms.CategoryForm):
    """Oscar's category form, with the name in English and Chinese beside the Vietnamese one."""

    class Meta(base_forms.CategoryForm.Meta):
        fields = ["name", "name_en", "name_zh_hans"] + [
            name for name in base_forms.CategoryForm.Meta.fields if name != "name"
        ]
