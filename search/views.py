"""The search page, its autocomplete, and the catalogue's product listings.

Every view asks `get_backend()`, never which engine is behind it.
"""

from dataclasses import replace

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from oscar.core.loading import get_model

from .backends import SearchQuery, get_backend
from .backends.base import SORTS
from .forms import SearchForm
from .registry import adapter, adapters, facets_for
from .text import fold, highlight, normalise, terms

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

SORT_LABELS = {
    "relevance": _("Relevance"),
    "price": _("Price, lowest first"),
    "-price": _("Price, highest first"),
    "newest": _("Newest"),
    "rating": _("Rating"),
}
LISTING_SORTS = ("newest", "price", "-price", "rating")
MAX_VALUES_PER_FACET = 20


class ProductListView(TemplateView):
    """A product listing answered by the search engine: its facets, sorting and pages.

    Subclasses narrow it with `base_filters()` (facet values fixed by the page, such as the
    category's id); the visitor narrows further with the product facets in the query string.
    The engine gives the page's product ids; the products are then read in a constant number
    of queries, whatever the number shown.
    """

    template_name = "oscar/catalogue/browse.html"
    per_page = settings.OSCAR_PRODUCTS_PER_PAGE
    summary = _("All products")
    # Product facets the page itself fixes, so not offered to narrow by.
    fixed_facets = ()

    def base_filters(self):
        return {}

    def get_summary(self):
        return self.summary

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        query = requested_query(
            params,
            sorts=LISTING_SORTS,
            per_page=self.per_page,
            kind="product",
            fixed_facets=self.fixed_facets,
        )
        # The page's own filters are added to the visitor's, which alone are shown as chosen.
        chosen = query.filters
        results = get_backend().search(
            replace(query, filters=narrowed(chosen, self.base_filters()))
        )
        facets = facets_of(query)
        paginator = Paginator(range(results.total), self.per_page)
        page = paginator.get_page(results.page)
        page.object_list = products_in_order([hit.object_id for hit in results.hits])
        context.update(
            summary=self.get_summary(),
            products=page.object_list,
            paginator=paginator,
            page_obj=page,
            is_paginated=paginator.num_pages > 1,
            results=results,
            facets=facet_links(params, facets, chosen, results),
            selected=selected_links(params, facets, chosen),
            clear_url=link(params, **{facet.name: None for facet in facets}),
            sorts=[
                {
                    "label": SORT_LABELS[value],
                    "url": link(params, sort=value),
                    "selected": value == query.sort,
                }
                for value in LISTING_SORTS
            ],
        )
        return context


def narrowed(chosen, fixed):
    """The visitor's choices within what the page fixes (a choice outside it is ignored)."""
    filters = dict(chosen)
    for name, values in fixed.items():
        filters[name] = [value for value in chosen.get(name, []) if value in values] or values
    return filters


def products_in_order(ids):
    """The products with these ids, in this order, with what a product card shows (one query each)."""
    found = Product.objects.cards().filter(pk__in=ids).in_bulk()
    return [found[int(pk)] for pk in ids if int(pk) in found]


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

    def base_filters(self):
        return {"category_path": [self.category.path]}

    def get_summary(self):
        return self.category.get_name()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        return context


def link(params, **changes):
    """This page's query string with `changes` made (None removes a key); back to page one."""
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query.pop(key, None)
        if value is None:
            continue
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def page_number(value):
    try:
        return max(1, min(int(value), 1000))
    except (TypeError, ValueError):
        return 1


def requested_query(params, *, sorts, per_page, box=None, kind=None, fixed_facets=()):
    """The search a page's query string asks for: its words, kind, facet values, sort and page.

    The words come from `box`, the page's search form (a listing has none). A `kind` given is
    the page's own; otherwise the visitor's is read, if it names one. Facets the page fixes
    (`fixed_facets`) are neither read nor counted. An unknown sort is the first of `sorts`.
    """
    text = box.cleaned_data["q"].strip() if box is not None and box.is_valid() else ""
    if kind is None and adapter(params.get("kind", "")):
        kind = params.get("kind")
    facets = [facet for facet in facets_for(kind) if facet.name not in fixed_facets]
    return SearchQuery(
        text,
        language=get_language(),
        kind=kind,
        filters={
            facet.name: params.getlist(facet.name)[:MAX_VALUES_PER_FACET]
            for facet in facets
            if params.getlist(facet.name)
        },
        sort=params.get("sort") if params.get("sort") in sorts else sorts[0],
        page=page_number(params.get("page")),
        per_page=per_page,
        facet_names=[facet.name for facet in facets],
    )


def facets_of(query):
    """The facets `query` counts, as their kinds describe them (labels, order of values)."""
    return [facet for facet in facets_for(query.kind) if facet.name in query.facet_names]


