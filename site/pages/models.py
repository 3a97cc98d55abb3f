"""Site-wide pages (home, standard page), the shared page base and site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import StoryBlock


def localized(pages, locale):
    """Each page's live translation in `locale`, or the page itself where there is none: one query."""
    found = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages], locale=locale
        )
    }
    return [found.get(page.translation_key, page) for page in pages]


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

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("is_sample")]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    card_meta = ""  # a short line under the title on cards; page types say what fits

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
        return (
            self.child_model.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.children_for_listing()
        return context


class HomePage(BasePage):
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from catalogue.models import Product
        from tours.models import TourPage
        from villages.models import EventIndexPage, MapPage, VillagePage

        context = super().get_context(request, *args, **kwargs)
        locale = self.locale
        villages = (
            VillagePage.objects.live()
            .public()
            .filter(locale=locale)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("title")
        )
        context["villages"] = VillagePage.with_local_crafts(villages[:6], locale)
        calendar = EventIndexPage.objects.live().filter(locale=locale).first()
        context["events"] = calendar.children_for_listing()[:3] if calendar else []
        context["map"] = MapPage.objects.live().filter(locale=locale).first()
        context["tours"] = (
            TourPage.objects.live()
            .public()
            .filter(locale=locale)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("title")[:3]
        )
        context["products"] = (
            Product.objects.browsable().base_queryset().order_by("-date_created")[:8]
        )
        return context


class StandardPage(BasePage):
    """An about page, a visitor guide, terms of sale: a title, an introduction and a story."""

    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact details and social links shown in every page's footer."""

    organisation = models.CharField(
        _("organisation"), max_length=200, default="Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    zalo_url = models.URLField(_("Zalo page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("zalo_url"), FieldPanel("youtube_url")],
            heading=_("Social links"),
        ),
        InlinePanel("menu_items", heading=_("Main navigation"), label=_("menu item")),
    ]

    class Meta:
        verbose_name = _("site settings")


class MenuItem(Orderable):
    """A link in the header's main navigation; shown in the visitor's language."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="menu_items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("menu item")
