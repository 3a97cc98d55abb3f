from django.urls import path

import oscar.apps.catalogue.apps as apps
from oscar.core.loading import get_class


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, pre_save

        from wagtail.images import get_image_model

        from pages.cache import keep_parameters

        from . import changes  # noqa: F401  (what a change of a product touches)
        from .photos import ensure_missing_image, strip_metadata_on_save
        from .storage import delete_private_files

        ensure_missing_image()
        keep_parameters("province")  # the product page's delivery estimate for a chosen province

        # Every image saved with EXIF, XMP or IPTC in it (a GPS position, a camera's serial) is
        # stored without: editors' Wagtail images and the dashboard's product images alike.
        for model, field_name in (
            (get_image_model(), "file"),
            (self.get_model("ProductImage"), "original"),
        ):
            pre_save.connect(
                strip_metadata_on_save(field_name),
                sender=model,
                weak=False,
                dispatch_uid=f"strip-metadata-{model._meta.label_lower}",
            )
        for name in ("PendingProductImage", "BatchCertificate"):
            post_delete.connect(
                delete_private_files,
                sender=self.get_model(name),
                dispatch_uid=f"delete-private-files-{name}",
            )

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
