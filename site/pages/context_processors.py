"""The site's settings for every template: its name in the visitor's language, as `shop_name`
(in place of Oscar's fixed one), and the settings themselves as `site_settings` (the footer's
contact), read from the cache they share with every page until an editor saves them."""

from wagtail.models import Site

from .cache import shared
from .models import SiteSettings
from .translated import in_language


def site_settings_for(request):
    """The request's site's settings, shared by every page (an editor's save changes group "tree")."""
    if not hasattr(request, "_shared_site_settings"):
        site = Site.find_for_request(request)
        request._shared_site_settings = (
            shared("site-settings", ["tree"], lambda: SiteSettings.for_site(site), site.pk)
            if site is not None
            else None
        )
    return request._shared_site_settings


def site_name(request):
    site_settings = site_settings_for(request)
    if site_settings is None:
        return {}
    return {
        "shop_name": in_language(site_settings, "brand").text,
        "site_settings": site_settings,
    }
