"""What a change of a tour touches beyond its own pages (pages/changes.py): the product pages of
the villages it stops at, which list the tours to where each product is made."""

from catalogue.changes import made_in
from pages.changes import register

from .models import TourPage, TourStop


def product_pages_on_the_way(tours):
    keys = {tour.translation_key for tour in tours}
    return made_in(
        TourStop.objects.filter(tour__translation_key__in=keys).values("place__translation_key")
    )


register(TourPage, shown_at=product_pages_on_the_way)
