from django.urls import path

import oscar.apps.catalogue.apps as apps
from oscar.core.loading import get_class


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"

    def ready(self):
        super().ready()
        from . import changes  # noqa: F401  (what a change of a product touches)
        from .photos import ensure_missing_image

        ensure_missing_image()

        self.village_view = get_class("catalogue.views", "VillageProductsView")
        self.producer_view = get_class("catalogue.views", "ProducerProductsView")
        self.ocop_view = get_class("catalogue.views", "OcopProductsView")

    def get_urls(self):
        urls = [
            path("village/<slug:slug>/", self.village_view.as_view(), name="village"),
            path("producer/<slug:code>/", self.producer_view.as_view(), name="producer"),
            path("ocop/", self.ocop_view.as_view(), name="ocop"),
            path("ocop/<int:stars>/", self.ocop_view.as_view(), name="ocop-stars"),
        ]
        return super().get_urls() + self.post_process_urls(urls)
