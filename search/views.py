"""Product listings and the site search page.

The catalogue's listings (all products, a category) are plain database queries for now; the
search page looks through published pages with Wagtail's search backend and through product
titles and descriptions.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from oscar.core.loading import get_model
from wagtail.models import Locale, Page

from .forms import SearchForm

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


class ProductListView(ListView):
    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    template_name = "oscar/catalogue/browse.html"
    summary = _("All products")

    def get_queryset(self):
        return Product.objects.browsable().base_queryset().order_by("-date_created", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.summary
        return context


class CatalogueView(ProductListView):
    """Every product for sale."""


class ProductCategoryView(ProductListView):
    """The products of one category and its sub-categories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if request.path != expected:
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        categories = self.category.get_descendants_and_self()
        return super().get_queryset().filter(categories__in=categories).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context


class SearchView(TemplateView):
    template_name = "search/results.html"
    max_results = 24

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context.update(form=form, query=query, pages=[], products=[])
        if query:
            pages = (
                Page.objects.live()
                .public()
                .filter(locale=Locale.get_active())
                .exclude(depth__lte=2)
            )
            context["pages"] = list(pages.search(query)[: self.max_results])
            words = query.split()
            matches = reduce(
                or_, (Q(title__icontains=word) | Q(description__icontains=word) for word in words)
            )
            context["products"] = list(
                Product.objects.browsable()
                .base_queryset()
                .filter(matches)
                .order_by("title")[: self.max_results]
            )
        context["total"] = len(context["pages"]) + len(context["products"])
        return context
