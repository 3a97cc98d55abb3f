"""Checkout forms for Vietnam: province and commune/ward (no district), a Vietnamese phone."""

from django import forms
from django.utils.translation import gettext_lazy as _

from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm
from phonenumber_field.phonenumber import PhoneNumber

from shipping.zones import PROVINCES

from . import payment

VIETNAM_CALLING_CODE = 84


class ShippingAddressForm(OscarShippingAddressForm):
    state = forms.ChoiceField(
        label=_("Province or city"),
        choices=[("", "---------")] + [(name, name) for name in PROVINCES],
    )

    class Meta(OscarShippingAddressForm.Meta):
        fields = [
            "first_name",
            "last_name",
            "line1",
            "line4",
            "state",
            "country",
            "phone_number",
            "notes",
        ]
        labels = {
            "line1": _("House number, street, hamlet"),
            "line4": _("Commune or ward"),
            "phone_number": _("Phone number"),
        }
        help_texts = {
            "line4": _("Since July 2025 there are no districts: e.g. phường Kỳ Lừa, xã Văn Quan."),
            "phone_number": _("A Vietnamese number the courier can call, e.g. 0912 345 678."),
        }

    def clean_phone_number_field(self, field_name):
        number = super().clean_phone_number_field(field_name)
        if isinstance(number, PhoneNumber) and (
            number.country_code != VIETNAM_CALLING_CODE or not number.is_valid()
        ):
            self.add_error(field_name, _("Please give a Vietnamese phone number."))
        return number


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(label=_("How would you like to pay?"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [
            (code, payment.NAMES[code]) for code in payment.available()
        ]
