"""Villages, events and the map for pages of other apps (the home page)."""

from django import template

from villages.models import EventIndexPage, MapPage, VillagePage

register = template.Library()


@register.simple_tag
def village_cards(locale, count):
    """The first `count` villages in `locale` by title, each with its crafts in that language."""
    villages = VillagePage.objects.cards().filter(locale=locale).order_by("title")
    return VillagePage.with_local_crafts(villages[:count], locale)


@register.simple_tag
def coming_events(locale, count):
    """The next `count` events of the calendar in `locale`, soonest first."""
    calendar = EventIndexPage.objects.live().filter(locale=locale).first()
    return calendar.children_for_listing()[:count] if calendar else []


@register.simple_tag
def map_page(locale):
    return MapPage.objects.live().filter(locale=locale).first()
