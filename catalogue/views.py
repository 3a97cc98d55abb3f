"""The product page with its village, producer, OCOP rating and batches; listings by village,
producer and OCOP stars, answered by the search engine like the search page."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_class, get_model

from villages.lookups import village_by_slug

from .structured_data import product_json_ld

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
ProductListView = get_class("search.views", "ProductListView")


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page, telling where, by whom and how the product was made."""

    template_name = "oscar/catalogue/ocop_detail.html"
    related_count = 4

    def get_queryset(self):
        return super().get_queryset().select_related("producer", "village")

    def send_signal(self, request, response, product):
        # For an anonymous visitor, Oscar's "product viewed" signal would set the recently-viewed
        # cookie (a list our pages never show) and count a view: either stops the page from being
        # kept in the page cache, which serves later visitors without running this view at all.
        if request.user.is_authenticated:
            super().send_signal(request, response, product)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        context["village"] = product.localized_village()
        context["batches"] = product.batches.order_by("-production_date")[:3]
        context["same_village"] = self._related(product)
        # The tours through the village come from the tours' template tag (tours_through).
        purchase_info = self.request.strategy.fetch_for_product(product)
        context["json_ld"] = product_json_ld(self.request, product, purchase_info)
        return context

    def _related(self, product):
        """Other products of the same village, else of the same producer."""
        if not (product.village_id or product.producer_id):
            return []
        related = Product.objects.browsable().base_queryset().exclude(pk=product.pk)
        if product.village_id:
            related = related.filter(village_id=product.village_id)
        else:
            related = related.filter(producer_id=product.producer_id)
        return related.order_by("-ocop_stars", "title")[: self.related_count]


class FilteredProductListView(ProductListView):
    """Products narrowed by one thing the page stands for, found by the search engine."""

    def get_filter(self):
        raise NotImplementedError

    def base_filters(self):
        return self.get_filter()


class VillageProductsView(FilteredProductListView):
    """The products of one craft village (any of its translations' slugs leads here)."""

    fixed_facets = ("village",)

    def get(self, request, *args, **kwargs):
        page = village_by_slug(kwargs["slug"])
        if page is None:
            raise Http404
        self.village = page
        return super().get(request, *args, **kwargs)

    def get_filter(self):
        # Products point at the village page in the default language: match any translation.
        return {"village_key": [str(self.village.translation_key)]}

    def get_summary(self):
        return _("Products of %(village)s") % {"village": self.village.localized.title}


class ProducerProductsView(FilteredProductListView):
    """The products of one producer, with the producer's card."""

    template_name = "oscar/catalogue/producer.html"
    fixed_facets = ("producer",)

    def get(self, request, *args, **kwargs):
        self.producer = get_object_or_404(Partner, code=kwargs["code"])
        return super().get(request, *args, **kwargs)

    def get_filter(self):
        return {"producer_code": [self.producer.code]}

    def get_summary(self):
        return self.producer.display_name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["producer"] = self.producer
        return context


class OcopProductsView(FilteredProductListView):
    """OCOP products: all of them, or those with a given number of stars."""

    def get(self, request, *args, **kwargs):
        self.stars = kwargs.get("stars")
        if self.stars is not None and self.stars not in Product.Stars.values:
            raise Http404
        if self.stars is not None:
            self.fixed_facets = ("ocop_stars",)
        return super().get(request, *args, **kwargs)

    def get_filter(self):
        if self.stars is None:
            return {"ocop_stars": [str(stars) for stars in Product.Stars.values]}
        return {"ocop_stars": [str(self.stars)]}

    def get_summary(self):
        if self.stars is None:
            return _("OCOP products")
        return _("%(stars)s-star OCOP products") % {"stars": self.stars}
