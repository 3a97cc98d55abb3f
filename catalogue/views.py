"""The product page with its village, producer, OCOP rating and batches; listings by village,
producer and OCOP stars, answered by the search engine like the search page."""

from decimal import Decimal as D

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_class, get_model

from pages.base import active_locale, localized
from shipping.carriers import default_carrier, weight_of
from shipping.repository import showrooms
from shipping.zones import PROVINCES
from villages.lookups import village_by_slug

from .structured_data import product_json_ld

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
ProductReview = get_model("reviews", "ProductReview")
ProductListView = get_class("search.views", "ProductListView")


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page, telling where, by whom and how the product was made."""

    template_name = "oscar/catalogue/ocop_detail.html"
    related_count = 4

    def get_queryset(self):
        # What the page, its JSON-LD and Oscar's availability read of the product, in two queries.
        approved = Q(reviews__status=ProductReview.APPROVED)
        return (
            super()
            .get_queryset()
            .select_related("producer", "village", "product_class")
            .prefetch_related("images")
            .annotate(approved_reviews=Count("reviews", filter=approved))
        )

    def send_signal(self, request, response, product):
        # For an anonymous visitor, Oscar's "product viewed" signal would set the recently-viewed
        # cookie (a list our pages never show) and count a view: either stops the page from being
        # kept in the page cache, which serves later visitors without running this view at all.
        if request.user.is_authenticated:
            super().send_signal(request, response, product)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        # Read only when the page's shared parts are made (its template, `{% shared %}`).
        village = context["village"] = SimpleLazyObject(product.localized_village)
        context["craftspeople"] = SimpleLazyObject(lambda: self._craftspeople(village))
        context["batches"] = product.batches.order_by("-production_date")[:3]
        context["same_village"] = self._related(product)
        # The tours through the village come from the tours' template tag (tours_through).
        purchase_info = self.request.strategy.fetch_for_product(product)
        context["json_ld"] = product_json_ld(self.request, product, purchase_info)
        context["page_meta"] = self._page_meta(product)
        context.update(self._delivery(product, purchase_info))
        return context

    def _craftspeople(self, village):
        if not village:  # none, or a lazy none
            return []
        CraftspersonPage = apps.get_model("villages", "CraftspersonPage")
        return list(
            CraftspersonPage.objects.child_of(village).live().public().order_by("title")[:6]
        )

    def _page_meta(self, product):
        """Canonical address, the product in each language and Open Graph, as CMS pages have."""
        request = self.request
        here = request.build_absolute_uri(product.get_absolute_url())
        alternates = [
            {"code": code, "url": translate_url(here, code)} for code, _name in settings.LANGUAGES
        ]
        image = product.primary_image()
        image_url = ""
        if getattr(image, "original", None) and getattr(image, "pk", None):
            image_url = request.build_absolute_uri(image.original.url)
        return {
            "canonical": translate_url(here, get_language()),
            "alternates": alternates,
            "default_url": translate_url(here, settings.LANGUAGE_CODE),
            "page": {"title": product.get_title()},
            "description": product.get_description(),
            "image_url": image_url,
            "og_type": "product",
        }

    def _delivery(self, product, purchase_info):
        """The fee and days to the province the buyer chose (?province=, a plain form)."""
        province = self.request.GET.get("province", "")
        if province not in PROVINCES:
            province = ""
        context = {
            "provinces": PROVINCES,
            "province": province,
            "free_from": settings.SHOP_FREE_SHIPPING_FROM,
            # The same on every product page: read only when its shared part is made.
            "pickup_points": SimpleLazyObject(lambda: localized(showrooms(), active_locale())),
        }
        if province:
            quote = default_carrier().quote_weight(weight_of(product), province)
            price = purchase_info.price
            if price.exists and price.incl_tax >= settings.SHOP_FREE_SHIPPING_FROM:
                quote.fee = D("0")
            context["delivery"] = quote
        return context

    def _related(self, product):
        """Other products of the same village, else of the same producer."""
        if not (product.village_id or product.producer_id):
            return []
        related = Product.objects.browsable().cards().exclude(pk=product.pk)
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
