from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PageSitemap(Sitemap):
    """Every live public page in every language: the site's home page and each of its translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_any_language = Q()
        for home in homes:
            in_any_language |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_any_language)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
