"""The base of every public page: its fields, the card queryset, translations and JSON-LD.

The bottom layer of our apps: villages, tours and plan build on it, and it imports none of them.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .admin_forms import PageForm
from .blocks import StoryBlock
from .memo import request_memo


def active_locale():
    """The visitor's Wagtail locale, read once per request (the header, the footer and a page's
    sections each ask for it). Raises Locale.DoesNotExist as Locale.get_active does."""
    memo = request_memo()
    if memo is None:
        return Locale.get_active()
    key = ("active_locale", get_language())  # an e-mail in another language may be written
    if key not in memo:
        memo[key] = Locale.get_active()
    return memo[key]


def choices_key(choices):
    """A short key for a visitor's choices (any text: a query string is not a cache key)."""
    return hashlib.sha256(json.dumps(choices, sort_keys=True).encode()).hexdigest()[:16]


def localized(pages, locale):
    """Each page's live translation in `locale`, or the page itself where there is none: one query."""
    found = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages], locale=locale
        )
    }
    return [found.get(page.translation_key, page) for page in pages]


class BasePageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's, read once per request instead of once per list (a home page lists five
        kinds of pages): it depends only on the private sections, not on the queryset."""
        memo = request_memo()
        if memo is None:
            return super().private_q()
        if "private_q" not in memo:
            memo["private_q"] = super().private_q()
        return memo["private_q"]

    def cards(self):
        """Live public pages, each with what its card shows (the hero image's renditions) fetched
        with it, whatever their number: order them as the list needs."""
        return (
            self.live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )


BasePageManager = PageManager.from_queryset(BasePageQuerySet)


class BasePage(Page):
    """What every public page has: an introduction, a hero image, a story and a sample flag."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StoryBlock(), verbose_name=_("story"), blank=True)
    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Made up for the demonstration site; shown to visitors as a sample."),
    )

    objects = BasePageManager()

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("is_sample")]
    base_form_class = PageForm  # choices of other pages in the page's own language

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    card_meta = ""  # a short line under the title on cards; page types say what fits

    # What the page shows every visitor alike (its main part and its head: base.html, chrome.py)
    # is made once and kept until a change in one of these groups (pages/cache.py): any page
    # published ("pages"), the site's tree or settings ("tree"). A page that lists products adds
    # "catalogue"; one that shows seats left, which change with every booking, keeps nothing ("").
    shared_groups = "tree pages"

    def shared_vary(self, request):
        """What else the kept part depends on: the choices of a filter form (`choices_key`)."""
        return ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shared_vary"] = self.shared_vary(request)
        return context

    def json_ld(self, request):
        """schema.org data about this page; page types that are places, events or people say more."""
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.title,
            "description": self.introduction,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }


class SectionIndexPage(BasePage):
    """A section's index page: lists its children in the visitor's language."""

    child_model = None
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def children_for_listing(self):
        return self.child_model.objects.child_of(self).cards().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's shared part is made (pages/section_index.html).
        context["items"] = self.children_for_listing
        return context


# --- JSON-LD --------------------------------------------------------------------------------

# Characters that could close the script element or start markup inside it.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _without_empty(value):
    if isinstance(value, dict):
        return {
            key: _without_empty(item)
            for key, item in value.items()
            if item not in (None, "", [], {})
        }
    return value


def json_ld_script(data):
    """schema.org `data` as a `<script type="application/ld+json">` element, empty values left
    out, safe to inline whatever the editors typed."""
    text = json.dumps(_without_empty(data), cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(text.translate(SCRIPT_ESCAPES))
    )
