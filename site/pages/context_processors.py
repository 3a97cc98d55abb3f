"""The site's name in the visitor's language, as `shop_name` (in place of Oscar's fixed one)."""

from wagtail.models import Site

from .models import SiteSettings
from .translated import in_language


def site_name(request):
    if Site.find_for_request(request) is None:
        return {}
    return {"shop_name": in_language(SiteSettings.for_request(request), "brand").text}
