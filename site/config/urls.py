from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from catalogue.sitemaps import ProductSitemap
from pages.api import api_router
from pages.sitemaps import PageSitemap
from tours.offline import service_worker

from .views import health

# Staff and machine URLs carry no language prefix.
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # The staff entry point: what each role can reach, the audit log, producers' invitations.
    path("staff/", include("staff.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "products": ProductSitemap}},
        name="sitemap",
    ),
    path("api/v2/", api_router.urls),
    path("health/", health, name="health"),
    # The offline keeper answers for the whole site, so it is served from the root.
    path("sw.js", service_worker, name="service_worker"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Vietnamese at /, English at /en/, Chinese at /zh-hans/.
# Oscar's shop (catalogue, basket, checkout, accounts, search, dashboard) comes before
# Wagtail's catch-all, which must stay last.
urlpatterns += i18n_patterns(
    path("", include("catalogue.urls")),  # /trace/<lot>/ and GS1 Digital Link /01/<GTIN>/10/<lot>
    path("producer/", include("producers.urls")),  # the producer's own space
    path("ve/", include("tours.urls")),  # a workshop guest's e-ticket, by its signed link
    path("dashboard/moderation/", include("catalogue.moderation")),  # producers' changes to approve
    path("", include(apps.get_app_config("oscar").urls[0])),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
