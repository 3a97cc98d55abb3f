"""Site-wide pages (home, standard page) and site settings; the base of every page is in base.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .base import BasePage


class HomePage(BasePage):
    """The site's home page: its story, then villages, events, tours and products, each section
    from a template tag of the app that owns it (themes/templates/pages/home_page.html)."""

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


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