class SearchView(TemplateView):
    """One box over products, tours, villages and Geopark sites; facets, sorting, pages."""

    template_name = "search/results.html"
    per_page = 24

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        form = SearchForm(params)
        query = requested_query(params, sorts=SORTS, per_page=self.per_page, box=form)
        facets = facets_of(query)
        context.update(
            form=form, query=query.text, searched=bool(query.text or query.kind or query.filters)
        )
        if not context["searched"]:
            return context
        backend = get_backend()
        results = backend.search(query)
        marks = terms(fold(normalise(" ".join([query.text, *results.suggestions]))))
        for hit in results.hits:
            found = adapter(hit.kind)
            hit.kind_label = found.label if found else hit.kind
            hit.title_html = highlight(hit.title, marks)
            hit.summary_html = highlight(hit.summary[:240], marks)
            hit.star_symbols = "★" * (hit.ocop_stars or 0)
        context.update(
            results=results,
            total=results.total,
            kind=query.kind,
            sort=query.sort,
            kinds=self.kind_links(params, query.kind, results),
            facets=facet_links(params, facets, query.filters, results),
            sorts=[
                {"label": label, "url": link(params, sort=value), "selected": value == query.sort}
                for value, label in SORT_LABELS.items()
            ],
            selected=selected_links(params, facets, query.filters),
            clear_url=link(params, **{facet.name: None for facet in facets}),
            previous_url=link(params, page=str(results.page - 1)) if results.page > 1 else None,
            next_url=link(params, page=str(results.page + 1))
            if results.page < results.num_pages
            else None,
            suggestions=[
                {
                    "text": text,
                    "html": mark_words(text, results.corrected),
                    "url": link(params, q=text),
                }
                for text in results.suggestions
            ],
        )
        if results.total == 0:
            popular = SearchQuery(language=query.language, per_page=6)
            context["popular"] = backend.search(popular).hits
        return context

    def kind_links(self, params, kind, results):
        links = [
            {
                "label": _("Everything"),
                "count": sum(results.kinds.values()),
                "url": link(params, kind=None),
                "selected": kind is None,
            }
        ]
        for candidate in adapters():
            count = results.kinds.get(candidate.kind, 0)
            if count or candidate.kind == kind:
                links.append(
                    {
                        "label": candidate.label,
                        "count": count,
                        "url": link(params, kind=candidate.kind),
                        "selected": candidate.kind == kind,
                    }
                )
        return links


def mark_words(text, marked):
    """`text` escaped, its words in `marked` (the corrected ones) wrapped in <mark>."""
    return format_html_join(
        " ",
        "{}",
        (
            (format_html("<mark>{}</mark>", word) if word in marked else word,)
            for word in text.split()
        ),
    )


def facet_links(params, facets, filters, results):
    """Each facet with its values: label, count, chosen or not, and the link that toggles it."""
    shown = []
    for facet in facets:
        counted = results.facets.get(facet.name, {})
        chosen = filters.get(facet.name, [])
        if facet.order_by_value:
            values = sorted(set(counted) | set(chosen))
        else:
            values = sorted(set(counted) | set(chosen), key=by_count(counted))
        if not values:
            continue
        shown.append(
            {
                "name": facet.name,
                "label": facet.label,
                "values": [
                    {
                        "label": facet.label_for(value),
                        "count": counted.get(value, 0),
                        "selected": value in chosen,
                        "url": link(
                            params,
                            **{
                                facet.name: [v for v in chosen if v != value]
                                if value in chosen
                                else [*chosen, value]
                            },
                        ),
                    }
                    for value in values[:MAX_VALUES_PER_FACET]
                ],
            }
        )
    return shown


def selected_links(params, facets, filters):
    """The chosen facet values, each with the link that removes it."""
    return [
        {
            "label": f"{facet.label}: {facet.label_for(value)}",
            "url": link(params, **{facet.name: [v for v in filters[facet.name] if v != value]}),
        }
        for facet in facets
        for value in filters.get(facet.name, [])
    ]


def by_count(counted):
    return lambda value: (-counted.get(value, 0), value)


class SuggestView(View):
    """Up to eight suggestions as the visitor types: products, tours and villages mixed."""

    limit = 8

    def get(self, request):
        query = request.GET.get("q", "")[:100]
        found = get_backend().autocomplete(query, language=get_language(), limit=self.limit)
        suggestions = []
        for suggestion in found:
            kind = adapter(suggestion.kind)
            suggestions.append(
                {
                    "kind": suggestion.kind,
                    "kind_label": str(kind.label) if kind else suggestion.kind,
                    "title": suggestion.title,
                    "url": suggestion.url,
                }
            )
        return JsonResponse({"query": query, "suggestions": suggestions})
