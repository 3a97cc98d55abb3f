"""Villages as other apps look them up, without reaching into the page models."""

from .models import VillagePage


def village_by_slug(slug):
    """The live village page with this slug, in whichever language it has it, or None."""
    return VillagePage.objects.live().filter(slug=slug).first()
