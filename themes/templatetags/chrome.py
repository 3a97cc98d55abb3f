"""The parts of every page around its content: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from pages.base import active_locale, json_ld_script, localized
from pages.glossary import name_of
from pages.models import SiteSettings
from pages.translated import in_language

register = template.Library()

SHORT_NAMES = {"vi": "VI", "en": "EN", "zh-hans": "中文"}


def live_translations(request, page):
    """The page in every language it is live in; looked up once per request for both tags below."""
    cache = request.__dict__.setdefault("_live_translations", {})
    if page.pk not in cache:
        cache[page.pk] = list(page.get_translations(inclusive=True).live().select_related("locale"))
    return cache[page.pk]


def site_links(context, items):
    """The pages of `items` (menu or footer items) in the visitor's language, marked when the
    current page is one of them or below one; looked up once per request (header and footer)."""
    request = context["request"]
    seen = request.__dict__.setdefault("_site_links", {})
    label = items.model._meta.label
    if label not in seen:
        seen[label] = links_to([item.page for item in items.select_related("page")], context)
    return seen[label]


def links_to(pages, context):
    request = context["request"]
    try:
        locale = active_locale()
    except Locale.DoesNotExist:
        locale = None
    current = context.get("page")
    links = []
    for page in localized(pages, locale) if locale else pages:
        active = bool(current and current.path.startswith(page.path))
        links.append({"title": page.title, "url": page.get_url(request), "active": active})
    return links


@register.inclusion_tag("partials/main_navigation.html", takes_context=True)
def main_navigation(context):
    site_settings = SiteSettings.for_request(context["request"])
    return {"links": site_links(context, site_settings.menu_items), "request": context["request"]}


@register.inclusion_tag("partials/footer_links.html", takes_context=True)
def footer_links(context):
    """The footer's two lists: the site's sections (as in the header), then the footer's pages."""
    site_settings = SiteSettings.for_request(context["request"])
    return {
        "sections": site_links(context, site_settings.menu_items),
        "pages": site_links(context, site_settings.footer_items),
    }


@register.inclusion_tag("partials/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language.

    A CMS page links to its translations (or to that language's home page where it has none);
    a shop page links to the same URL under the other language's prefix.
    """
    request = context["request"]
    page = context.get("page")
    is_cms_page = isinstance(page, Page) and page.pk
    translations = {}
    if is_cms_page:
        for translation in live_translations(request, page):
            translations[translation.locale.language_code] = translation.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        fallback = (
            translate_url("/", code)
            if is_cms_page
            else translate_url(request.get_full_path(), code)
        )
        url = translations.get(code) or fallback
        links.append(
            {
                "code": code,
                "name": name,
                "short": SHORT_NAMES.get(code, code.upper()),
                "url": url,
                "current": code == get_language(),
            }
        )
    return {"languages": links}


@register.inclusion_tag("partials/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical address, the page in other languages, Open Graph and schema.org data."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        # A shop page gives its own (canonical, alternates, default_url, page title, image_url).
        return {**context.get("page_meta", {}), "request": request}
    alternates = [
        {"code": translation.locale.language_code, "url": translation.get_full_url(request)}
        for translation in live_translations(request, page)
    ]
    specific = page.specific
    image = getattr(specific, "hero_image", None)
    return {
        "page": specific,
        "canonical": page.get_full_url(request),
        "alternates": alternates,
        "default_url": next(
            (a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE), None
        ),
        "image": image,
        "json_ld": specific.json_ld(request) if hasattr(specific, "json_ld") else None,
        "request": request,
    }


# schema.org data as a JSON-LD script element, safe whatever the editors typed.
register.filter("ld_json", json_ld_script)


@register.simple_tag
def translated(instance, field):
    """`instance.<field>` in the page's language; where an editor has not translated it yet, the
    Vietnamese text marked lang="vi" with a small note saying so in the page's language."""
    value = in_language(instance, field)
    return marked_vietnamese(value.text) if value.fallback else value.text


def marked_vietnamese(text):
    """Vietnamese text shown where the page's language has no translation yet: marked lang="vi",
    with a small note saying so in the page's language."""
    return format_html(
        '<span lang="vi">{}</span> <small class="untranslated">{}</small>',
        text,
        _("(in Vietnamese)"),
    )


def page_language():
    return (get_language() or settings.LANGUAGE_CODE).lower()


@register.simple_tag(takes_context=True)
def page_title(context, linked):
    """The title of a page `linked` from this one; where it has no translation in this page's
    language yet (its Vietnamese source is linked), the title marked lang="vi" with the same small
    note. Compares locales by id: no query."""
    here = context.get("page")
    if here is None or linked.locale_id == here.locale_id:
        return linked.title
    return marked_vietnamese(linked.title)


@register.filter
def photo_alt(image, product):
    """A product photo's alt text: its caption on the Vietnamese pages (producers write captions
    in Vietnamese), the product's name in the page's language on the others."""
    on_vietnamese_page = page_language() == settings.LANGUAGE_CODE
    caption = getattr(image, "caption", "") if on_vietnamese_page else ""
    return caption or product.get_title()


@register.filter
def place_or_address(text):
    """A place the glossary knows, in the page's language (`place_name`); anything else (a street
    address, a place not in the glossary yet) as written, marked lang="vi" on the other
    languages' pages, since an address stays in the words a driver or a carrier reads."""
    named = name_of(text)
    if not text or named != text or page_language() == settings.LANGUAGE_CODE:
        return named
    return format_html('<span lang="vi">{}</span>', text)


@register.filter
def place_name(name):
    """A village, craft, commune or Geopark site as the glossary writes it in the page's language
    (`{{ page.commune|place_name }}`); a name it does not know stays as written."""
    return name_of(name)
