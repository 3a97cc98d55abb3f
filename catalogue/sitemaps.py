"""Products in /sitemap.xml, each in the three languages (with hreflang alternates)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap

from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap

Product = get_model("catalogue", "Product")


class ProductSitemap(Sitemap):
    """Django's i18n sitemap, on the host the request came to (as Wagtail's page sitemap is)."""

    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]
    limit = 5000
    # Wagtail's sitemap asks pages for their URLs; products use Django's way.
    _urls = DjangoSitemap._urls

    def items(self):
        return Product.objects.browsable().only("pk", "slug", "date_updated").order_by("pk")

    def location(self, product):
        return product.get_absolute_url()

    def lastmod(self, product):
        return product.date_updated

    def get_domain(self, site=None):
        if self.request is not None:
            return self.request.get_host()
        return super().get_domain(site)
