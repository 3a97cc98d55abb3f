"""Tours and workshops for the pages of other apps: a village, a Geopark site, a showroom, a
craftsperson, a product, the home page."""

from django import template

from tours.models import (
    ExperienceIndexPage,
    ExperiencePage,
    TourPage,
    experiences_at,
    tours_passing,
)

register = template.Library()


@register.simple_tag
def tour_cards(locale, count):
    """The first `count` tours in `locale` by title."""
    return TourPage.objects.cards().filter(locale=locale).order_by("title")[:count]


@register.simple_tag
def tours_through(page):
    """Live tours in `page`'s language that stop at `page` (nothing for no page)."""
    return tours_passing(page) if page else []


@register.simple_tag
def experiences_with(page, field):
    """Live workshops in `page`'s language whose `field` ("village" or "host") is `page`."""
    return experiences_at(page, field)


@register.simple_tag
def coming_workshops(locale, count):
    """The workshops in `locale` with a session still to come, the soonest first (at most
    `count`), and the page listing them all: four queries however many workshops there are."""
    pages = ExperiencePage.with_next_sessions(ExperiencePage.objects.cards().filter(locale=locale))
    coming = sorted(
        (page for page in pages if page.next_session), key=lambda page: page.next_session.starts_at
    )
    index = ExperienceIndexPage.objects.live().public().filter(locale=locale).first()
    return {"workshops": coming[:count], "index": index}
