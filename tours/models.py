"""Tourist routes through the craft villages and the Geopark, and craft experiences.

Places are pages of villages, chosen by name ("villages.VillagePage"); what tours show on those
pages (the tours through a place, its workshops) comes through templatetags/tours_tags.py.
"""

import datetime
import json

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from pages.base import BasePage, SectionIndexPage, choices_key, localized
from pages.geo import Position, geo_coordinates, map_tiles, postal_address
from pages.glossary import name_of

from . import party, routes
from .fields import ChoiceListField
from .itinerary import measure_legs, route_svg, visit_facts

PLACE_TYPES = [
    "villages.VillagePage",
    "villages.GeoparkSitePage",
    "villages.ShowroomPage",
    "villages.EventPage",
]


FILTERS = ("length", "theme", "season", "start")  # the tour index's form


class TourIndexPage(SectionIndexPage):
    """All tours, narrowed by length, theme, season and starting point (plain GET links)."""

    subpage_types = ["tours.TourPage"]

    class Meta:
        verbose_name = _("tour index")

    @property
    def child_model(self):
        return TourPage

    def get_context(self, request, *args, **kwargs):
        # The list and the form's choices are read only when the page's shared part is made
        # (base.html), once per set of choices: the template calls these.
        context = super().get_context(request, *args, **kwargs)
        chosen = self.chosen(request)
        context["items"] = lambda: self.tours_chosen(chosen)
        context["chosen"] = chosen
        context["filters"] = self.filters
        return context

    def chosen(self, request):
        """The visitor's choice for each filter ("" for any)."""
        return {name: request.GET.get(name, "") for name in FILTERS}

    def shared_vary(self, request):
        return choices_key(self.chosen(request))

    def tours_chosen(self, chosen):
        tours = self.children_for_listing()
        if chosen["length"] in TourPage.Length.values:
            tours = tours.filter(length=chosen["length"])
        if chosen["theme"] in TourPage.Theme.values:
            tours = tours.filter(themes__contains=chosen["theme"])
        if chosen["season"] in TourPage.Season.values:
            tours = tours.filter(seasons__contains=chosen["season"])
        if chosen["start"]:
            tours = tours.filter(starting_point=chosen["start"])
        return tours

    def filters(self):
        """The form's fields: name, label and choices."""
        return [
            ("length", _("Length"), TourPage.Length.choices),
            ("theme", _("Theme"), TourPage.Theme.choices),
            ("season", _("Season"), TourPage.Season.choices),
            (
                "start",
                _("Starting point"),
                [
                    (start, start)
                    for start in self.children_for_listing()
                    .order_by("starting_point")
                    .values_list("starting_point", flat=True)
                    .distinct()
                ],
            ),
        ]


