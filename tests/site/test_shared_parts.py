"""Parts that many pages show alike (menus, footer, the home page's lists) are made once and kept
until what they show changes (pages/cache.py, `shared`); a page rendered afresh then costs a few
queries."""

import json
import re

from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from catalogue.models import Product
from pages.cache import _token_slot, shared
from tests.catalogue.factories import product_for_sale
from tests.pages.factories import ImageFactory, MenuItemFactory, SiteSettingsFactory, translate
from tests.tours.factories import ExperiencePageFactory, TourPageFactory, in_days
from tests.villages.factories import (
    ShowroomPageFactory,
    VillageIndexPageFactory,
    VillagePageFactory,
)
from tours.models import TourPage
from villages.models import VillagePage


@pytest.fixture
def shared_parts(settings, search_index):
    settings.FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


@pytest.fixture
def site(home):
    villages = VillageIndexPageFactory(title="Làng nghề", slug="lang-nghe", parent=home)
    MenuItemFactory(settings=SiteSettingsFactory(), page=villages)
    for number in range(3):
        village = VillagePageFactory(
            title=f"Làng {number}", parent=villages, hero_image=ImageFactory()
        )
        TourPageFactory(title=f"Tuyến {number}", stops=[village])
        product_for_sale(title=f"Sản phẩm {number}")
    return villages


@pytest.mark.django_db
def test_the_home_page_made_again_reads_its_lists_and_menus_from_the_cache(
    client, site, shared_parts
):
    first, made = queries_for(client, "/")
    again, kept = queries_for(client, "/")

    assert again == first
    assert kept <= 12 < made, f"{made} queries made, {kept} with the parts kept"


@pytest.mark.django_db
def test_a_product_renamed_shows_on_the_home_page_at_once(client, site, shared_parts):
    client.get("/")
    product = Product.objects.get(title="Sản phẩm 1")
    product.title = "Hoa hồi khô"
    product.save()

    html, _ = queries_for(client, "/")
    assert "Hoa hồi khô" in html and "Sản phẩm 1" not in html


@pytest.mark.django_db
def test_a_section_renamed_shows_in_the_menu_of_every_page_at_once(client, site, shared_parts):
    village = site.get_children().first()
    for path in ("/", village.url):
        assert ">Làng nghề</a>" in client.get(path).content.decode()

    site.title = "Làng nghề truyền thống"
    site.save_revision().publish()

    for path in ("/", village.url):
        html = client.get(path).content.decode()
        assert ">Làng nghề truyền thống</a>" in html, path
    assert 'aria-current="page">Làng nghề truyền thống</a>' in html, "marked on the village's page"


@pytest.mark.django_db
def test_an_editors_preview_shows_the_draft_and_the_public_keeps_the_published_page(
    client, site, shared_parts
):
    village = VillagePage.objects.get(title="Làng 1")
    draft = VillagePage.objects.get(pk=village.pk)
    draft.title = "Làng 1 (bản nháp)"

    before = draft.make_preview_request().content.decode()  # nothing kept yet
    public = client.get(village.url).content.decode()
    after = draft.make_preview_request().content.decode()  # the published part is kept

    assert "<h1>Làng 1 (bản nháp)</h1>" in before and "<h1>Làng 1 (bản nháp)</h1>" in after
    assert "<h1>Làng 1</h1>" in public and "bản nháp" not in public, "no draft reaches the public"


@pytest.mark.django_db(transaction=True)
def test_a_part_made_while_a_change_commits_is_never_read_after_it(site, shared_parts, settings):
    settings.CONTENT_CHANGES_AFTER_COMMIT = True
    product = Product.objects.get(title="Sản phẩm 1")

    def made_while_the_product_changes():
        # The part has read the old product; the producer's change commits before it is kept.
        with transaction.atomic():
            product.title = "Hoa hồi khô"
            product.save()
        return "Sản phẩm 1"

    assert shared("list", ["catalogue"], made_while_the_product_changes) == "Sản phẩm 1"
    assert shared("list", ["catalogue"], lambda: "Hoa hồi khô") == "Hoa hồi khô"
    assert shared("list", ["catalogue"], lambda: "made a third time") == "Hoa hồi khô", "kept"


def test_a_part_holding_a_forms_token_is_never_kept(shared_parts):
    def form(token):
        return lambda: f'<input type="hidden" name="csrfmiddlewaretoken" value="{token * 64}">'

    assert "a" * 64 in shared("cards", ["catalogue"], form("a"))
    assert "b" * 64 in shared("cards", ["catalogue"], form("b")), "each visitor's own token"


