"""Numbers, prices and batch codes as Vietnamese people type them on a phone.

"70.000", "70 000 đ", "70.000đ", "70k" and "1,2 triệu" are all prices in đồng: dots, spaces and
commas between groups of three digits are thousands separators; "k" or "nghìn" means thousands,
"tr" or "triệu" millions (where a comma or a dot is the decimal mark: "1,2 triệu" is 1.200.000).
"""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

MIN_PRICE = 1_000
MAX_PRICE = 1_000_000_000

# Words for the money itself, dropped wherever they are ("70.000 đồng", "VND 70.000").
CURRENCY = re.compile(r"(vn[dđ]|đồng|dong|đ|₫|d)\.?", re.IGNORECASE)
MULTIPLIERS = {
    "k": 1_000,
    "nghìn": 1_000,
    "nghin": 1_000,
    "ngàn": 1_000,
    "ngan": 1_000,
    "tr": 1_000_000,
    "triệu": 1_000_000,
    "trieu": 1_000_000,
}
# Digits grouped by three with one kind of separator (dot, comma or space): "70.000", "1 200 000".
GROUPED = re.compile(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*")
DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")


def _plain(text):
    text = unicodedata.normalize("NFC", str(text)).strip().lower()
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u202f", " "))


def parse_whole_number(text):
    """A whole number typed with or without thousands separators ("1.200", "1 200"), or None."""
    text = _plain(text)
    if re.fullmatch(r"\d+", text):
        return int(text)
    if GROUPED.fullmatch(text):
        return int(re.sub(r"\D", "", text))
    return None


def parse_price(text):
    """The price in whole đồng that `text` means, or None when it is not a price."""
    text = CURRENCY.sub(" ", _plain(text)).strip()
    match = re.fullmatch(r"(.*?)\s*([a-zà-ỹđ]+)", text)
    if match and match.group(2) in MULTIPLIERS:
        number, multiplier = match.group(1).strip(), MULTIPLIERS[match.group(2)]
        if not DECIMAL.fullmatch(number):
            return None
        try:
            value = Decimal(number.replace(",", ".")) * multiplier
        except InvalidOperation:
            return None
        return int(value) if value == value.to_integral_value() else None
    return parse_whole_number(text)


class PriceInput(forms.TextInput):
    """A text box (a price may be typed "70k"), showing a stored price grouped: "70.000"."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            # By threes with the language's separator (Django's formats group no number in vi).
            return f"{int(value):,}".replace(",", formats.get_format("THOUSAND_SEPARATOR"))
        return super().format_value(value)


class PriceField(forms.CharField):
    """A price in whole đồng, the one field of every price the producer's space asks for."""

    widget = PriceInput
    default_error_messages = {
        "invalid": _(
            "Write the price in đồng with digits, for example 70.000, 70000 or 70k "
            "(1,2 triệu for 1.200.000)."
        ),
        "min_value": _("The price must be at least 1.000 đồng."),
        "max_value": _("The price must be at most 1 billion đồng."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", _("As you write it: 70.000, 70 000 đ or 70k; 1,2 triệu for 1.200.000.")
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        price = parse_price(value)
        if price is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return price

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value < MIN_PRICE:
            raise ValidationError(self.error_messages["min_value"], code="min_value")
        if value > MAX_PRICE:
            raise ValidationError(self.error_messages["max_value"], code="max_value")


class QuantityField(forms.IntegerField):
    """A whole number of units, "1.200" and "1 200" included."""

    widget = PriceInput
    default_error_messages = {
        "invalid": _("Write a whole number with digits, for example 12 or 1.200."),
        "min_value": _("This cannot be less than %(limit_value)s."),
        "max_value": _("This cannot be more than %(limit_value)s."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        number = parse_whole_number(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def widget_attrs(self, widget):
        # No min/max attributes: the box is text, the limits are checked on the server.
        return {"inputmode": "numeric"}


# --- batch codes ---------------------------------------------------------------------------

LOT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")


def suggested_lot_code(production_date, taken):
    """A free batch code made from the production date: L20261201-1, L20261201-2…

    `taken(prefix)` returns the codes already used that start with `prefix`.
    """
    day = production_date or datetime.date.today()
    prefix = f"L{day:%Y%m%d}-"
    used = set(taken(prefix))
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"