class TourPage(RoutablePageMixin, BasePage):
    class Length(models.TextChoices):
        HALF_DAY = "half_day", _("Half a day")
        ONE_DAY = "one_day", _("One day")
        SEVERAL_DAYS = "several_days", _("Several days")

    class Difficulty(models.TextChoices):
        EASY = "easy", _("Easy")
        MODERATE = "moderate", _("Moderate")
        HARD = "hard", _("Demanding")

    class Theme(models.TextChoices):
        CRAFT = "craft", _("Crafts")
        GEOLOGY = "geology", _("Geology")
        CULTURE = "culture", _("Culture")
        FOOD = "food", _("Food")

    class Season(models.TextChoices):
        SPRING = "spring", _("Spring")
        SUMMER = "summer", _("Summer")
        AUTUMN = "autumn", _("Autumn")
        WINTER = "winter", _("Winter")

    length = models.CharField(_("length"), max_length=20, choices=Length.choices)
    difficulty = models.CharField(
        _("difficulty"), max_length=20, choices=Difficulty.choices, default="easy"
    )
    themes = ChoiceListField(_("themes"), max_length=100, choices=Theme.choices, blank=True)
    seasons = ChoiceListField(_("best seasons"), max_length=100, choices=Season.choices, blank=True)
    starting_point = models.CharField(_("starting point"), max_length=120, default="TP. Lạng Sơn")
    price_from = models.PositiveIntegerField(
        _("price from (VND)"), null=True, blank=True, help_text=_("Per person, in đồng.")
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("length"), FieldPanel("difficulty")]),
                FieldPanel("themes"),
                FieldPanel("seasons"),
                FieldRowPanel([FieldPanel("starting_point"), FieldPanel("price_from")]),
            ],
            heading=_("At a glance"),
        ),
        InlinePanel("stops", heading=_("Stops, in order"), label=_("stop"), min_num=1),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("starting_point"),
        index.FilterField("length"),
    ]
    api_fields = [
        APIField("length"),
        APIField("difficulty"),
        APIField("starting_point"),
        APIField("price_from"),
    ]

    parent_page_types = ["tours.TourIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tour")

    @property
    def card_meta(self):
        return self.get_length_display()

    def theme_labels(self):
        return self._meta.get_field("themes").labels(self.themes)

    def season_labels(self):
        return self._meta.get_field("seasons").labels(self.seasons)

    @cached_property
    def itinerary(self):
        """The stops in order, each knowing its place in this tour's language and the leg to it."""
        stops = list(self.stops.select_related("place"))
        places = localized([stop.place for stop in stops if stop.place_id], self.locale)
        specific = {place.pk: place for place in _specific_pages(places)}
        local = iter(places)
        for stop in stops:
            stop.local_place = specific[next(local).pk] if stop.place_id else None
            stop.visit = visit_facts(stop.local_place)
        return measure_legs(stops)

    @property
    def total_km(self):
        return round(sum(float(stop.leg_km or 0) for stop in self.itinerary[1:]), 1)

    @property
    def total_km_measure(self):
        """How the total was measured: "road", "crow" (no leg entered) or "partly"."""
        measures = {stop.leg_measure for stop in self.itinerary[1:] if stop.leg_measure}
        return measures.pop() if len(measures) == 1 else "partly"

    # No tour is sold yet: its price is shown only once it can be booked (guided, with dates).
    is_bookable = False

    @property
    def total_minutes(self):
        return sum(stop.minutes + (stop.travel_minutes or 0) for stop in self.itinerary)

    @property
    def duration_display(self):
        hours, minutes = divmod(self.total_minutes, 60)
        if not hours:
            return _("%(minutes)d min") % {"minutes": minutes}
        return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}

    def json_ld(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "TouristTrip",
            "name": self.title,
            "description": self.introduction,
            "url": self.get_full_url(request),
            "touristType": self.theme_labels() and [str(label) for label in self.theme_labels()],
            "itinerary": {
                "@type": "ItemList",
                "numberOfItems": len(self.itinerary),
                "itemListElement": [
                    {"@type": "ListItem", "position": number, "item": stop.json_ld(request)}
                    for number, stop in enumerate(self.itinerary, start=1)
                ],
            },
        }

    def get_context(self, request, *args, **kwargs):
        # The itinerary is read only when the page's shared part is made (base.html): the template
        # calls these.
        context = super().get_context(request, *args, **kwargs)
        context["stops"] = lambda: self.itinerary
        context["map_tiles"] = map_tiles()
        context["route_points"] = self.route_points
        context["offline_urls"] = lambda: json.dumps(self.offline_urls())
        return context

    def route_points(self):
        """The stops with a position, as the route map's script reads them."""
        return [
            {
                "layer": "route",
                "title": stop.title,
                "lat": float(stop.point[0]),
                "lng": float(stop.point[1]),
                "url": stop.url,
            }
            for stop in self.itinerary
            if stop.point
        ]

    def offline_urls(self):
        """What "Save for offline" keeps: this page, its itinerary and route map, the stops' pages."""
        pages = [self.url] + [
            self.url + self.reverse_subpage(name) for name in ("print", "route_map")
        ]
        stops = [stop.url for stop in self.itinerary if stop.url]
        assets = [
            static(name)
            for name in ("leaflet/leaflet.css", "leaflet/leaflet.js", "themes/js/map.js")
        ]
        return list(dict.fromkeys(pages + stops + assets))

    @path("in/", name="print")
    def printable(self, request):
        """The itinerary on one or two A4 pages."""
        return self.render(request, template="tours/tour_print.html")

    @path("ban-do/", name="route_map")
    def route_map(self, request):
        """The route as an SVG picture drawn here (no map tiles), for printing and offline use."""
        return HttpResponse(route_svg(self.title, self.itinerary), content_type="image/svg+xml")

    @path("gpx/", name="gpx")
    def gpx(self, request):
        body = render_to_string(
            "tours/tour.gpx", {"page": self, "stops": self.itinerary, "request": request}
        )
        response = HttpResponse(body, content_type="application/gpx+xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.gpx"'
        return response


def tours_passing(page):
    """Live tours in `page`'s language with a stop at `page` (in any of its translations)."""
    stops = TourStop.objects.filter(place__translation_key=page.translation_key)
    return (
        TourPage.objects.cards()
        .filter(locale=page.locale, translation_key__in=stops.values("tour__translation_key"))
        .order_by("title")
    )


def _specific_pages(pages):
    """The specific page objects for `pages`, one query per page type."""
    return Page.objects.filter(pk__in=[page.pk for page in pages]).specific()


class TourStop(Orderable):
    """A stop on a tour — a village, Geopark site, showroom or festival page, or a named point —
    and the leg that leads to it from the stop before."""

    class Mode(models.TextChoices):
        CAR = "car", _("By car")
        MOTORBIKE = "motorbike", _("By motorbike")
        WALK = "walk", _("On foot")
        BOAT = "boat", _("By boat")

    tour = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="stops")
    place = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(
        _("name of another point"),
        max_length=120,
        blank=True,
        help_text=_("Only for a point without its own page."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    minutes = models.PositiveIntegerField(
        _("time to spend (minutes)"), default=60, validators=[MinValueValidator(5)]
    )
    activity = models.CharField(_("what to do there"), max_length=250, blank=True)
    travel_mode = models.CharField(
        _("getting here"), max_length=20, choices=Mode.choices, default=Mode.CAR
    )
    travel_minutes = models.PositiveIntegerField(_("travel time (minutes)"), null=True, blank=True)
    travel_km = models.DecimalField(
        _("distance (km)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Leave empty to use the straight-line distance from the stop before."),
    )

    panels = [
        PageChooserPanel("place", PLACE_TYPES),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldRowPanel([FieldPanel("minutes"), FieldPanel("activity")]),
        FieldRowPanel(
            [FieldPanel("travel_mode"), FieldPanel("travel_minutes"), FieldPanel("travel_km")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tour stop")

    def clean(self):
        super().clean()
        if not self.place_id and not (
            self.name and self.latitude is not None and self.longitude is not None
        ):
            raise ValidationError(_("Choose a place, or give the point a name and a position."))

    @property
    def point(self):
        """(latitude, longitude) of the stop: its page's position, else its own; or None."""
        place = getattr(self, "local_place", None)
        if place is not None and getattr(place, "has_position", False):
            return (place.latitude, place.longitude)
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        return None

    @property
    def title(self):
        """The stop's name in the page's language: its page's translation, else the glossary's
        name for the Vietnamese one (name_of), so a place is written as everywhere else."""
        place = getattr(self, "local_place", None)
        return name_of(place.title if place else self.name)

    @property
    def title_language(self):
        """ "vi" where the name shown is still the Vietnamese one on another language's page
        (no translated page, no glossary entry), for `lang` in templates; else ""."""
        place = getattr(self, "local_place", None)
        if place is None or place.locale_id == self.tour.locale_id:
            return ""
        return "vi" if self.title == place.title else ""

    @property
    def url(self):
        return self.local_place.url if getattr(self, "local_place", None) else ""

    def json_ld(self, request):
        data = {"@type": "Place", "name": self.title}
        if self.url:
            data["url"] = self.local_place.get_full_url(request)
        if self.point:
            data["geo"] = geo_coordinates(*self.point)
        return data


# --- Craft experiences: workshops with a craftsperson, sold as tickets ----------------------


class ExperienceIndexPage(SectionIndexPage):
    """All craft experiences, each with its next session."""

    # Each experience's next session and its seats left: a session's seats are the stock of its
    # ticket, which each booking and cancellation changes (a product of the catalogue).
    shared_groups = "tree pages catalogue"

    subpage_types = ["tours.ExperiencePage"]

    class Meta:
        verbose_name = _("experience index")

    @property
    def child_model(self):
        return ExperiencePage

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's shared part is made (base.html): the template calls it.
        context["items"] = lambda: ExperiencePage.with_next_sessions(self.children_for_listing())
        return context


class ExperiencePage(RoutablePageMixin, Position, BasePage):
    """A hands-on workshop with a craftsperson; each of its sessions is sold as tickets in the shop.

    Its sessions are rows of their own (ExperienceSession), kept on the page in the default
    language (Vietnamese) and shared by its translations, so that every language sells the same
    seats; editors and the host manage them outside the page's revisions.
    """

    # Its sessions and their seats left: the stock of their tickets, products of the catalogue
    # that each booking and cancellation changes; a session added or moved changes the page
    # (tours/sessions.py).
    shared_groups = "tree pages catalogue"

    class Language(models.TextChoices):
        VIETNAMESE = "vi", _("Vietnamese")
        ENGLISH = "en", _("English")
        CHINESE = "zh-hans", _("Chinese")
        FRENCH = "fr", _("French")
        TAY = "tay", _("Tày")
        NUNG = "nung", _("Nùng")
        DAO = "dao", _("Dao")

    host = models.ForeignKey(
        "villages.CraftspersonPage",
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    village = models.ForeignKey(
        "villages.VillagePage",
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    producer = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("seller of the tickets"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The host's producer, who receives the bookings. Empty: the Department."),
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), default=120, validators=[MinValueValidator(15)]
    )
    languages = ChoiceListField(
        _("languages spoken"), max_length=60, choices=Language.choices, default=["vi"]
    )
    group_min = models.PositiveSmallIntegerField(
        _("smallest group"), default=1, validators=[MinValueValidator(1)]
    )
    group_max = models.PositiveSmallIntegerField(
        _("largest group"), default=10, validators=[MinValueValidator(1)]
    )
    included = models.TextField(_("what is included"), blank=True, help_text=_("One item a line."))
    meeting_point = models.CharField(_("meeting point"), max_length=200)
    price = models.PositiveIntegerField(
        _("price per person (VND)"), help_text=_("In whole đồng, VAT included.")
    )
    free_cancellation_hours = models.PositiveSmallIntegerField(
        _("free cancellation until (hours before)"),
        default=48,
        help_text=_(
            "Guests who cancel at least this many hours before the session are refunded in full; "
            "later, nothing is refunded."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                PageChooserPanel("host", "villages.CraftspersonPage"),
                PageChooserPanel("village", "villages.VillagePage"),
                FieldPanel("producer"),
            ],
            heading=_("Who and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("price")]),
                FieldRowPanel([FieldPanel("group_min"), FieldPanel("group_max")]),
                FieldPanel("free_cancellation_hours"),
                FieldPanel("languages"),
                FieldPanel("included"),
            ],
            heading=_("The workshop"),
        ),
        MultiFieldPanel(
            [FieldPanel("meeting_point"), Position.position_panel], heading=_("Meeting point")
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("meeting_point"),
        index.FilterField("price"),
    ]
    api_fields = [
        APIField("duration_minutes"),
        APIField("languages"),
        APIField("group_min"),
        APIField("group_max"),
        APIField("free_cancellation_hours"),
        APIField("meeting_point"),
        *Position.position_api_fields,
        APIField("price"),
    ]

    parent_page_types = ["tours.ExperienceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("craft experience")

    def clean(self):
        super().clean()
        if self.group_min and self.group_max and self.group_min > self.group_max:
            raise ValidationError(
                {"group_max": _("The largest group cannot be smaller than the smallest.")}
            )

    @property
    def card_meta(self):
        session = getattr(self, "next_session", None)
        if session is None:
            return self.duration_display
        return _("Next: %(when)s") % {
            "when": date_format(session.local_start, "SHORT_DATETIME_FORMAT")
        }

    @property
    def duration_display(self):
        hours, minutes = divmod(self.duration_minutes, 60)
        if not hours:
            return _("%(minutes)d min") % {"minutes": minutes}
        if not minutes:
            return _("%(hours)d h") % {"hours": hours}
        return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}

    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    def included_list(self):
        return [line.strip() for line in self.included.splitlines() if line.strip()]

    @cached_property
    def schedule_page(self):
        """The page in the default language, which holds the sessions (this page if it is it)."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return (
            ExperiencePage.objects.filter(translation_key=self.translation_key, locale=default)
            .only("pk", "duration_minutes")
            .first()
            or self
        )

    def upcoming_sessions(self):
        """Sessions that have not started, soonest first, with their tickets' stock: two queries."""
        sessions = (
            ExperienceSession.objects.filter(
                experience_id=self.schedule_page.pk, starts_at__gt=timezone.now()
            )
            .select_related("product")
            .prefetch_related("product__stockrecords")
            .order_by("starts_at")
        )
        for session in sessions:
            session.experience = self
        return list(sessions)

    @staticmethod
    def with_next_sessions(pages):
        """`pages` with `.next_session` (or None) attached, in two queries whatever their number."""
        pages = list(pages)
        default = Locale.get_default()
        sources = dict(
            ExperiencePage.objects.filter(
                translation_key__in=[page.translation_key for page in pages], locale=default
            ).values_list("translation_key", "pk")
        )
        sessions = ExperienceSession.objects.filter(
            experience_id__in=sources.values(), starts_at__gt=timezone.now()
        ).order_by("-starts_at")
        first = {session.experience_id: session for session in sessions}
        for page in pages:
            page.next_session = first.get(sources.get(page.translation_key))
        return pages

    @cached_property
    def _local_links(self):
        """The host's and the village's pages in this page's language: two queries for both."""
        ids = [pk for pk in (self.host_id, self.village_id) if pk]
        linked = {page.pk: page for page in Page.objects.filter(pk__in=ids)}
        pages = [linked[pk] for pk in ids if pk in linked]
        return dict(zip([page.pk for page in pages], localized(pages, self.locale), strict=True))

    @cached_property
    def local_host(self):
        return self._local_links.get(self.host_id) if self.host_id else None

    @cached_property
    def local_village(self):
        return self._local_links.get(self.village_id) if self.village_id else None

    @cached_property
    def coming_sessions(self):
        """upcoming_sessions() read once for the page's body and its head (seats left now)."""
        return self.upcoming_sessions()

    def place_json_ld(self):
        return {
            "@type": "Place",
            "name": self.meeting_point,
            "address": postal_address(
                addressLocality=self.local_village.title if self.local_village else ""
            ),
            "geo": self.geo_json_ld(),
        }

    def json_ld(self, request):
        """An Event with its Offer for each upcoming session (a Course-like workshop without any)."""
        url = self.get_full_url(request)
        host = self.local_host
        organizer = (
            {"@type": "Person", "name": host.title, "url": host.get_full_url(request)}
            if host
            else None
        )
        events = []
        for session in self.coming_sessions:
            events.append(
                {
                    "@type": "Event",
                    "name": self.title,
                    "description": self.introduction,
                    "url": url,
                    "startDate": session.local_start.isoformat(),
                    "endDate": session.local_end.isoformat(),
                    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                    "eventStatus": "https://schema.org/EventScheduled",
                    "maximumAttendeeCapacity": session.seats,
                    "remainingAttendeeCapacity": session.seats_left,
                    "location": self.place_json_ld(),
                    "organizer": organizer,
                    "performer": organizer,
                    "offers": {
                        "@type": "Offer",
                        "price": str(self.price),
                        "priceCurrency": "VND",
                        "availability": "https://schema.org/InStock"
                        if session.seats_left
                        else "https://schema.org/SoldOut",
                        "validThrough": session.local_start.isoformat(),
                        "url": url,
                    },
                }
            )
        if not events:
            return super().json_ld(request)
        return {"@context": "https://schema.org", "@graph": events}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = lambda: self.coming_sessions  # read when the main part is made
        context["map_tiles"] = map_tiles()
        if self.has_position:
            context["meeting_points"] = [
                {
                    "layer": "route",
                    "title": self.meeting_point,
                    "lat": float(self.latitude),
                    "lng": float(self.longitude),
                    "url": "#experience-meeting",
                }
            ]
        return context

    def get_session(self, session_id):
        """Session `session_id` of this experience, with its ticket, or Http404."""
        session = (
            ExperienceSession.objects.filter(pk=session_id, experience_id=self.schedule_page.pk)
            .select_related("product")
            .first()
        )
        if session is None:
            raise Http404
        session.experience = self
        return session

    @path("buoi/<int:session_id>/dat-cho/", name="book")
    def book(self, request, session_id):
        """Put seats of a session in the basket, then show the basket (or say why not)."""
        return routes.book_seats(request, self, session_id)

    @path("buoi/<int:session_id>/lich/", name="calendar")
    def calendar(self, request, session_id):
        """The session as an iCalendar event, for the visitor's calendar app."""
        return routes.calendar_response(request, self, session_id)


def experiences_at(page, field):
    """Live experiences in `page`'s language whose `field` (host or village) is `page`, in any
    of its translations: one query."""
    return (
        ExperiencePage.objects.cards()
        .filter(locale=page.locale, **{f"{field}__translation_key": page.translation_key})
        .order_by("title")
    )


class ExperienceSession(Orderable):
    """One date of an experience; its seats are the stock of one ticket product in the shop."""

    # A row of its own, not part of the page's revisions: the page in the default language
    # (Vietnamese) holds it, and its translations sell the same seats.
    experience = models.ForeignKey(
        ExperiencePage,
        verbose_name=_("craft experience"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    starts_at = models.DateTimeField(_("starts at"), help_text=_("Lạng Sơn time (UTC+7)."))
    seats = models.PositiveSmallIntegerField(
        _("seats"), default=10, validators=[MinValueValidator(1)]
    )
    product = models.OneToOneField(
        "catalogue.Product",
        verbose_name=_("ticket product"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="experience_session",
    )

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("seats")])]

    class Meta(Orderable.Meta):
        verbose_name = _("experience session")

    def __str__(self):
        return f"{self.experience.title} · {date_format(self.local_start, 'SHORT_DATETIME_FORMAT')}"

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return self.local_start + datetime.timedelta(minutes=self.experience.duration_minutes)

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def stockrecord(self):
        if not self.product_id:
            return None
        records = list(self.product.stockrecords.all())
        return records[0] if records else None

    @property
    def seats_left(self):
        """Seats not yet held by an order: the ticket's stock net of allocations."""
        record = self.stockrecord
        return max(0, record.net_stock_level) if record else 0


class Booking(models.Model):
    """Who comes to a session on one ticket line of an order: the party, its lead guest's phone,
    the language they prefer; cancelled by the guest through a signed link, reminded once."""

    Language = party.Language

    line = models.OneToOneField(
        "order.Line", verbose_name=_("order line"), on_delete=models.CASCADE, related_name="booking"
    )
    session = models.ForeignKey(
        ExperienceSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    code = models.CharField(_("ticket code"), max_length=8, unique=True)
    party_size = models.PositiveSmallIntegerField(_("party size"))
    lead_phone = models.CharField(_("lead guest's phone"), max_length=20, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=7, choices=Language.choices, default="vi"
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    refund = models.DecimalField(
        _("refunded (VND)"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("workshop booking")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.code

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None


class BookingGuest(models.Model):
    """One person of a booking, ticked off by the host on arrival."""

    booking = models.ForeignKey(
        Booking, verbose_name=_("booking"), on_delete=models.CASCADE, related_name="guests"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=100)
    arrived_at = models.DateTimeField(_("arrived at"), null=True, blank=True)

    class Meta:
        verbose_name = _("guest")
        ordering = ["booking", "position"]

    def __str__(self):
        return self.name
