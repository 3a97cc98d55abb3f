"""The catalogue's listings are answered by the search engine: facets, sorting, pages, few queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from tests.catalogue.factories import ProducerFactory, ocop_product, product_for_sale
from tests.villages.factories import VillagePageFactory

# Listings and search read the index: it follows what these tests change.
pytestmark = pytest.mark.usefixtures("search_index")

ProductCategory = get_model("catalogue", "ProductCategory")


def in_category(product, breadcrumbs):
    category = create_from_breadcrumbs(breadcrumbs)
    ProductCategory.objects.create(product=product, category=category)
    return category


def html(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def titles_in_order(page, titles):
    return sorted(titles, key=page.index)


@pytest.fixture
def shop(home):
    village = VillagePageFactory(title="Làng hồi Văn Quan", slug="lang-hoi-van-quan")
    anise = ProducerFactory(name="HTX Hồi Văn Quan", code="htx-hoi")
    weavers = ProducerFactory(name="HTX Dệt Bắc Sơn", code="htx-det")
    made = {
        "oil": ocop_product(
            stars=4, title="Tinh dầu hồi", price=185000, village=village, producer=anise
        ),
        "dried": ocop_product(
            stars=3, title="Hoa hồi khô", price=95000, village=village, producer=anise
        ),
        "shirt": product_for_sale(title="Áo chàm", price=650000, producer=weavers),
        "scarf": ocop_product(stars=5, title="Khăn thổ cẩm", price=350000, producer=weavers),
    }
    made["spices"] = in_category(made["dried"], "Gia vị > Hồi")
    in_category(made["oil"], "Tinh dầu")
    in_category(made["shirt"], "Dệt may")
    in_category(made["scarf"], "Dệt may")
    made["village"] = village
    return made


@pytest.mark.django_db
def test_a_parent_category_lists_its_sub_categories_products(client, shop):
    parent = shop["spices"].get_parent()
    page = html(client, "/en" + parent.get_absolute_url())
    assert "Hoa hồi khô" in page
    assert "Tinh dầu hồi" not in page
    assert "1 product" in page


@pytest.mark.django_db
def test_village_listing_finds_its_products_and_offers_facets(client, shop):
    page = html(client, "/en/catalogue/village/lang-hoi-van-quan/")
    assert "Tinh dầu hồi" in page and "Hoa hồi khô" in page
    assert "Áo chàm" not in page
    assert "OCOP stars" in page  # a facet to narrow by, with counts
    narrowed = html(client, "/en/catalogue/village/lang-hoi-van-quan/", ocop_stars="4")
    assert "Tinh dầu hồi" in narrowed
    assert "Hoa hồi khô" not in narrowed
    assert "Clear all filters" in narrowed


@pytest.mark.django_db
def test_producer_listing_sorts_by_price(client, shop):
    dearest_first = html(client, "/en/catalogue/producer/htx-det/", sort="-price")
    assert titles_in_order(dearest_first, ["Khăn thổ cẩm", "Áo chàm"]) == [
        "Áo chàm",
        "Khăn thổ cẩm",
    ]
    cheapest_first = html(client, "/en/catalogue/producer/htx-det/", sort="price")
    assert titles_in_order(cheapest_first, ["Khăn thổ cẩm", "Áo chàm"]) == [
        "Khăn thổ cẩm",
        "Áo chàm",
    ]
    assert "Tinh dầu hồi" not in cheapest_first


@pytest.mark.django_db
def test_ocop_listings_by_stars(client, shop):
    every = html(client, "/en/catalogue/ocop/")
    assert all(title in every for title in ("Tinh dầu hồi", "Hoa hồi khô", "Khăn thổ cẩm"))
    assert "Áo chàm" not in every  # not rated
    five = html(client, "/en/catalogue/ocop/5/")
    assert "Khăn thổ cẩm" in five
    assert "Tinh dầu hồi" not in five


@pytest.mark.django_db
def test_facet_counts_on_the_catalogue(client, shop):
    page = html(client, "/en/catalogue/", category="Dệt may")
    assert "2 products" in page
    assert "Áo chàm" in page and "Khăn thổ cẩm" in page
    assert "Hoa hồi khô" not in page


@pytest.mark.django_db
def test_a_product_no_longer_for_sale_leaves_the_listings(client, shop):
    record = shop["oil"].stockrecords.get()
    record.num_in_stock = 0
    record.save()
    assert "Tinh dầu hồi" not in html(client, "/catalogue/village/lang-hoi-van-quan/")


def queries_for(client, path):
    client.get(path)  # fill what is cached once per process
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def add_products(count, village, producer):
    for number in range(count):
        product = ocop_product(
            stars=4, title=f"Sản phẩm {number}", village=village, producer=producer
        )
        in_category(product, "Gia vị")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/catalogue/",
        "/catalogue/ocop/4/",
        "/catalogue/village/lang-hoi-van-quan/",
        "/catalogue/producer/htx-hoi/",
        "category",
    ],
)
def test_listing_queries_do_not_grow_with_products(client, shop, path):
    if path == "category":
        path = shop["spices"].get_parent().get_absolute_url()
    producer = shop["oil"].producer
    add_products(2, shop["village"], producer)
    few = queries_for(client, path)
    add_products(5, shop["village"], producer)
    many = queries_for(client, path)
    assert many == few, f"{path}: {few} queries with few products, {many} with more"
