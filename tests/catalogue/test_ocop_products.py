"""OCOP products: rating and certificate, village, producer, badges, languages, listings, markup."""

import datetime
import json
import re

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest
from oscar.core.loading import get_model

from catalogue.models import normalize_gtin
from tests.catalogue.factories import ProducerFactory, ocop_product, product_for_sale
from tests.pages.factories import translate
from tests.villages.factories import VillagePageFactory

# Listings and search read the index: it follows what these tests change.
pytestmark = pytest.mark.usefixtures("search_index")

Product = get_model("catalogue", "Product")


def url(product, language="vi"):
    with translation.override(language):
        return product.get_absolute_url()


def test_a_gtin_is_checked_and_kept_as_fourteen_digits():
    assert normalize_gtin("4006381333931") == "04006381333931"
    assert normalize_gtin("8931234567897") == "08931234567897"
    with pytest.raises(ValidationError):
        normalize_gtin("8931234567890")
    with pytest.raises(ValidationError):
        normalize_gtin("893-123")


def test_ocop_certificate_is_valid_for_36_months():
    product = Product(ocop_stars=4, ocop_certified_on=datetime.date(2024, 5, 10))
    assert product.ocop_year == 2024
    assert product.ocop_valid_until == datetime.date(2027, 5, 9)


@pytest.mark.django_db
def test_title_and_description_follow_the_visitors_language(home):
    product = product_for_sale(title="Tinh dầu hồi", description="<p>Chưng cất</p>")
    product.title_en = "Star anise oil"
    product.title_zh_hans = "八角油"
    product.save()
    with translation.override("en"):
        assert product.get_title() == "Star anise oil"
        assert product.get_description() == "<p>Chưng cất</p>", "untranslated falls back to vi"
    with translation.override("zh-hans"):
        assert product.get_title() == "八角油"
    with translation.override("vi"):
        assert product.get_title() == "Tinh dầu hồi"


@pytest.mark.django_db
def test_slug_comes_from_the_vietnamese_title_in_any_language(home):
    with translation.override("en"):
        product = Product.objects.create(title="Hoa hồi khô", title_en="Dried star anise")
    assert product.slug == "hoa-hoi-kho"


@pytest.fixture
def village(home, locales):
    village = VillagePageFactory(
        title="Làng hồi Văn Quan", slug="lang-hoi-van-quan", introduction="Vùng hồi lâu đời."
    )
    translate(village, "en", title="Văn Quan star-anise village", introduction="An old anise land.")
    return village


@pytest.fixture
def ocop_oil(village):
    producer = ProducerFactory(name="HTX Hồi Văn Quan", code="htx-hoi-van-quan")
    product = ocop_product(
        stars=4,
        title="Tinh dầu hồi Văn Quan",
        price=185000,
        village=village,
        producer=producer,
        craft="Chưng cất tinh dầu hồi",
        geographical_indication="Hồi Văn Quan",
    )
    product.title_en = "Văn Quan star anise oil"
    product.save()
    return product


@pytest.mark.django_db
def test_product_page_shows_village_story_producer_and_ocop_badge(client, ocop_oil):
    response = client.get(url(ocop_oil))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/catalogue/ocop/4/"' in html
    assert "★★★★" in html
    assert "123/QĐ-UBND" in html
    assert "09/05/2027" in html, "valid-until date of the certificate"
    assert "Làng hồi Văn Quan" in html
    assert "Vùng hồi lâu đời." in html
    assert "HTX Hồi Văn Quan" in html
    assert "Hồi Văn Quan" in html


@pytest.mark.django_db
def test_product_page_in_english_shows_the_english_village_page(client, ocop_oil):
    path = url(ocop_oil, "en")
    html = client.get(path).content.decode()
    assert path.startswith("/en/")
    assert "Văn Quan star anise oil" in html
    assert "Văn Quan star-anise village" in html
    assert "An old anise land." in html


@pytest.mark.django_db
def test_product_page_describes_the_product_for_search_engines(client, ocop_oil):
    html = client.get(url(ocop_oil)).content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(found.group(1))
    assert data["@type"] == "Product"
    assert data["name"] == "Tinh dầu hồi Văn Quan"
    assert data["offers"]["price"] == "185000"
    assert data["offers"]["priceCurrency"] == "VND"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["brand"]["name"] == "HTX Hồi Văn Quan"
    assert "aggregateRating" not in data, "no reviews yet, no rating"


@pytest.mark.django_db
def test_rating_markup_comes_from_approved_reviews(client, ocop_oil, django_user_model):
    for number, score in enumerate((5, 4), start=1):
        user = django_user_model.objects.create_user(f"u{number}", f"u{number}@example.com", "x")
        ocop_oil.reviews.create(user=user, score=score, title="Thơm", body="Rất thơm", status=1)
    ocop_oil.update_rating()
    html = client.get(url(ocop_oil)).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["aggregateRating"]["ratingValue"] == 4.5
    assert data["aggregateRating"]["reviewCount"] == 2


@pytest.mark.django_db
def test_out_of_stock_offer_says_so(client, home):
    product = product_for_sale(title="Khăn thổ cẩm", stock=0)
    html = client.get(url(product)).content.decode()
    assert "https://schema.org/OutOfStock" in html


@pytest.mark.django_db
def test_products_are_listed_by_village(client, ocop_oil, village):
    product_for_sale(title="Mặt nạ Mai Pha")
    html = client.get(f"/catalogue/village/{village.slug}/").content.decode()
    assert "Tinh dầu hồi Văn Quan" in html
    assert "Mặt nạ Mai Pha" not in html


@pytest.mark.django_db
def test_products_are_listed_by_producer(client, ocop_oil):
    product_for_sale(title="Mặt nạ Mai Pha")
    response = client.get("/catalogue/producer/htx-hoi-van-quan/")
    html = response.content.decode()
    assert "Tinh dầu hồi Văn Quan" in html
    assert "Mặt nạ Mai Pha" not in html
    assert "Cooperative" in client.get("/en/catalogue/producer/htx-hoi-van-quan/").content.decode()


@pytest.mark.django_db
def test_products_are_listed_by_ocop_stars(client, ocop_oil):
    ocop_product(stars=3, title="Thạch đen Tràng Định")
    product_for_sale(title="Mặt nạ Mai Pha")
    four = client.get("/catalogue/ocop/4/").content.decode()
    assert "Tinh dầu hồi Văn Quan" in four and "Thạch đen" not in four
    every = client.get("/catalogue/ocop/").content.decode()
    assert "Tinh dầu hồi Văn Quan" in every and "Thạch đen" in every
    assert "Mặt nạ Mai Pha" not in every
    assert client.get("/catalogue/ocop/2/").status_code == 404


@pytest.mark.django_db
def test_product_page_suggests_tours_to_its_village_in_the_visitors_language(
    client, ocop_oil, village
):
    from tests.tours.factories import TourPageFactory

    tour = TourPageFactory(title="Hai ngày Văn Quan", stops=[village])
    english_tour = translate(tour, "en", title="Two days in Văn Quan")
    assert f'href="{tour.url}">Hai ngày Văn Quan</a>' in client.get(url(ocop_oil)).content.decode()
    english_tour.refresh_from_db()
    assert (
        f'href="{english_tour.url}">Two days in Văn Quan</a>'
        in client.get(url(ocop_oil, "en")).content.decode()
    )


@pytest.mark.django_db
def test_listing_cards_show_the_ocop_stars(client, ocop_oil):
    html = client.get("/catalogue/").content.decode()
    assert 'class="tile__ocop"' in html and "★★★★" in html
