"""Tours and workshops for the pages of other apps: a village, a Geopark site, a showroom, a
craftsperson, a product, the home page."""

from django import template

from tours.models import TourPage, experiences_at, tours_passing

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
