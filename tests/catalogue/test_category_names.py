"""Visitors read category names in their language, the Vietnamese name where none is given."""

from django.utils import translation

import pytest
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from tests.catalogue.factories import product_for_sale

ProductCategory = get_model("catalogue", "ProductCategory")

# Listings and search read the index: it follows what these tests change.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


@pytest.fixture(autouse=True)
def vietnamese_afterwards():
    """A request under /en/ leaves English active in this thread: later tests expect Vietnamese."""
    yield
    translation.deactivate()


def category_of(product, breadcrumbs):
    category = create_from_breadcrumbs(breadcrumbs)
    ProductCategory.objects.create(product=product, category=category)
    return category


def translate(category, english, chinese):
    category.name_en, category.name_zh_hans = english, chinese
    category.save()


@pytest.fixture
def shop(home):
    textiles = category_of(product_for_sale(title="Áo chàm thổ cẩm", price=650000), "Dệt may")
    category_of(product_for_sale(title="Khăn thổ cẩm dệt tay", price=350000), "Dệt may")
    translate(textiles, "Textiles", "纺织品")
    spices = category_of(product_for_sale(title="Tinh dầu hồi"), "Đặc sản > Tinh dầu và gia vị")
    translate(spices.get_parent(), "Specialities", "特产")
    return {"textiles": textiles, "spices": spices}


def page(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def url_in(language, category):
    with translation.override(language):
        return category.get_absolute_url()


def test_get_name_falls_back_to_the_vietnamese_name():
    category = get_model("catalogue", "Category")(name="Dệt may", name_en="Textiles")
    with translation.override("en"):
        assert category.get_name() == "Textiles"
    with translation.override("zh-hans"):
        assert category.get_name() == "Dệt may"
    with translation.override("vi"):
        assert category.get_name() == "Dệt may"


@pytest.mark.parametrize(("prefix", "name"), [("/en", "Textiles"), ("/zh-hans", "纺织品")])
def test_the_listing_names_categories_in_the_visitors_language(client, shop, prefix, name):
    html = page(client, f"{prefix}/catalogue/")
    assert f">{name}</a>" in html
    assert ">Dệt may</a>" not in html
    assert ">Tinh dầu và gia vị</a>" in html, "untranslated: the Vietnamese name"


def test_the_vietnamese_listing_keeps_the_vietnamese_names(client, shop):
    html = page(client, "/catalogue/")
    assert ">Dệt may</a>" in html
    assert "Textiles" not in html


@pytest.mark.parametrize(("language", "name"), [("en", "Textiles"), ("zh-hans", "纺织品")])
def test_the_category_page_heading_and_title_are_translated(client, shop, language, name):
    html = page(client, url_in(language, shop["textiles"]))
    assert f"<h1>{name}</h1>" in html
    assert f'<li class="breadcrumb-item active" aria-current="page">{name}</li>' in html
    title = html.split("<title>")[1].split("</title>")[0].strip()
    assert title.startswith(f"{name} · ") and title.count(name) == 1
    assert "Dệt may" not in html


def test_the_breadcrumb_names_the_parent_category_in_english(client, shop):
    html = page(client, url_in("en", shop["spices"]))
    assert ">Specialities</a></li>" in html
    assert "<h1>Tinh dầu và gia vị</h1>" in html, "untranslated: the Vietnamese name"


def test_the_product_page_breadcrumb_names_its_categories_in_english(client, shop):
    product = shop["spices"].product_set.get()
    with translation.override("en"):
        url = product.get_absolute_url()
    html = page(client, url)
    assert ">Specialities</a></li>" in html
    assert ">Tinh dầu và gia vị</a></li>" in html, "untranslated: the Vietnamese name"
    assert ">Đặc sản</a>" not in html


def test_the_english_category_facet_shows_english_names_and_narrows_by_them(client, shop):
    html = page(client, "/en/catalogue/")
    assert "?category=Textiles" in html
    assert "?category=D" not in html, "no Vietnamese value for a translated category"
    assert "?category=Tinh+d" in html, "untranslated: the Vietnamese value"

    narrowed = page(client, "/en/catalogue/", category="Textiles")
    assert "Áo chàm thổ cẩm" in narrowed and "Khăn thổ cẩm dệt tay" in narrowed
    assert "Tinh dầu hồi" not in narrowed
    assert "Category: Textiles" in narrowed


def test_the_chinese_and_vietnamese_facets_narrow_by_their_own_names(client, shop):
    chinese = page(client, "/zh-hans/catalogue/", category="纺织品")
    assert "Áo chàm thổ cẩm" in chinese and "Tinh dầu hồi" not in chinese
    vietnamese = page(client, "/catalogue/", category="Dệt may")
    assert "Áo chàm thổ cẩm" in vietnamese and "Tinh dầu hồi" not in vietnamese
    assert "?category=Textiles" not in vietnamese


def test_naming_a_category_in_english_re_indexes_its_products(client, shop):
    translate(shop["spices"], "Essential oils and spices", "精油与香料")

    narrowed = page(client, "/en/catalogue/", category="Essential oils and spices")
    assert "Tinh dầu hồi" in narrowed
    assert "Áo chàm thổ cẩm" not in narrowed