@pytest.mark.django_db
def test_a_product_page_made_again_reads_its_village_tours_and_showrooms_from_the_cache(
    client, site, shared_parts
):
    showroom = ShowroomPageFactory(title="Điểm bán Kỳ Lừa")
    product = Product.objects.get(title="Sản phẩm 1")
    product.village = VillagePage.objects.get(title="Làng 1")
    product.save()
    first, made = queries_for(client, product.get_absolute_url())
    again, kept = queries_for(client, product.get_absolute_url())

    assert "Làng 1" in again and "Tuyến 1" in again and "Điểm bán Kỳ Lừa" in again
    assert kept <= 12 < made, f"{made} queries made, {kept} with the parts kept"

    showroom.title = "Điểm bán chợ Kỳ Lừa"
    showroom.save_revision().publish()
    html, _ = queries_for(client, product.get_absolute_url())
    assert "Điểm bán chợ Kỳ Lừa" in html, "a showroom renamed shows among the pickup points at once"


@pytest.mark.django_db
def test_with_the_parts_cache_off_each_page_is_made_whole(client, site, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get("/")  # what is read once per process (settings, thumbnails)
    _, first = queries_for(client, "/")
    _, second = queries_for(client, "/")
    assert second == first > 12


@pytest.mark.django_db
def test_a_stop_renamed_shows_on_the_tour_page_its_head_and_its_map_at_once(
    client, site, shared_parts
):
    tour = TourPage.objects.get(title="Tuyến 1")
    first, made = queries_for(client, tour.url)
    again, kept = queries_for(client, tour.url)
    assert again == first and kept < made

    village = VillagePage.objects.get(title="Làng 1")
    village.title = "Làng Hồi Na Phiêng"
    village.save_revision().publish()

    html, _ = queries_for(client, tour.url)
    itinerary = html[html.index('id="tour-stops"') :]
    assert "Làng Hồi Na Phiêng" in itinerary, "the itinerary"
    points = re.search(r'<script id="map-points" type="application/json">(.*?)</script>', html)
    assert [point["title"] for point in json.loads(points[1])] == ["Làng Hồi Na Phiêng"], "the map"
    assert '"name": "Làng Hồi Na Phiêng"' in html, "the schema.org itinerary in the head"


@pytest.mark.django_db
def test_a_translation_published_shows_in_the_language_switcher_of_its_page_at_once(
    client, site, shared_parts, locales
):
    village = VillagePage.objects.get(title="Làng 1")
    html, _ = queries_for(client, village.url)
    assert '<link rel="alternate" hreflang="en"' not in html

    translate(village, "en", title="Village 1")

    html, _ = queries_for(client, village.url)
    english = VillagePage.objects.get(locale__language_code="en", title="Village 1")
    assert f'<link rel="alternate" hreflang="en" href="{english.full_url}">' in html
    switcher = html[html.index('class="languages"') :]
    assert f'<a href="{english.url}" hreflang="en"' in switcher, "the language switcher"


@pytest.mark.django_db
def test_each_choice_of_the_tour_filters_is_kept_apart(client, site, shared_parts):
    TourPageFactory(title="Tuyến nửa ngày", length=TourPage.Length.HALF_DAY)
    index = TourPage.objects.get(title="Tuyến 1").get_parent().url
    for _ in range(2):
        everything, _ = queries_for(client, index)
        half_day, _ = queries_for(client, f"{index}?length={TourPage.Length.HALF_DAY}")
        assert "Tuyến 1" in everything and "Tuyến nửa ngày" in everything
        assert "Tuyến nửa ngày" in half_day and "Tuyến 1" not in half_day


@pytest.mark.django_db
def test_seats_booked_show_at_once_on_an_experience_page_made_from_kept_parts(
    client, shared_parts, home
):
    page = ExperiencePageFactory(sessions=[(in_days(5), 6)])
    html, made = queries_for(client, page.url)
    assert '"remainingAttendeeCapacity": 6' in html
    _, kept = queries_for(client, page.url)
    assert kept < made
    stock = page.sessions.get().product.stockrecords.get()

    stock.allocate(2)  # a booking, as an order placed takes its seats

    html, _ = queries_for(client, page.url)
    assert '"remainingAttendeeCapacity": 4' in html, "the schema.org offer"
    assert 'max="4"' in html, "the booking form"
    stock.cancel_allocation(2)  # the guest cancelled
    assert 'max="6"' in queries_for(client, page.url)[0]


@pytest.mark.django_db
def test_a_kept_part_holding_a_form_gives_each_visitor_a_token_of_their_own(shared_parts, home):
    page = ExperiencePageFactory(sessions=[(in_days(5), 6)])
    tokens = []
    for _ in range(3):
        visitor = Client(enforce_csrf_checks=True)
        html = visitor.get(page.url).content.decode()
        (token,) = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
        tokens.append(token)
        session = page.sessions.get()
        booked = visitor.post(
            f"{page.url}buoi/{session.pk}/dat-cho/", {"quantity": 1, "csrfmiddlewaretoken": token}
        )
        assert booked.status_code == 200, "the form is accepted: its token is this visitor's"
    assert len(set(tokens)) == 3
    assert _token_slot().decode() not in tokens
