"""Checkout forms for Vietnam: province, then its commune or ward (no district), a phone to call."""

from django import forms
from django.utils.translation import gettext_lazy as _

from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import GatewayForm as OscarGatewayForm
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm
from phonenumber_field.phonenumber import PhoneNumber

from pages.text import listed
from shipping import repository
from shipping.zones import PROVINCES

from . import addresses, payment

VIETNAM_CALLING_CODE = 84

# What each field is, for phones' keyboards and browsers' autofill.
FIELD_HINTS = {
    "first_name": {"autocomplete": "family-name"},
    "last_name": {"autocomplete": "given-name"},
    "line1": {"autocomplete": "address-line1"},
    "line4": {"autocomplete": "address-level2"},
    "state": {"autocomplete": "address-level1"},
    "phone_number": {"inputmode": "tel", "autocomplete": "tel"},
    "notes": {"autocomplete": "off"},
}


class GatewayForm(OscarGatewayForm):
    """Oscar's "who are you?" form; the password is asked only of a returning customer, so a
    guest can go on with JavaScript off (the browser no longer insists on an empty password)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].required = False
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean(self):
        if self.cleaned_data.get("options") == self.EXISTING and not self.cleaned_data.get(
            "password"
        ):
            self.add_error("password", _("Please enter your password."))
            return self.cleaned_data
        return super().clean()


DELIVERY = "delivery"
# What a delivery needs beyond a name and a phone; a showroom pickup asks none of it.
ADDRESS_FIELDS = ("state", "line4", "line1")
SHOWROOM_PROVINCE = "Lạng Sơn"


def pickup_choices():
    """(code, label) of each showroom a buyer may collect from, codes as the shipping methods'."""
    return [
        (f"pickup-{showroom.pk}", _("Pick up at %(showroom)s") % {"showroom": shown.title})
        for showroom in repository.showrooms()
        for shown in [showroom.localized]
    ]


class ShippingAddressForm(OscarShippingAddressForm):
    """Delivery to an address in Vietnam, or collecting at a showroom with a name and a phone."""

    receive = forms.ChoiceField(
        label=_("How would you like to receive your order?"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("We deliver within Vietnam only. Collecting at a showroom is free."),
    )
    state = forms.ChoiceField(
        label=_("Province or city"),
        required=False,
        choices=[("", "---------")] + [(name, name) for name in PROVINCES],
    )
    line4 = forms.CharField(
        label=_("Commune or ward"), max_length=255, required=False, widget=forms.Select
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
            "phone_number": _("Phone number"),
        }
        help_texts = {
            "phone_number": _("A Vietnamese number the courier can call, e.g. 0912 345 678."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The province comes before its communes, which are listed for the province chosen.
        self.order_fields(
            ["receive", "first_name", "last_name", "state", "line4", "line1", "phone_number"]
        )
        for name in ADDRESS_FIELDS:  # required for a delivery only, in clean()
            self.fields[name].required = False
        pickups = pickup_choices()
        if pickups:
            self.fields["receive"].choices = [
                (DELIVERY, _("Delivery to my address (within Vietnam)"))
            ] + pickups
            self.fields["receive"].initial = DELIVERY
        else:
            del self.fields["receive"]
        for name, attrs in FIELD_HINTS.items():
            if name in self.fields:
                self.fields[name].widget.attrs.update(attrs)
        if "phone_number" in self.fields:
            self.fields["phone_number"].widget.input_type = "tel"
        province = self.data.get(self.add_prefix("state")) if self.is_bound else None
        province = province or self.initial.get("state") or getattr(self.instance, "state", "")
        communes = addresses.communes_of(province)
        empty = _("Choose a commune or ward") if communes else _("Choose the province first")
        self.fields["line4"].widget.choices = [("", empty)] + [(name, name) for name in communes]
        self.fields["line4"].help_text = _(
            "Since July 2025 there are no districts: the list shows the communes and wards of "
            "the province chosen above. Changed the province? Press Continue and the list follows."
        )
        self.fields["state"].help_text = _("We deliver within Vietnam only.")

    def is_pickup(self):
        receive = self.cleaned_data.get("receive") if hasattr(self, "cleaned_data") else None
        return bool(receive) and receive != DELIVERY

    def clean(self):
        cleaned = super().clean()
        if self.is_pickup():
            # Nothing is sent: the order waits at the showroom, whose name stands as the address.
            label = dict(self.fields["receive"].choices).get(cleaned["receive"], "")
            cleaned.update(state=SHOWROOM_PROVINCE, line4="", line1=str(label)[:255])
            for name in ("state", "line4", "line1"):
                setattr(self.instance, name, cleaned[name])
            for name in ("last_name", "phone_number"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Please fill this in: the showroom asks for it."))
            return cleaned
        for name in ADDRESS_FIELDS:
            if name in self.fields and not cleaned.get(name) and name not in self.errors:
                self.add_error(name, self.fields[name].error_messages["required"])
        province, commune = cleaned.get("state"), cleaned.get("line4")
        if province and commune:
            official = addresses.commune_in(province, commune)
            if official is None:
                self.add_error(
                    "line4",
                    _("%(commune)s is not in %(province)s: please choose from the list.")
                    % {"commune": commune, "province": province},
                )
            else:
                cleaned["line4"] = official
                self.instance.line4 = official
        return cleaned

    def clean_phone_number_field(self, field_name):
        number = super().clean_phone_number_field(field_name)
        if not isinstance(number, PhoneNumber):
            return number
        if self.is_pickup():
            # Nothing is shipped: a visitor from Nanning or Lyon gives their own number.
            if not number.is_valid():
                self.add_error(
                    field_name,
                    _(
                        "Please give a phone number we can call, with its country code if not "
                        "Vietnamese (e.g. +86 or +33)."
                    ),
                )
        elif number.country_code != VIETNAM_CALLING_CODE or not number.is_valid():
            self.add_error(field_name, _("Please give a Vietnamese phone number."))
        return number


class PaymentMethodForm(forms.Form):
    """How to pay; and, for a basket with alcohol, the buyer's word that they are an adult."""

    method = forms.ChoiceField(label=_("How would you like to pay?"), widget=forms.RadioSelect)

    def __init__(self, *args, adults_only=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [
            (code, payment.NAMES[code]) for code in payment.available()
        ]
        if adults_only:
            self.fields["adult"] = forms.BooleanField(
                label=_("I am 18 or older"),
                help_text=_(
                    "Vietnamese law forbids selling alcohol to anyone under 18: %(products)s."
                )
                % {"products": listed(adults_only)},
                error_messages={
                    "required": _(
                        "Your basket holds alcohol, which is sold to adults only: please confirm "
                        "that you are 18 or older, or remove it from your basket."
                    )
                },
            )


def adults_only_products(basket):
    """The titles of the products in `basket` only adults may buy (alcohol)."""
    return [line.product.get_title() for line in basket.all_lines() if line.product.is_adults_only]
