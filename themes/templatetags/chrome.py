"""The parts of every page around its content: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site

from pages.base import active_locale, json_ld_script, localized
from pages.cache import shared
from pages.context_processors import site_settings_for
from pages.glossary import name_of
from pages.text import listed
from pages.translated import in_language

register = template.Library()


class SharedNode(template.Node):
    def __init__(self, nodelist, name, groups, vary):
        self.nodelist, self.name, self.groups, self.vary = nodelist, name, groups, vary

    def render(self, context):
        groups = (self.groups.resolve(context) or "").split()
        if not groups or getattr(context.get("request"), "is_preview", False):
            # Nothing said of what it shows (a shop page, a page of seats left), or an editor's
            # preview of a draft: made every time, never kept.
            return self.nodelist.render(context)
        return shared(
            self.name.resolve(context),
            groups,
            lambda: self.nodelist.render(context),
            *(part.resolve(context) for part in self.vary),
            request=context.get("request"),
        )


@register.tag("shared")
def shared_tag(parser, token):
    """{% shared "name" "group group" vary… %}…{% endshared %}: a part every visitor of many
    pages sees alike, rendered once and kept under the generations of its groups, per language
    and per each `vary` value (pages/cache.py, `shared`). With no groups, made every time."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name, its groups and what it varies by"
        )
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    name, groups, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return SharedNode(nodelist, name, groups, vary)


SHORT_NAMES = {"vi": "VI", "en": "EN", "zh-hans": "中文"}


OG_IMAGE = "fill-1200x630-c70"  # the picture of a link preview


def page_head(request, page):
    """What the head and the language switcher say of a CMS page, alike for every visitor: its
    address in each language it is live in and its picture for link previews, kept until a page
    changes; its schema.org data, kept as its main part is (BasePage.shared_groups: an
    experience's tells the seats left). Read once per request."""
    memo = request.__dict__.setdefault("_page_head", {})
    if page.pk in memo:
        return memo[page.pk]
    specific = page.specific

    def links():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {
            "translations": [
                {
                    "code": translation.locale.language_code,
                    "url": translation.get_url(request),
                    "full_url": translation.get_full_url(request),
                }
                for translation in translations
            ],
            "image_url": _og_image_url(getattr(specific, "hero_image", None)),
        }

    def json_ld():
        return specific.json_ld(request) if hasattr(specific, "json_ld") else None

    if getattr(request, "is_preview", False):
        head = {**links(), "json_ld": json_ld()}
    else:
        kept = getattr(specific, "shared_groups", "").split()
        vary = (page.pk, request.get_host())
        head = {
            **shared("page-links", ("tree", "pages"), links, *vary),
            "json_ld": shared("page-json-ld", kept, json_ld, *vary) if kept else json_ld(),
        }
    memo[page.pk] = head
    return head


def _og_image_url(image):
    if image is None:
        return None
    try:
        return image.get_rendition(OG_IMAGE).url
    except Exception:  # noqa: BLE001 - a picture that cannot be read leaves the preview without one
        return None


def site_links(context, items):
    """The pages of the site settings' `items` ("menu_items" or "footer_items") in the visitor's
    language, marked when the current page is one of them or below one. The list is shared by
    every page (pages/cache.py, `shared`) and read once per request (header and footer)."""
    request = context["request"]
    seen = request.__dict__.setdefault("_site_links", {})
    if items not in seen:
        site = Site.find_for_request(request)
        seen[items] = shared(
            f"links-{items}", ("tree", "pages"), lambda: links_to(request, items), site and site.pk
        )
    current = context.get("page")
    path = current.path if isinstance(current, Page) else None
    return [
        {**link, "active": bool(path and path.startswith(link["path"]))} for link in seen[items]
    ]


def links_to(request, items):
    site_settings = site_settings_for(request)
    pages = [item.page for item in getattr(site_settings, items).select_related("page")]
    try:
        locale = active_locale()
    except Locale.DoesNotExist:
        locale = None
    return [
        {"title": page.title, "url": page.get_url(request), "path": page.path}
        for page in (localized(pages, locale) if locale else pages)
    ]


@register.inclusion_tag("partials/main_navigation.html", takes_context=True)
def main_navigation(context):
    return {"links": site_links(context, "menu_items"), "request": context["request"]}


@register.inclusion_tag("partials/footer_links.html", takes_context=True)
def footer_links(context):
    """The footer's two lists: the site's sections (as in the header), then the footer's pages."""
    return {
        "sections": site_links(context, "menu_items"),
        "pages": site_links(context, "footer_items"),
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
        for translation in page_head(request, page)["translations"]:
            translations[translation["code"]] = translation["url"]
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
    head = page_head(request, page)
    alternates = [
        {"code": translation["code"], "url": translation["full_url"]}
        for translation in head["translations"]
    ]
    image_url = head["image_url"]
    return {
        "page": page.specific,
        "canonical": page.get_full_url(request),
        "alternates": alternates,
        "default_url": next(
            (a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE), None
        ),
        "image_url": image_url and request.build_absolute_uri(image_url),
        "json_ld": head["json_ld"],
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
def image_alt(image, in_page_language):
    """A CMS picture's alt text: its own (editors describe pictures in Vietnamese) on the
    Vietnamese pages; on the others the text given in the page's language, when there is one
    (`{% srcset_image page.hero_image … alt=page.hero_image|image_alt:page.title %}`: the page's
    title for its picture, a gallery picture's caption)."""
    if in_page_language and page_language() != settings.LANGUAGE_CODE:
        return str(in_page_language)
    return image.default_alt_text


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


@register.filter(name="listed", needs_autoescape=True)
def listed_filter(items, autoescape=True):
    """`{{ page.theme_labels|listed }}`: the items joined as the page's language writes a list."""
    escape = conditional_escape if autoescape else str
    return mark_safe(listed(escape(item) for item in items))
