"""Places on the map: positions, distances, the map's tiles and addresses in Lạng Sơn."""

import math

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField

NEARBY_KM = 40
EARTH_RADIUS_KM = 6371.0


def distance_km(first, second):
    """Great-circle distance between two (latitude, longitude) points, in kilometres."""
    lat1, lon1, lat2, lon2 = map(
        math.radians, (float(first[0]), float(first[1]), float(second[0]), float(second[1]))
    )
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def postal_address(**parts):
    """A schema.org address in Lạng Sơn province, Vietnam."""
    return {"@type": "PostalAddress", **parts, "addressRegion": "Lạng Sơn", "addressCountry": "VN"}


def geo_coordinates(latitude, longitude):
    """A schema.org point."""
    return {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}


def map_tiles():
    """Where the map's background tiles come from (settings.MAP_TILE_URL; empty: no tiles)."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


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

    position_api_fields = [APIField("latitude"), APIField("longitude")]
    position_panel = FieldRowPanel(
        [FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Position")
    )

    class Meta:
        abstract = True

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    def distance_km(self, other):
        """Great-circle distance to `other`, or None where either has no position."""
        if not (self.has_position and other.has_position):
            return None
        return distance_km((self.latitude, self.longitude), (other.latitude, other.longitude))

    def nearby(self, queryset, limit=5, within_km=NEARBY_KM):
        """Items of `queryset` within `within_km`, nearest first, each with `.distance`."""
        found = []
        for item in queryset:
            distance = self.distance_km(item)
            if distance is not None and distance <= within_km and item.pk != self.pk:
                item.distance = distance
                found.append(item)
        return sorted(found, key=lambda item: item.distance)[:limit]

    def geo_json_ld(self):
        if not self.has_position:
            return None
        return geo_coordinates(self.latitude, self.longitude)
