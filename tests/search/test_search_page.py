"""The search page and its autocomplete, as a visitor uses them (database backend)."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.indexing import rebuild
from tests.catalogue.factories import product_for_sale
from tests.search.factories import product
from tests.villages.factories import VillagePageFactory

# Listings and search read the index: it follows what these tests change.
pytestmark = pytest.mark.usefixtures("search_index")


def page(client, path="/en/search/", **params):
    """The search page, in English unless `path` says otherwise (Oscar translates some words)."""
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_search_finds_pages_and_products_as_they_are_published(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        VillagePageFactory(title="Làng hương Nà Phiêng", slug="na-phieng")
        product_for_sale(title="Hương trầm Nà Phiêng")
    html = page(client, "/search/", q="Nà Phiêng")
    assert "Phiêng</mark>" in html
    assert "Làng hương" in html
    assert "Hương trầm" in html


@pytest.mark.django_db
def test_search_with_nothing_found_says_so_and_suggests(client, sample):
    html = page(client, q="không có gì như thế này")
    assert 'class="result-count"' in html
    assert "Nothing matched" in html
    assert 'class="search-popular"' in html


@pytest.mark.django_db
def test_search_without_accents_highlights_the_accented_words(client, sample):
    html = page(client, q="ao cham")
    assert "<mark>Áo</mark> <mark>chàm</mark> thổ cẩm" in html


@pytest.mark.django_db
def test_highlighting_escapes_the_text(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product_for_sale(title="Hộp <b>gỗ</b> & nắp")
    html = page(client, q="hop go")
    assert "<mark>Hộp</mark> &lt;b&gt;<mark>gỗ</mark>&lt;/b&gt; &amp; nắp" in html
    assert "<b>gỗ</b>" not in html


@pytest.mark.django_db
def test_query_is_escaped_in_the_page(client, sample):
    html = page(client, q='<script>alert("x")</script>')
    assert "<script>alert" not in html


@pytest.mark.django_db
def test_facets_narrow_results_and_live_in_the_url(client, sample):
    html = page(client, kind="product")
    assert "?kind=product&amp;category=D%E1%BB%87t+may" in html  # shareable link of the facet
    narrowed = page(client, kind="product", category="Dệt may")
    assert "2 results" in narrowed
    assert "Áo chàm thổ cẩm" in narrowed
    assert "Hoa hồi khô" not in narrowed
    assert "Clear all filters" in narrowed


@pytest.mark.django_db
def test_kind_filter_shows_counts_per_kind(client, sample):
    html = page(client, "/search/", q="hoi")
    assert '?q=hoi&amp;kind=tour">' in html
    only_tours = page(client, "/search/", q="hoi", kind="tour")
    assert "Một ngày ở vùng" in only_tours
    assert "Hoa hồi khô" not in only_tours


@pytest.mark.django_db
def test_sorting_by_price_and_pages(client, sample):
    html = page(client, kind="product", sort="-price")
    assert html.index("Áo chàm thổ cẩm") < html.index("Hạt hướng dương rang")


@pytest.mark.django_db
def test_typo_gets_a_did_you_mean(client, sample):
    html = page(client, q="phiemg")
    assert "Did you mean" in html
    assert "Hương trầm Nà <mark>Phiêng</mark>" in html  # found, and marked as corrected


@pytest.mark.django_db
def test_did_you_mean_links_the_corrected_query_with_the_corrected_word_marked(client, sample):
    html = page(client, "/search/", q="dau hoj")
    assert '<a href="?q=dau+hoi">dau <mark>hoi</mark></a>' in html
    assert "<mark>Dầu</mark> <mark>hồi</mark> Văn Quan" in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/search/", "/en/search/", "/zh-hans/search/"])
def test_each_search_box_example_finds_something_on_its_own_page(client, sample, path):
    header = page(client, path.replace("search/", ""))  # the header's box, on the home page
    placeholder = re.search(r'id="site-search"[^>]*placeholder="([^"]+)"', header)[1]
    examples = re.split(r"[,、，]", re.split(r"[:：]", placeholder, maxsplit=1)[1].strip("…. "))
    assert len(examples) >= 2
    for example in examples:
        html = page(client, path, q=example.strip())
        assert 'class="search-hit ' in html, (path, example)


@pytest.mark.django_db
def test_the_search_page_has_one_search_box_its_own(client, sample):
    html = page(client, "/search/", q="ao cham")
    assert html.count('role="search"') == 1, "the header's box would repeat the page's"
    assert 'id="search-page-q"' in html


@pytest.mark.django_db
def test_a_product_card_shows_stars_price_and_an_add_to_basket_button(client, sample):
    shirt = sample["ao_cham"]
    shirt.ocop_stars = 4
    shirt.save()
    rebuild()
    html = page(client, q="ao cham", kind="product")
    assert "★★★★</span> OCOP 4 stars" in html
    assert "₫650,000" in html
    assert f'action="/en/basket/add/{shirt.pk}/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<span class="visually-hidden">: Áo chàm thổ cẩm</span></button>' in html


@pytest.mark.django_db
def test_filters_fold_into_one_control(client, sample):
    html = page(client, q="hoi")
    assert '<details class="search-filters">' in html
    assert '<summary class="search-filters__toggle">' in html
    chosen = page(client, q="hoi", kind="product", category="Gia vị")
    assert '<span class="count">(1)</span>' in chosen


@pytest.mark.django_db
def test_a_page_not_translated_is_found_and_says_so(client, sample):
    html = page(client, q="dong dang")
    url = sample["village"].url
    assert f'lang="vi"><a href="{url}">Làng rèn <mark>Đồng</mark> <mark>Đăng</mark>' in html
    assert "not translated yet" in html


@pytest.mark.django_db
def test_search_page_queries_do_not_grow_with_results(client, home):
    def queries():
        page(client, "/search/", q="shan tuyeet")  # the header's menus, kept after a change
        with CaptureQueriesContext(connection) as captured:
            html = page(client, "/search/", q="shan tuyeet")
        return len(captured.captured_queries), html.count('class="search-hit ')

    for number in range(2):
        product(f"Chè Shan tuyết Mẫu Sơn số {number}", "Chè")
    rebuild()
    few, shown = queries()
    for number in range(2, 24):
        product(f"Chè Shan tuyết Mẫu Sơn số {number}", "Chè")
    rebuild()
    assert (shown, queries()) == (2, (few, 24))


@pytest.mark.django_db
def test_unknown_parameters_are_ignored(client, sample):
    assert "result" in page(client, q="hoi", kind="nothing", sort="nonsense", page="x")


@pytest.mark.django_db
def test_english_search_page_finds_english_pages(client, sample):
    response = client.get("/en/search/", {"q": "incense"})
    assert "Na Phieng <mark>incense</mark> village" in response.content.decode()


@pytest.mark.django_db
def test_suggest_answers_json_with_at_most_eight_mixed_suggestions(client, sample):
    response = client.get("/search/suggest/", {"q": "h"})
    assert response["Content-Type"] == "application/json"
    suggestions = json.loads(response.content)["suggestions"]
    assert 0 < len(suggestions) <= 8
    assert {"product", "tour"} <= {suggestion["kind"] for suggestion in suggestions}
    assert all(suggestion["url"].startswith("/") for suggestion in suggestions)


@pytest.mark.django_db
def test_suggest_folds_what_is_typed(client, sample):
    response = client.get("/search/suggest/", {"q": "dau h"})
    titles = [suggestion["title"] for suggestion in json.loads(response.content)["suggestions"]]
    assert titles == ["Dầu hồi Văn Quan 100 ml"]


@pytest.mark.django_db
def test_empty_suggest_is_empty(client, sample):
    response = client.get("/search/suggest/", {"q": "  "})
    assert json.loads(response.content)["suggestions"] == []


@pytest.mark.django_db
def test_header_box_loads_the_autocomplete_script_from_our_static_files(client, home):
    html = client.get("/").content.decode()
    assert 'data-suggest-url="/search/suggest/"' in html
    assert "/static/themes/js/autocomplete.js" in html
