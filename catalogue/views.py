"""The product page with its village, producer, OCOP rating and batches; listings by village,
producer and OCOP stars (plain database queries until search serves them)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

from tours.models import tours_passing
from villages.models import VillagePage

from .structured_data import as_script, product_json_ld

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page, telling where, by whom and how the product was made."""

    template_name = "oscar/catalogue/ocop_detail.html"
    related_count = 4

    def get_queryset(self):
        return super().get_queryset().select_related("producer", "village")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        context["village"] = product.localized_village()
        context["batches"] = product.batches.order_by("-production_date")[:3]
        context["same_village"] = self._related(product)
        context["tours"] = tours_passing(context["village"]) if context["village"] else []
        purchase_info = self.request.strategy.fetch_for_product(product)
        context["json_ld"] = as_script(product_json_ld(self.request, product, purchase_info))
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


class FilteredProductListView(ListView):
    """Browsable products narrowed by one field, in Oscar's listing template."""

    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    template_name = "oscar/catalogue/browse.html"

    def get_queryset(self):
        return (
            Product.objects.browsable()
            .base_queryset()
            .filter(**self.get_filter())
            .order_by("-ocop_stars", "title", "pk")
        )

    def get_filter(self):
        raise NotImplementedError

    def get_summary(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.get_summary()
        return context


class VillageProductsView(FilteredProductListView):
    """The products of one craft village (any of its translations' slugs leads here)."""

    def get(self, request, *args, **kwargs):
        page = VillagePage.objects.live().filter(slug=kwargs["slug"]).first()
        if page is None:
            raise Http404
        self.village = page
        return super().get(request, *args, **kwargs)

    def get_filter(self):
        # Products point at the village page in the default language: match any translation.
        return {"village__translation_key": self.village.translation_key}

    def get_summary(self):
        return _("Products of %(village)s") % {"village": self.village.localized.title}


class ProducerProductsView(FilteredProductListView):
    template_name = "oscar/catalogue/producer.html"

    def get(self, request, *args, **kwargs):
        self.producer = get_object_or_404(Partner, code=kwargs["code"])
        return super().get(request, *args, **kwargs)

    def get_filter(self):
        return {"producer": self.producer}

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
        return super().get(request, *args, **kwargs)

    def get_filter(self):
        if self.stars is None:
            return {"ocop_stars__isnull": False}
        return {"ocop_stars": self.stars}

    def get_summary(self):
        if self.stars is None:
            return _("OCOP products")
        return _("%(stars)s-star OCOP products") % {"stars": self.stars}
