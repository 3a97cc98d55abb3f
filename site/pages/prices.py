"""Prices in đồng in each language's form, with an approximate amount in the visitor's currency.

`185.000 ₫` in Vietnamese, `₫185,000` in English and Chinese (Babel's forms); beside it on the
English and Chinese pages `≈ $7` or `≈ ¥51` from the rates staff keep in the admin
(`ExchangeRates`). The rates are read at most once per request, however many prices a page shows.
"""

from decimal import ROUND_HALF_UP, InvalidOperation
from decimal import Decimal as D

from django.conf import settings
from django.utils.translation import get_language, to_locale

from babel.numbers import format_currency

from .cache import shared
from .memo import request_memo


def exchange_rates():
    """The staff's exchange rates, read once per request (every time outside a request)."""
    from .models import ExchangeRates

    memo = request_memo()
    if memo is None:
        return ExchangeRates.load()
    if "rates" not in memo:
        # Kept between requests like the menus: a change of the rates drops every page ("tree").
        memo["rates"] = shared("exchange-rates", ("tree",), ExchangeRates.load)
    return memo["rates"]


def connect():
    """A change of the rates, the site's settings or the glossary shows on every page, as does a
    page linked from the header's or the footer's menu (its title): drop every cached copy."""
    from wagtail.models import Page

    from .changes import Shown, register
    from .models import ExchangeRates, FooterItem, MenuItem, PlaceName, SiteSettings

    for model in (ExchangeRates, SiteSettings, PlaceName):
        register(model, shown_at=lambda objects: Shown(groups={"tree"}))

    def in_the_menus(pages):
        keys = {page.translation_key for page in pages}
        linked = any(
            model.objects.filter(page__translation_key__in=keys).exists()
            for model in (MenuItem, FooterItem)
        )
        return Shown(groups={"tree"}) if linked else None

    register(Page, shown_at=in_the_menus)


def _locale():
    return to_locale(get_language() or settings.LANGUAGE_CODE)


def visitor_currency(rates=None):
    """The currency of the approximate amount on this language's pages, or None (Vietnamese)."""
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    if language.startswith("zh"):
        return "CNY"
    if language.startswith("en"):
        return (rates or exchange_rates()).english_currency
    return None


def format_price(amount, currency=None):
    """`amount` in `currency` (VND by default) in the active language's form, or "" if no number."""
    currency = currency or settings.OSCAR_DEFAULT_CURRENCY
    try:
        amount = D(amount)
    except (TypeError, ValueError, InvalidOperation):
        return ""
    return format_currency(amount, currency, locale=_locale())


def approximate(amount, currency=None):
    """`≈ $7`: a price in đồng in the visitor's currency at the staff's rate; "" where none."""
    if (currency or settings.OSCAR_DEFAULT_CURRENCY) != "VND":
        return ""
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    if not language.startswith(("en", "zh")):
        return ""
    rates = exchange_rates()
    code = visitor_currency(rates)
    rate = rates.vnd_per(code) if code else None
    try:
        value = D(amount) / rate if rate else None
    except (TypeError, ValueError, InvalidOperation):
        return ""
    if not value:
        return ""
    # Whole units read best; a few cents are kept only where the amount is under one unit.
    pattern = "¤#,##0" if value >= 1 else "¤#,##0.00"
    value = value.quantize(D("1") if value >= 1 else D("0.01"), rounding=ROUND_HALF_UP)
    shown = format_currency(value, code, format=pattern, locale=_locale(), currency_digits=False)
    return f"≈ {shown}"
