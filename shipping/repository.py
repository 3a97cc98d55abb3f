"""Which shipping methods a basket can use: delivery to the address's zone, or a showroom pickup."""

from django.apps import apps

from oscar.apps.shipping import repository
from wagtail.models import Locale

from .methods import ShowroomPickup, ZoneDelivery
from .zones import ZONE_REST, zone_of


def showrooms():
    """Live showroom pages in the default language (none if the villages app has no showrooms)."""
    try:
        ShowroomPage = apps.get_model("villages", "ShowroomPage")
    except LookupError:
        return []
    return list(
        ShowroomPage.objects.live().public().filter(locale=Locale.get_default()).order_by("title")
    )


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        zone = zone_of(shipping_addr.state) if shipping_addr else ZONE_REST
        province = shipping_addr.state if shipping_addr else None
        delivery = [ZoneDelivery(zone, province)]
        pickups = [ShowroomPickup(showroom, showroom.localized) for showroom in showrooms()]
        # How the buyer said, at the address step, they will receive the order (checkout/views.py).
        request = kwargs.get("request")
        session = getattr(request, "session", None) or {}
        receive = session.get("checkout_data", {}).get("shipping", {}).get("receive")
        if receive:
            chosen = [method for method in pickups if method.code == receive]
            return chosen or delivery
        return delivery + pickups
