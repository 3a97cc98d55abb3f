"""Site-wide pages (home, standard page) and site settings; the base of every page is in base.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .base import BasePage
from .glossary import PlaceName  # noqa: F401  (the glossary's model, kept beside its reading)
from .routing import route_below


class HomePage(BasePage):
    """The site's home page: its story, then villages, events, tours and products, each section
    from a template tag of the app that owns it (themes/templates/pages/home_page.html)."""

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    shared_groups = "tree pages catalogue"  # its lists of products

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # The pages below found at once (routing.py), not one level after another.
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)


class StandardPage(BasePage):
    """An about page, a visitor guide, terms of sale: a title, an introduction and a story."""

    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The site's name, contact details and social links shown in every page's header and footer.

    The Vietnamese text is the source; the fields ending in _en and _zh_hans hold its translations
    (as products' do), and a page shows the Vietnamese where one is left empty.
    """

    brand = models.CharField(_("site name"), max_length=100, default="Làng nghề Lạng Sơn")
    brand_en = models.CharField(
        _("site name in English"), max_length=100, blank=True, default="Craft villages of Lạng Sơn"
    )
    brand_zh_hans = models.CharField(
        _("site name in Chinese"), max_length=100, blank=True, default="谅山手工艺村"
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, default="Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn"
    )
    organisation_en = models.CharField(
        _("organisation in English"),
        max_length=200,
        blank=True,
        default="Lạng Sơn Department of Culture, Sports and Tourism",
    )
    organisation_zh_hans = models.CharField(
        _("organisation in Chinese"), max_length=200, blank=True, default="谅山省文化体育旅游厅"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    address_en = models.CharField(_("address in English"), max_length=300, blank=True)
    address_zh_hans = models.CharField(_("address in Chinese"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    zalo_url = models.URLField(_("Zalo page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("brand"), FieldPanel("brand_en"), FieldPanel("brand_zh_hans")],
            heading=_("Site name"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("organisation_en"),
                FieldPanel("organisation_zh_hans"),
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("address_zh_hans"),
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
        InlinePanel(
            "footer_items",
            heading=_("Footer links"),
            label=_("footer link"),
            help_text=_("Pages such as terms of sale, privacy, returns or the plan's progress."),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


class SiteLink(Orderable):
    """A link to a page, kept in the site settings and shown in the visitor's language."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True


class MenuItem(SiteLink):
    """A section in the header's main navigation (and the footer's list of sections)."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="menu_items")

    class Meta(SiteLink.Meta):
        verbose_name = _("menu item")


class FooterItem(SiteLink):
    """A page linked from the footer only: terms, privacy, returns, the plan's progress."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_items")

    class Meta(SiteLink.Meta):
        verbose_name = _("footer link")


@register_setting(icon="cogs")
class ExchangeRates(BaseGenericSetting):
    """Rates staff set by hand, for the approximate amount shown beside a price in đồng.

    Only a hint for visitors from abroad: every charge is in đồng. A rate left empty shows none.
    """

    class Currency(models.TextChoices):
        USD = "USD", _("US dollar (USD)")
        EUR = "EUR", _("euro (EUR)")

    vnd_per_cny = models.DecimalField(
        _("đồng for one yuan (CNY)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    vnd_per_usd = models.DecimalField(
        _("đồng for one US dollar (USD)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    vnd_per_eur = models.DecimalField(
        _("đồng for one euro (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    english_currency = models.CharField(
        _("currency on the English pages"),
        max_length=3,
        choices=Currency.choices,
        default=Currency.USD,
    )
    rates_date = models.DateField(
        _("rates as of"),
        null=True,
        blank=True,
        help_text=_("The day the rates were read; pages show it beside the approximate amounts."),
    )

    panels = [
        FieldPanel("rates_date"),
        FieldPanel("vnd_per_cny"),
        FieldPanel("vnd_per_usd"),
        FieldPanel("vnd_per_eur"),
        FieldPanel("english_currency"),
    ]

    class Meta:
        verbose_name = _("exchange rates")
        verbose_name_plural = _("exchange rates")

    def vnd_per(self, code):
        return getattr(self, f"vnd_per_{code.lower()}", None)
