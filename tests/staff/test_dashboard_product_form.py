"""Shop editors keep our product fields (translations, OCOP, origin) in Oscar's dashboard."""

import datetime

from django.core.cache import cache
from django.test import Client
from django.utils import translation

import pytest
from auditlog.models import LogEntry

from tests.catalogue.factories import (
    CategoryFactory,
    ProducerFactory,
    ProductClassFactory,
    create_product,
    product_for_sale,
)
from tests.pages.factories import translate
from tests.staff.factories import member
from tests.villages.factories import VillagePageFactory

# Listings and search read the index: it follows what these tests change.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


@pytest.fixture(autouse=True)
def vietnamese_afterwards():
    """A request under /en/ leaves English active in this thread: later tests expect Vietnamese."""
    yield
    translation.deactivate()


def product_in_a_category(**fields):
    """A product for sale, filed in a category as Oscar's dashboard requires."""
    product = product_for_sale(**fields)
    product.categories.add(CategoryFactory(name="Tinh dầu"))
    return product


def edit_url(product):
    """The product's page in Oscar's dashboard, in English."""
    return f"/en/dashboard/catalogue/products/{product.pk}/"


def dashboard_form_data(response):
    """What the product page of Oscar's dashboard would post back unchanged, formsets included."""
    context = response.context
    forms = [context["form"]]
    for name in ("category_formset", "image_formset", "recommended_formset", "stockrecord_formset"):
        formset = context[name]
        forms += [formset.management_form, *formset]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value
            if field.field.show_hidden_initial:
                data[field.html_initial_name] = value
    return data


@pytest.fixture
def village(home, locales):
    village = VillagePageFactory(title="Làng hồi Văn Quan", slug="lang-hoi-van-quan")
    translate(village, "en", title="Văn Quan star-anise village")
    return village


@pytest.fixture
def editor(client):
    user = member("Shop editors")
    client.force_login(user)
    return user


def test_an_editor_sets_the_ocop_rating_village_and_english_title_shown_on_the_english_page(
    client, editor, village
):
    product = product_in_a_category(title="Tinh dầu hồi Văn Quan")
    data = dashboard_form_data(client.get(edit_url(product)))
    data.update(
        title_en="Văn Quan star anise oil",
        ocop_stars="4",
        ocop_certificate_number="245/QĐ-UBND",
        ocop_certified_on="2024-05-10",
        village=str(village.pk),
        action="save",
    )

    response = client.post(edit_url(product), data)

    assert response.status_code == 302, response.context["form"].errors
    product.refresh_from_db()
    assert product.title_en == "Văn Quan star anise oil"
    assert product.ocop_stars == 4
    assert product.ocop_certificate_number == "245/QĐ-UBND"
    assert product.ocop_certified_on == datetime.date(2024, 5, 10)
    assert product.village == village
    with translation.override("en"):
        path = product.get_absolute_url()
    html = Client().get(path).content.decode()
    assert "Văn Quan star anise oil" in html
    assert "245/QĐ-UBND" in html
    assert "Văn Quan star-anise village" in html


