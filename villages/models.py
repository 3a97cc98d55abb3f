"""Craft villages and Lạng Sơn Geopark sites, as pages editors publish."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from pages.models import BasePage


class Position(models.Model):
    """A point on the map, in WGS 84 degrees."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    position_panel = FieldRowPanel(
        [FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Position")
    )

    class Meta:
        abstract = True

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None


class VillageIndexPage(BasePage):
    subpage_types = ["villages.VillagePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("village index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = (
            VillagePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("title")
        )
        return context


class VillagePage(Position, BasePage):
    commune = models.CharField(
        _("commune or ward"), max_length=120, help_text=_("Since July 2025: e.g. xã Bắc Sơn.")
    )
    former_district = models.CharField(
        _("former district"),
        max_length=120,
        blank=True,
        help_text=_("The district before July 2025, kept for the plan's yearly report."),
    )
    crafts = models.CharField(
        _("crafts practised"), max_length=250, help_text=_("E.g. incense making, indigo weaving.")
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("crafts"),
                FieldPanel("commune"),
                FieldPanel("former_district"),
                Position.position_panel,
            ],
            heading=_("Where and what"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("crafts"),
        index.SearchField("commune"),
        index.FilterField("former_district"),
    ]

    parent_page_types = ["villages.VillageIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("craft village")


class GeoparkIndexPage(BasePage):
    subpage_types = ["villages.GeoparkSitePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Geopark overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sites"] = (
            GeoparkSitePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("title")
        )
        return context


class GeoparkSitePage(Position, BasePage):
    class Kind(models.TextChoices):
        GEOLOGICAL = "geological", _("Geological")
        CULTURAL = "cultural", _("Cultural")
        BIOLOGICAL = "biological", _("Biological")

    kind = models.CharField(_("kind of site"), max_length=20, choices=Kind.choices)
    site_number = models.PositiveSmallIntegerField(
        _("site number"), null=True, blank=True, help_text=_("Its number on the Geopark's list.")
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("site_number"), Position.position_panel],
            heading=_("About the site"),
        ),
    ]

    search_fields = BasePage.search_fields + [index.FilterField("kind")]

    parent_page_types = ["villages.GeoparkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Geopark site")
