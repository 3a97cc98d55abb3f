"""Shipping for templates: a basket's parcels and their fees, a shipment's tracking address."""

from django import template

from shipping.carriers import parcels_of, tracking_url
from shipping.methods import ZoneDelivery
from shipping.zones import PROVINCES, zone_of

register = template.Library()


@register.simple_tag(takes_context=True)
def basket_parcels(context, basket):
    """{"province", "provinces", "parcels": [(parcel, quote)], "total"} for the basket page; the
    province is the one the buyer chose (?province=, a plain form), quotes only once chosen."""
    province = context["request"].GET.get("province", "")
    if province not in PROVINCES:
        province = ""
    result = {"province": province, "provinces": PROVINCES, "parcels": [], "total": None}
    if basket.is_empty:
        return result
    if province:
        method = ZoneDelivery(zone_of(province), province)
        result["parcels"] = method.parcels(basket)
        result["total"] = sum(quote.fee for _parcel, quote in result["parcels"])
    else:
        result["parcels"] = [(parcel, None) for parcel in parcels_of(basket)]
    return result


@register.simple_tag
def carrier_tracking_url(carrier_code, tracking_number):
    """The carrier's page following a parcel ("" if the carrier has none):
    `{% carrier_tracking_url event.carrier event.reference as url %}` on the order page."""
    return tracking_url(carrier_code, tracking_number)
