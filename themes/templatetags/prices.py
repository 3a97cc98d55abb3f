"""The site's one price display, loaded as `currency_filters` in place of Oscar's (settings).

`{{ amount|currency }}` shows đồng in the page's language's form and, on the English and Chinese
pages, the approximate amount in the visitor's currency beside it, marked ≈; the charge is in đồng.
"""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from pages.prices import approximate, exchange_rates, format_price

register = template.Library()


@register.filter(name="currency", needs_autoescape=True)
def currency(value, currency_code=None, autoescape=True):
    price = format_price(value, currency_code)
    about = approximate(value, currency_code) if price else ""
    if not about:
        return price
    if not autoescape:
        # Plain-text e-mails and other unescaped output: no markup.
        return f"{price} ({about})"
    return format_html(
        '{} <small class="price__approx" title="{}">{}</small>',
        price,
        _("Approximate: you pay in Vietnamese đồng"),
        about,
    )


@register.simple_tag
def exchange_rates_note():
    """The footer's line saying what ≈ amounts are and the date of their rates ("" in Vietnamese)."""
    if not approximate(1_000_000):
        return ""
    rates = exchange_rates()
    if rates.rates_date:
        return _(
            "Prices are charged in Vietnamese đồng (VND). Amounts marked ≈ are approximate, "
            "at the exchange rate of %(date)s."
        ) % {"date": date_format(rates.rates_date, "DATE_FORMAT")}
    return _("Prices are charged in Vietnamese đồng (VND). Amounts marked ≈ are approximate.")
