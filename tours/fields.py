from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.CharField):
    """Several of a field's choices, stored as comma-separated codes and edited as checkboxes.

    Codes must not contain commas; filter with `<field>__contains=<code>` (codes are chosen so that
    none is part of another).
    """

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return [code for code in (value or "").split(",") if code]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def validate(self, value, model_instance):
        allowed = {code for code, _label in self.choices}
        unknown = [code for code in value if code not in allowed]
        if unknown:
            raise ValidationError(
                _("Not a choice here: %(codes)s"), params={"codes": ", ".join(unknown)}
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"])

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, value):
        names = dict(self.choices)
        return [names[code] for code in value if code in names]
