"""The party a workshop booking carries: the booking form (size within the group limits, each
guest's name, the lead guest's phone, the language) and the basket-line options its answers
travel in, to the order line and the booking (tickets.py). Imports no model of tours, so the
experience page's routes can use it."""

from django import forms
from django.db import models
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

import phonenumbers
from oscar.core.loading import get_model

from pages.text import listed

Option = get_model("catalogue", "Option")

GUESTS_OPTION, PHONE_OPTION, LANGUAGE_OPTION = "booking-guests", "booking-phone", "booking-language"
OPTIONS = {
    GUESTS_OPTION: "Khách",
    PHONE_OPTION: "Điện thoại trưởng đoàn",
    LANGUAGE_OPTION: "Ngôn ngữ",
}


class Language(models.TextChoices):
    """The languages a party may ask its host for."""

    VIETNAMESE = "vi", _("Vietnamese")
    ENGLISH = "en", _("English")
    CHINESE = "zh-hans", _("Chinese")


def booking_options():
    """The basket line's options carrying the party: the guests' names, the lead guest's phone,
    the language (each shown on the basket line by Oscar, named as the shop's default language)."""
    options = {}
    for code, name in OPTIONS.items():
        options[code], _created = Option.objects.get_or_create(
            code=code, defaults={"name": name, "type": Option.TEXT, "required": False}
        )
    return options


class BookingForm(forms.Form):
    """Party size within the group limits and the seats left, each guest's name, the lead
    guest's phone (any country: nothing is shipped), the language the party prefers."""

    quantity = forms.IntegerField(label=_("Number of guests"), min_value=1)
    names = forms.CharField(
        label=_("Each guest's name, one a line"),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text=_("The first name is the lead guest's."),
    )
    lead_phone = forms.CharField(
        label=_("Lead guest's phone"),
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("With the country code if not Vietnamese, e.g. +86 or +33."),
    )
    language = forms.ChoiceField(label=_("Language you prefer"), choices=Language.choices)

    def __init__(self, *args, page, seats_left, **kwargs):
        super().__init__(*args, **kwargs)
        self.page, self.seats_left = page, seats_left
        largest = min(page.group_max, seats_left) if seats_left else page.group_max
        self.fields["quantity"].widget.attrs.update(
            {"min": page.group_min, "max": largest, "inputmode": "numeric"}
        )
        if not self.is_bound:
            language = translation.get_language()
            self.initial.setdefault("language", language if language in Language.values else "vi")

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        page = self.page
        if not page.group_min <= quantity <= page.group_max:
            raise forms.ValidationError(
                _("This workshop takes groups of %(smallest)d to %(largest)d people.")
                % {"smallest": page.group_min, "largest": page.group_max}
            )
        if quantity > self.seats_left:
            raise forms.ValidationError(
                ngettext(
                    "Only %(seats)d seat is left in this session.",
                    "Only %(seats)d seats are left in this session.",
                    self.seats_left,
                )
                % {"seats": self.seats_left}
            )
        return quantity

    def clean_names(self):
        return [line.strip() for line in self.cleaned_data["names"].splitlines() if line.strip()]

    def clean_lead_phone(self):
        typed = self.cleaned_data["lead_phone"]
        try:
            number = phonenumbers.parse(typed, "VN")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _("Please enter a phone number we can call, with its country code if not +84.")
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def clean(self):
        cleaned = super().clean()
        names, quantity = cleaned.get("names"), cleaned.get("quantity")
        if names is not None and quantity and len(names) != quantity:
            self.add_error(
                "names",
                ngettext(
                    "Please give %(count)d name, one a line.",
                    "Please give %(count)d names, one a line.",
                    quantity,
                )
                % {"count": quantity},
            )
        return cleaned

    def as_options(self):
        """The basket line's options: what the order line keeps of the party."""
        data, options = self.cleaned_data, booking_options()
        return [
            {"option": options[GUESTS_OPTION], "value": data["names"]},
            {"option": options[PHONE_OPTION], "value": data["lead_phone"]},
            {"option": options[LANGUAGE_OPTION], "value": data["language"]},
        ]


def line_summary(line, show_phone=False):
    """A basket or order line in the visitor's language: the product's title then, for a
    workshop ticket, its party ("Guests: … · Language: …"); the lead guest's phone only with
    `show_phone`, on the buyer's own pages. Other options as Oscar says. "" for a line that is no
    ticket (Oscar's own description then)."""
    codes_by_name = {name: code for code, name in OPTIONS.items()}
    answers, others = {}, []
    for attribute in line.attributes.all():
        option = getattr(attribute, "option", None)
        # An order line keeps the option's name at order time (`type`); the option may be gone.
        code = option.code if option else codes_by_name.get(getattr(attribute, "type", ""))
        if code in OPTIONS:
            answers[code] = attribute.value
        else:
            others.append(attribute)
    if not answers:
        return ""
    product = line.product
    parts = []
    if names := answers.get(GUESTS_OPTION):
        names = listed(names) if isinstance(names, list) else names
        parts.append(pgettext("a workshop ticket's party", "Guests: %(names)s") % {"names": names})
    if show_phone and (phone := answers.get(PHONE_OPTION)):
        parts.append(gettext("Lead guest's phone: %(phone)s") % {"phone": phone})
    if language := answers.get(LANGUAGE_OPTION):
        name = dict(Language.choices).get(language, language)
        parts.append(gettext("Language: %(language)s") % {"language": name})
    for attribute in others:
        name = attribute.option.name if getattr(attribute, "option", None) else attribute.type
        parts.append(f"{name} = '{attribute.value}'")
    title = product.get_title() if product else line.title
    return f"{title} ({' · '.join(parts)})"
