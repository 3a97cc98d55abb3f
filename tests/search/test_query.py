"""One search query, built the same way from the search page's and the listings' parameters."""

from django.http import QueryDict
from django.utils import translation

from search.backends import SearchQuery
from search.backends.base import SORTS
from search.forms import SearchForm
from search.views import LISTING_SORTS, requested_query

PARAMS = QueryDict(
    "q=+ao+cham+&kind=product&category=D%E1%BB%87t+may&village=B%E1%BA%AFc+S%C6%A1n"
    "&sort=price&page=2&colour=blue"
)


def test_a_query_drops_facets_without_values_and_counts_the_hits_before_its_page():
    query = SearchQuery(
        language="vi", filters={"category": ("Dệt may",), "producer": []}, page=3, per_page=10
    )
    assert query.filters == {"category": ["Dệt may"]}
    assert query.offset == 20
    assert SearchQuery(language="vi", page=0).offset == 0
    assert SearchQuery("  Dầu   HỒI ", language="vi").normalised_text == "dầu hồi"


def test_the_search_page_reads_words_kind_facets_sort_and_page():
    with translation.override("en"):
        query = requested_query(PARAMS, sorts=SORTS, per_page=24, box=SearchForm(PARAMS))
    assert query.text == "ao cham"
    assert query.language == "en"
    assert query.kind == "product"
    assert query.filters == {"category": ["Dệt may"], "village": ["Bắc Sơn"]}
    assert (query.sort, query.page, query.per_page) == ("price", 2, 24)
    assert "colour" not in query.facet_names
    assert {"category", "village", "price_band"} <= set(query.facet_names)


def test_a_listing_reads_the_same_parameters_but_no_words_and_not_its_own_facets():
    query = requested_query(
        PARAMS, sorts=LISTING_SORTS, per_page=12, kind="product", fixed_facets=("village",)
    )
    assert query.text == ""
    assert query.kind == "product"
    assert query.filters == {"category": ["Dệt may"]}
    assert "village" not in query.facet_names
    assert (query.sort, query.page, query.per_page) == ("price", 2, 12)


def test_an_unknown_kind_sort_or_page_falls_back_to_the_defaults():
    params = QueryDict("kind=spaceship&sort=cheapest&page=lots")
    query = requested_query(params, sorts=SORTS, per_page=24, box=SearchForm(params))
    assert (query.kind, query.sort, query.page) == (None, "relevance", 1)
    listing = requested_query(params, sorts=LISTING_SORTS, per_page=12, kind="product")
    assert listing.sort == "newest"
