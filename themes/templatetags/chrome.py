"""The parts of every page around its content: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from pages.models import SiteSettings, localized

register = template.Library()

SHORT_NAMES = {"vi": "VI", "en": "EN", "zh-hans": "中文"}


@register.inclusion_tag("partials/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    pages = [item.page for item in site_settings.menu_items.select_related("page")]
    current = context.get("page")
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    links = [
        {"title": page.title, "url": page.get_url(request), "page": page}
        for page in (localized(pages, locale) if locale else pages)
    ]
    for link in links:
        link["active"] = bool(current and current.path.startswith(link["page"].path))
    return {"links": links, "request": request}


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
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
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