def test_an_editor_creates_a_product_with_its_translation_and_origin(client, editor, village):
    product_class = ProductClassFactory(name="Tinh dầu", slug="tinh-dau")
    url = f"/en/dashboard/catalogue/products/create/{product_class.slug}/"
    response = client.get(url)
    data = dashboard_form_data(response)
    category_prefix = response.context["category_formset"].prefix
    data.update(
        {
            "title": "Hương quế Nà Phiêng",
            "title_zh_hans": "那平肉桂香",
            "craft": "Làm hương",
            "village": str(village.pk),
            "gtin": "8931234567897",
            f"{category_prefix}-0-category": str(CategoryFactory(name="Hương").pk),
            "action": "save",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    product = product_class.products.get()
    assert product.slug == "huong-que-na-phieng"
    assert product.title_zh_hans == "那平肉桂香"
    assert (product.craft, product.village, product.gtin) == (
        "Làm hương",
        village,
        "08931234567897",
    )


def test_a_variant_edits_only_its_translated_titles(client, editor):
    parent = create_product(title="Khăn thổ cẩm", structure="parent")
    parent.categories.add(CategoryFactory(name="Dệt may"))
    child = create_product(title="Khăn thổ cẩm đỏ", parent=parent, price=90000, num_in_stock=3)

    form = client.get(edit_url(child)).context["form"]

    assert [field.name for field in form.translation_form_fields()] == ["title_en", "title_zh_hans"]
    assert form.origin_form_fields() == []


def test_the_form_groups_translations_and_ocop_and_offers_live_vietnamese_villages(
    client, editor, village
):
    draft = VillagePageFactory(title="Làng giấy bản")
    draft.unpublish()
    product = product_in_a_category()

    response = client.get(edit_url(product))

    form = response.context["form"]
    assert [field.name for field in form.translation_form_fields()] == [
        "title_en",
        "description_en",
        "title_zh_hans",
        "description_zh_hans",
    ]
    origin = [field.name for field in form.origin_form_fields()]
    assert {"ocop_stars", "ocop_certificate_number", "village", "producer", "gtin"} <= set(origin)
    assert not {"title_en", "ocop_stars"} & {field.name for field in form.primary_form_fields()}
    villages = list(form.fields["village"].queryset)
    assert villages == [village], "the Vietnamese live page only: no English copy, no draft"
    html = response.content.decode()
    assert html.count('href="#product_translations"') == 1, "one tab per section"
    assert html.count('href="#product_origin"') == 1
    assert html.count('id="product_origin"') == 1
    assert "Làng hồi Văn Quan" in html


def test_a_wrong_gtin_check_digit_is_refused_with_its_message(client, editor):
    product = product_in_a_category()
    data = dashboard_form_data(client.get(edit_url(product)))
    data.update(gtin="8931234567890", action="save")

    response = client.post(edit_url(product), data)

    assert response.status_code == 200
    assert response.context["form"].errors["gtin"] == ["This GTIN's check digit is wrong."]
    assert not response.context["form"].non_field_errors()
    assert "This GTIN&#x27;s check digit is wrong." in response.content.decode()
    product.refresh_from_db()
    assert product.gtin == ""


def test_a_valid_gtin_and_a_producer_are_kept(client, editor):
    product = product_in_a_category()
    producer = ProducerFactory(name="HTX Hồi Văn Quan")
    data = dashboard_form_data(client.get(edit_url(product)))
    data.update(gtin="8931234567897", producer=str(producer.pk), action="save")

    assert client.post(edit_url(product), data).status_code == 302

    product.refresh_from_db()
    assert product.gtin == "08931234567897"
    assert product.producer == producer


def test_an_ocop_rating_needs_its_certificate_number_and_date(client, editor):
    product = product_in_a_category()
    data = dashboard_form_data(client.get(edit_url(product)))
    data.update(ocop_stars="4", action="save")

    response = client.post(edit_url(product), data)

    errors = response.context["form"].errors
    assert errors["ocop_certificate_number"] == ["An OCOP rating needs its certificate number."]
    assert errors["ocop_certified_on"] == ["An OCOP rating needs its certificate date."]
    product.refresh_from_db()
    assert product.ocop_stars is None


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_a_dashboard_edit_is_audited_and_clears_the_cached_listing(client, editor, page_cache):
    product = product_in_a_category(title="Hoa hồi khô")
    visitor = Client()
    visitor.get("/en/catalogue/")
    assert visitor.get("/en/catalogue/")["X-Page-Cache"] == "hit"
    data = dashboard_form_data(client.get(edit_url(product)))
    data.update(
        title_en="Dried star anise",
        ocop_stars="3",
        ocop_certificate_number="12/QĐ-UBND",
        ocop_certified_on="2025-01-15",
        action="save",
    )

    assert client.post(edit_url(product), data).status_code == 302

    entry = LogEntry.objects.get_for_object(product).latest("timestamp")
    assert entry.actor == editor
    assert entry.changes_dict["title_en"] == ["", "Dried star anise"]
    assert entry.changes_dict["ocop_stars"][1] == "3"
    listing = visitor.get("/en/catalogue/")
    assert listing["X-Page-Cache"] == "miss"
    assert "Dried star anise" in listing.content.decode()


def test_the_dashboard_menu_leads_back_to_the_staff_area(client, editor):
    html = client.get("/en/dashboard/").content.decode()
    assert 'href="/staff/"' in html
    assert "Staff area" in html
