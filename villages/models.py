"""Craft villages, crafts, master craftspeople, the Lạng Sơn Geopark, festivals and showrooms.

Everything a village page lists (its craftspeople, tours, nearby Geopark sites, products) is found
from the other side's data, never typed twice. What other apps hold (the tours through a place, the
workshops there, the products made or shown there) comes through their own template tags, so these
pages import none of them.
"""

import datetime
import functools

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lunar_vn import LunarDate, lunar_to_solar, solar_to_lunar
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.base import BasePage, SectionIndexPage, choices_key, localized
from pages.geo import Position, map_tiles, postal_address
from pages.geo import distance_km as distance_km  # still imported from here by tours/demo.py
from pages.glossary import name_of
from pages.text import listed

from . import festivals


def in_locale(model, locale):
    """Live, public pages of `model` in `locale`."""
    return model.objects.live().public().filter(locale=locale)


# --- Crafts ---------------------------------------------------------------------------------


class CraftIndexPage(SectionIndexPage):
    subpage_types = ["villages.CraftPage"]

    class Meta:
        verbose_name = _("craft index")

    @property
    def child_model(self):
        return CraftPage


class CraftPage(BasePage):
    class Status(models.TextChoices):
        THRIVING = "thriving", _("Practised and thriving")
        AT_RISK = "at_risk", _("At risk of being lost")
        RESTORING = "restoring", _("Being restored")
        RESTORED = "restored", _("Restored")

    status = models.CharField(
        _("state of the craft"), max_length=20, choices=Status.choices, default="thriving"
    )

    content_panels = BasePage.content_panels + [FieldPanel("status")]
    search_fields = BasePage.search_fields + [index.FilterField("status")]
    api_fields = [APIField("introduction"), APIField("status")]

    parent_page_types = ["villages.CraftIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("craft")

    @property
    def card_meta(self):
        return self.get_status_display()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practising = VillagePage.objects.filter(crafts__translation_key=self.translation_key)
        context["villages"] = (
            VillagePage.objects.cards()
            .filter(locale=self.locale, translation_key__in=practising.values("translation_key"))
            .order_by("title")
        )
        context["craftspeople"] = (
            CraftspersonPage.objects.cards()
            .filter(locale=self.locale, craft__translation_key=self.translation_key)
            .order_by("title")
        )
        return context


# --- Villages -------------------------------------------------------------------------------


class VillageIndexPage(SectionIndexPage):
    subpage_types = ["villages.VillagePage"]

    class Meta:
        verbose_name = _("village index")

    @property
    def child_model(self):
        return VillagePage

    def children_for_listing(self):
        return VillagePage.with_local_crafts(super().children_for_listing(), self.locale)


class VillagePage(Position, BasePage):
    shared_groups = "tree pages catalogue"  # its products and their prices

    class Recognition(models.TextChoices):
        NONE = "none", _("Not recognised")
        TRADITIONAL_CRAFT = "traditional_craft", _("Traditional craft")
        CRAFT_VILLAGE = "craft_village", _("Craft village")
        TRADITIONAL_CRAFT_VILLAGE = "traditional_craft_village", _("Traditional craft village")

    class Preservation(models.TextChoices):
        ACTIVE = "active", _("Active")
        AT_RISK = "at_risk", _("At risk")
        RESTORING = "restoring", _("Being restored")

    class Environment(models.TextChoices):
        NOT_CHECKED = "not_checked", _("Not checked yet")
        COMPLIANT = "compliant", _("Meets environmental rules")
        NOT_COMPLIANT = "not_compliant", _("Does not meet environmental rules yet")

    crafts = ParentalManyToManyField(
        "villages.CraftPage",
        verbose_name=_("crafts practised"),
        related_name="villages",
        blank=True,
    )
    commune = models.CharField(
        _("commune or ward"), max_length=120, help_text=_("Since July 2025: e.g. xã Bắc Sơn.")
    )
    former_district = models.CharField(
        _("former district"),
        max_length=120,
        blank=True,
        help_text=_("The district before July 2025, kept for the plan's yearly report."),
    )
    recognition = models.CharField(
        _("recognition"), max_length=32, choices=Recognition.choices, default=Recognition.NONE
    )
    recognition_decision = models.CharField(_("decision number"), max_length=60, blank=True)
    recognition_year = models.PositiveSmallIntegerField(_("year recognised"), null=True, blank=True)
    preservation = models.CharField(
        _("state of the craft"),
        max_length=20,
        choices=Preservation.choices,
        default=Preservation.ACTIVE,
    )
    linked_to_tourism = models.BooleanField(_("linked to tourism"), default=False)
    households = models.PositiveIntegerField(_("households in the craft"), null=True, blank=True)
    workers = models.PositiveIntegerField(_("workers"), null=True, blank=True)
    collective_trademark = models.CharField(
        _("collective trademark certificate"),
        max_length=60,
        blank=True,
        help_text=_("Empty: none."),
    )
    geographical_indication = models.CharField(
        _("geographical indication certificate"),
        max_length=60,
        blank=True,
        help_text=_("Empty: none."),
    )
    environment = models.CharField(
        _("environmental compliance"),
        max_length=20,
        choices=Environment.choices,
        default=Environment.NOT_CHECKED,
    )
    environment_year = models.PositiveSmallIntegerField(_("year checked"), null=True, blank=True)
    how_to_get_there = models.TextField(_("how to get there"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    best_season = models.CharField(_("best season to visit"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

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
        MultiFieldPanel(
            [
                FieldPanel("how_to_get_there"),
                FieldPanel("opening_hours"),
                FieldPanel("best_season"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_phone")]),
            ],
            heading=_("Visiting"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("recognition"),
                        FieldPanel("recognition_decision"),
                        FieldPanel("recognition_year"),
                    ]
                ),
                FieldPanel("preservation"),
                FieldPanel("linked_to_tourism"),
                FieldRowPanel([FieldPanel("households"), FieldPanel("workers")]),
                FieldRowPanel(
                    [FieldPanel("collective_trademark"), FieldPanel("geographical_indication")]
                ),
                FieldRowPanel([FieldPanel("environment"), FieldPanel("environment_year")]),
            ],
            heading=_("Recognition and the plan's figures"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("commune"),
        index.FilterField("former_district"),
        index.FilterField("recognition"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("commune"),
        APIField("former_district"),
        *Position.position_api_fields,
        APIField("recognition"),
        APIField("recognition_year"),
        APIField("linked_to_tourism"),
        APIField("opening_hours"),
        APIField("best_season"),
    ]
    # Facts the same in every language, copied from the source page, not translated (numbers,
    # years, choices and the position are so by default). The crafts are then the translations'
    # own (pages.translations); the former district is what the plan's report counts by.
    override_translatable_fields = [
        SynchronizedField("crafts", overridable=False),
        SynchronizedField("former_district", overridable=False),
        SynchronizedField("recognition_decision", overridable=False),
        SynchronizedField("collective_trademark", overridable=False),
        SynchronizedField("geographical_indication", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
    ]

    parent_page_types = ["villages.VillageIndexPage"]
    subpage_types = ["villages.CraftspersonPage"]

    class Meta:
        verbose_name = _("craft village")

    @cached_property
    def local_crafts(self):
        return localized(list(self.crafts.all()), self.locale)

    @property
    def card_meta(self):
        return listed(craft.title for craft in self.local_crafts)

    @staticmethod
    def with_local_crafts(villages, locale):
        """`villages` with their crafts in `locale` attached, in two queries whatever their number."""
        villages = list(villages)
        Through = VillagePage.crafts.through
        links = Through.objects.filter(villagepage__in=villages).select_related("craftpage")
        crafts = {link.craftpage_id: link.craftpage for link in links}
        local = dict(zip(crafts, localized(list(crafts.values()), locale), strict=True))
        by_village = {}
        for link in links:
            by_village.setdefault(link.villagepage_id, []).append(local[link.craftpage_id])
        for village in villages:
            village.local_crafts = by_village.get(village.pk, [])
        return villages

    def get_context(self, request, *args, **kwargs):
        # Its products, tours and workshops come from the shop's and tours' template tags. The
        # lists are read only when the page's shared part is made (its template, `shared`).
        context = super().get_context(request, *args, **kwargs)
        context["craftspeople"] = lambda: (
            CraftspersonPage.objects.child_of(self).cards().order_by("title")
        )
        context["geopark_sites"] = SimpleLazyObject(
            lambda: self.nearby(in_locale(GeoparkSitePage, self.locale).order_by("title"))
        )
        context["events"] = SimpleLazyObject(
            lambda: [
                event
                for event in in_locale(EventPage, self.locale).filter(
                    village__translation_key=self.translation_key
                )
                if event.next_dates()
            ]
        )
        return context

    def json_ld(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "TouristAttraction",
            "name": self.title,
            "description": self.introduction,
            "url": self.get_full_url(request),
            "geo": self.geo_json_ld(),
            "address": postal_address(addressLocality=name_of(self.commune)),
            "touristType": "craft tourism",
        }


class CraftspersonPage(BasePage):
    """A master craftsperson (nghệ nhân) or skilled worker (thợ giỏi), under their village."""

    class Title(models.TextChoices):
        PEOPLES_ARTISAN = "peoples_artisan", _("People's Artisan")
        MERITORIOUS_ARTISAN = "meritorious_artisan", _("Meritorious Artisan")
        PROVINCIAL_ARTISAN = "provincial_artisan", _("Provincial artisan")
        SKILLED_WORKER = "skilled_worker", _("Skilled craftsperson")

    honour = models.CharField(
        pgettext_lazy("an artisan's honour", "title"), max_length=30, choices=Title.choices
    )
    craft = models.ForeignKey(
        "villages.CraftPage",
        verbose_name=_("craft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teaches = models.BooleanField(_("teaches the craft"), default=False)
    hosts_visitors = models.BooleanField(_("welcomes visitors"), default=False)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("honour"), FieldPanel("craft")]),
        FieldRowPanel([FieldPanel("teaches"), FieldPanel("hosts_visitors")]),
    ]
    api_fields = [APIField("honour"), APIField("teaches"), APIField("hosts_visitors")]

    parent_page_types = ["villages.VillagePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("craftsperson")

    @property
    def village(self):
        return self.get_parent().specific

    @property
    def card_meta(self):
        return self.get_honour_display()

    @cached_property
    def local_craft(self):
        return localized([self.craft], self.locale)[0] if self.craft_id else None

    def json_ld(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.title,
            "jobTitle": self.get_honour_display(),
            "description": self.introduction,
            "url": self.get_full_url(request),
            "knowsAbout": self.local_craft.title if self.local_craft else None,
            "homeLocation": {"@type": "Place", "name": self.village.title},
        }


# --- The Geopark ----------------------------------------------------------------------------


class GeoparkIndexPage(SectionIndexPage):
    subpage_types = ["villages.GeoparkSitePage"]

    class Meta:
        verbose_name = _("Geopark overview")

    @property
    def child_model(self):
        return GeoparkSitePage


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
    api_fields = [
        APIField("introduction"),
        APIField("kind"),
        APIField("site_number"),
        *Position.position_api_fields,
    ]

    parent_page_types = ["villages.GeoparkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Geopark site")

    @property
    def card_meta(self):
        return self.get_kind_display()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = self.nearby(in_locale(VillagePage, self.locale).order_by("title"))
        return context

    def json_ld(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "TouristAttraction",
            "name": self.title,
            "description": self.introduction,
            "url": self.get_full_url(request),
            "geo": self.geo_json_ld(),
            "isPartOf": {"@type": "TouristDestination", "name": "Lạng Sơn UNESCO Global Geopark"},
        }


# --- Festivals and events -------------------------------------------------------------------


class EventIndexPage(SectionIndexPage):
    """Coming festivals, markets and fairs, soonest first."""

    subpage_types = ["villages.EventPage"]

    class Meta:
        verbose_name = _("event calendar")

    @property
    def child_model(self):
        return EventPage

    def children_for_listing(self):
        # next_dates() is worked out once per event: it converts lunar dates.
        dated = [(event.next_dates(), event) for event in super().children_for_listing()]
        upcoming = sorted((pair for pair in dated if pair[0]), key=lambda pair: pair[0][0])
        return [event for _dates, event in upcoming]

    def get_context(self, request, *args, **kwargs):
        # The calendar is made only when the page's shared part is made (base.html), once per
        # month shown: the template calls these.
        context = super().get_context(request, *args, **kwargs)
        first = festivals.chosen_month(request.GET.get("month"))
        calendar = functools.cache(
            lambda: festivals.month_calendar(
                first, list(super(EventIndexPage, self).children_for_listing())
            )
        )
        context.update(
            month=first,
            weeks=lambda: calendar()[0],
            weekdays=lambda: calendar()[1],
            month_events=lambda: calendar()[2],
            previous_month=festivals.shift_month(first, -1),
            next_month=festivals.shift_month(first, 1),
        )
        return context

    def shared_vary(self, request):
        return festivals.chosen_month(request.GET.get("month")).isoformat()


class EventPage(RoutablePageMixin, Position, BasePage):
    class Kind(models.TextChoices):
        FESTIVAL = "festival", _("Festival")
        MARKET = "market", _("Market")
        CRAFT_FAIR = "craft_fair", _("Craft fair")

    class Recurrence(models.TextChoices):
        ONCE = "once", _("Once, on the dates below")
        LUNAR_YEARLY = "lunar_yearly", _("Every year, on a lunar-calendar date")

    kind = models.CharField(
        _("kind of event"), max_length=20, choices=Kind.choices, default=Kind.FESTIVAL
    )
    recurrence = models.CharField(
        _("when"), max_length=20, choices=Recurrence.choices, default=Recurrence.ONCE
    )
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    lunar_month = models.PositiveSmallIntegerField(
        _("lunar month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    lunar_day = models.PositiveSmallIntegerField(
        _("lunar day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    duration_days = models.PositiveSmallIntegerField(
        _("number of days"), default=1, validators=[MinValueValidator(1)]
    )
    place = models.CharField(_("place"), max_length=200)
    village = models.ForeignKey(
        "villages.VillagePage",
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    geopark_site = models.ForeignKey(
        "villages.GeoparkSitePage",
        verbose_name=_("Geopark site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("recurrence"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel(
                    [
                        FieldPanel("lunar_month"),
                        FieldPanel("lunar_day"),
                        FieldPanel("duration_days"),
                    ]
                ),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("village"),
                FieldPanel("geopark_site"),
                Position.position_panel,
            ],
            heading=_("Place"),
        ),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("kind"),
        APIField("recurrence"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("lunar_month"),
        APIField("lunar_day"),
        APIField("place"),
        *Position.position_api_fields,
    ]

    parent_page_types = ["villages.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("festival or event")

    @property
    def card_meta(self):
        dates = self.next_dates()
        return date_format(dates[0], "DATE_FORMAT") if dates else ""

    def clean(self):
        super().clean()
        if self.recurrence == self.Recurrence.LUNAR_YEARLY and not (
            self.lunar_month and self.lunar_day
        ):
            raise ValidationError(
                {"lunar_month": _("A lunar-calendar event needs its lunar month and day.")}
            )
        if self.recurrence == self.Recurrence.ONCE and not self.start_date:
            raise ValidationError({"start_date": _("Give the first day of the event.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first.")})

    def next_dates(self, today=None):
        """(first day, last day) of the coming or current occurrence, or None when it is over."""
        today = today or timezone.localdate()
        if self.recurrence == self.Recurrence.LUNAR_YEARLY:
            this_lunar_year = solar_to_lunar(today).year
            for lunar_year in (this_lunar_year - 1, this_lunar_year, this_lunar_year + 1):
                try:
                    start = lunar_to_solar(
                        LunarDate(
                            day=self.lunar_day, month=self.lunar_month, year=lunar_year, leap=False
                        )
                    )
                except ValueError:
                    continue  # e.g. day 30 of a 29-day month that year
                end = start + datetime.timedelta(days=self.duration_days - 1)
                if end >= today:
                    return start, end
            return None
        if not self.start_date:
            return None
        end = self.end_date or self.start_date
        return (self.start_date, end) if end >= today else None

    @cached_property
    def local_village(self):
        return localized([self.village], self.locale)[0] if self.village_id else None

    @cached_property
    def local_geopark_site(self):
        return localized([self.geopark_site], self.locale)[0] if self.geopark_site_id else None

    @path("lich/", name="calendar")
    def calendar(self, request):
        """The coming occurrence as an iCalendar file, for the visitor's calendar app."""
        text = festivals.festival_ics(request, self)
        if text is None:
            raise Http404
        response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def json_ld(self, request):
        dates = self.next_dates()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.introduction,
            "url": self.get_full_url(request),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {
                "@type": "Place",
                "name": self.place,
                "address": postal_address(addressLocality=self.place),
                "geo": self.geo_json_ld(),
            },
        }
        if dates:
            data["startDate"] = f"{dates[0].isoformat()}T00:00:00+07:00"
            data["endDate"] = f"{dates[1].isoformat()}T23:59:00+07:00"
        return data


# --- Showrooms ------------------------------------------------------------------------------


class ShowroomIndexPage(SectionIndexPage):
    subpage_types = ["villages.ShowroomPage"]

    class Meta:
        verbose_name = _("showroom index")

    @property
    def child_model(self):
        return ShowroomPage


class ShowroomPage(Position, BasePage):
    """A display-and-sale point for craft-village products at a tourist site."""

    shared_groups = "tree pages catalogue"  # the products on display

    address = models.CharField(_("address"), max_length=250)
    opening_hours = models.CharField(_("opening hours"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    products = ParentalManyToManyField(
        "catalogue.Product",
        verbose_name=_("products on display"),
        related_name="showrooms",
        blank=True,
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                Position.position_panel,
            ],
            heading=_("Finding it"),
        ),
        FieldPanel("products"),
    ]
    api_fields = [
        APIField("address"),
        APIField("opening_hours"),
        APIField("phone"),
        *Position.position_api_fields,
    ]
    override_translatable_fields = [
        SynchronizedField("phone", overridable=False),
        SynchronizedField("products", overridable=False),
    ]

    parent_page_types = ["villages.ShowroomIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("showroom")

    @property
    def card_meta(self):
        return self.address

    def json_ld(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "Store",
            "name": self.title,
            "url": self.get_full_url(request),
            "address": postal_address(streetAddress=self.address),
            "openingHours": self.opening_hours,
            "telephone": self.phone or None,
            "geo": self.geo_json_ld(),
        }


# --- The map --------------------------------------------------------------------------------


class MapPage(BasePage):
    """One map of villages, Geopark sites, showrooms and events, with a list that needs no script."""

    max_count_per_parent = 1
    subpage_types = []

    class Meta:
        verbose_name = _("map")

    LAYERS = (
        ("villages", _("Craft villages")),
        ("geopark", _("Geopark sites")),
        ("showrooms", _("Showrooms")),
        ("events", _("Festivals and events")),
    )

    def layer_items(self):
        models_by_layer = {
            "villages": VillagePage,
            "geopark": GeoparkSitePage,
            "showrooms": ShowroomPage,
            "events": EventPage,
        }
        layers = {}
        for key, model in models_by_layer.items():
            items = [
                item
                for item in in_locale(model, self.locale).cards().order_by("title")
                if item.has_position and (model is not EventPage or item.next_dates())
            ]
            if model is VillagePage:  # their crafts are the popup's line: fetched in two queries
                items = VillagePage.with_local_crafts(items, self.locale)
            layers[key] = items
        return layers

    def chosen_layers(self, request):
        # Checkboxes: every layer ticked is shown; none ticked (the first visit) shows them all.
        labels = dict(self.LAYERS)
        return [key for key in request.GET.getlist("layer") if key in labels] or list(labels)

    def shared_vary(self, request):
        return choices_key(self.chosen_layers(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        labels = dict(self.LAYERS)
        chosen = self.chosen_layers(request)
        # The layers are read only when the page's shared part is made (base.html), once per set
        # of layers ticked: the template calls these.
        all_layers = functools.cache(self.layer_items)
        context["layers"] = lambda: [
            {"key": key, "label": labels[key], "items": items, "shown": key in chosen}
            for key, items in all_layers().items()
        ]
        context["map_points"] = lambda: [
            {
                "layer": key,
                "title": item.title,
                "text": item.card_meta or item.introduction[:120],
                "image": _popup_image(item.hero_image),
                "url": item.url,
                "lat": float(item.latitude),
                "lng": float(item.longitude),
            }
            for key, items in all_layers().items()
            for item in items
        ]
        context["map_tiles"] = map_tiles()
        return context


def _popup_image(image):
    """A small picture for a map popup, or "" (a missing file leaves the popup without one)."""
    if image is None:
        return ""
    try:
        return image.get_rendition("fill-240x150-c70").url
    except Exception:  # noqa: BLE001 - the map must draw even if one picture cannot be read
        return ""
