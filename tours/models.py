"""Tourist routes through the craft villages and the Geopark."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from pages.models import BasePage, localized


class TourIndexPage(BasePage):
    subpage_types = ["tours.TourPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tour index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tours"] = (
            TourPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("title")
        )
        return context


class TourPage(BasePage):
    class Length(models.TextChoices):
        HALF_DAY = "half_day", _("Half a day")
        ONE_DAY = "one_day", _("One day")
        SEVERAL_DAYS = "several_days", _("Several days")

    length = models.CharField(_("length"), max_length=20, choices=Length.choices)
    starting_point = models.CharField(_("starting point"), max_length=120, default="TP. Lạng Sơn")
    price_from = models.PositiveIntegerField(
        _("price from (VND)"), null=True, blank=True, help_text=_("Per person, in đồng.")
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("length"), FieldPanel("starting_point"), FieldPanel("price_from")],
            heading=_("At a glance"),
        ),
        InlinePanel("stops", heading=_("Stops, in order"), label=_("stop"), min_num=1),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("starting_point"),
        index.FilterField("length"),
    ]

    parent_page_types = ["tours.TourIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tour")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stops = list(self.stops.select_related("place"))
        places = localized([stop.place for stop in stops], self.locale)
        for stop, place in zip(stops, places, strict=True):
            stop.local_place = place
        context["stops"] = stops
        return context


class TourStop(Orderable):
    """A stop on a tour: a village or Geopark site page, and what to do there."""

    tour = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="stops")
    place = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    minutes = models.PositiveIntegerField(
        _("time to spend (minutes)"), default=60, validators=[MinValueValidator(5)]
    )
    activity = models.CharField(_("what to do there"), max_length=250, blank=True)

    panels = [
        PageChooserPanel("place", ["villages.VillagePage", "villages.GeoparkSitePage"]),
        FieldPanel("minutes"),
        FieldPanel("activity"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tour stop")
