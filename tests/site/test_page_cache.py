"""Anonymous visitors get public pages from the cache; a change shows on the very next visit."""

import re

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from wagtail.models import PageViewRestriction

from pages.cache import _token_slot
from tests.catalogue.factories import BatchFactory, product_for_sale
from tests.pages.factories import MenuItemFactory, SiteSettingsFactory, translate
from tests.site.test_settings import PRODUCTION, settings_value
from tests.tours.factories import TourPageFactory
from tests.villages.factories import (
    CraftspersonPageFactory,
    VillageIndexPageFactory,
    VillagePageFactory,
)
from villages.models import VillagePage


@pytest.fixture
def page_cache(settings, search_index, reference_index):
    # What a change drops follows Wagtail's reference index (the pages naming the changed one).
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, len(captured)


@pytest.mark.django_db
def test_second_anonymous_visit_of_a_village_runs_no_query(client, home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    first, first_queries = queries_for(client, village.url)
    second, second_queries = queries_for(client, village.url)

    assert first["X-Page-Cache"] == "miss" and first_queries > 0
    assert second["X-Page-Cache"] == "hit"
    assert second_queries == 0
    assert second.content == first.content
    assert "Content-Security-Policy" in second, "headers added outside the cache still come"


@pytest.mark.django_db
def test_publishing_a_village_clears_its_page(client, home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    client.get(village.url)

    village.title = "Làng hương Nà Phiêng mới"
    village.save_revision().publish()

    response = client.get(village.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Làng hương Nà Phiêng mới" in response.content.decode()


@pytest.mark.django_db
def test_a_village_renamed_drops_the_kept_page_of_the_tour_through_it(client, home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    tour = TourPageFactory(title="Một ngày Văn Quan", stops=[village])
    client.get(tour.url)
    assert client.get(tour.url)["X-Page-Cache"] == "hit"

    village.title = "Làng hồi Nà Phiêng"
    village.save_revision().publish()

    again = client.get(tour.url)
    assert again["X-Page-Cache"] == "miss" and "Làng hồi Nà Phiêng" in again.content.decode()


@pytest.mark.django_db
def test_unpublishing_a_village_clears_its_index(client, home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    index = village.get_parent()
    assert "Làng hương Nà Phiêng" in client.get(index.url).content.decode()

    village.unpublish()

    assert "Làng hương Nà Phiêng" not in client.get(index.url).content.decode()


@pytest.mark.django_db
def test_publishing_one_village_leaves_another_cached(client, home, page_cache):
    village = VillagePageFactory()
    other = VillagePageFactory()
    client.get(other.url)

    village.save_revision().publish()

    assert client.get(other.url)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_price_change_shows_on_the_next_anonymous_visit(client, home, page_cache):
    product = product_for_sale(title="Hoa hồi khô", price=125000)
    client.get("/catalogue/")
    assert client.get("/catalogue/")["X-Page-Cache"] == "hit"
    assert "125.000" in Client().get(product.get_absolute_url()).content.decode()
    assert Client().get(product.get_absolute_url())["X-Page-Cache"] == "hit"

    record = product.stockrecords.get()
    record.price = 99000
    record.save()

    listing = client.get("/catalogue/")
    assert listing["X-Page-Cache"] == "miss"
    assert "99.000" in listing.content.decode()
    page = Client().get(product.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "99.000" in page.content.decode()


@pytest.mark.django_db
def test_a_product_change_clears_the_village_page_that_lists_it(client, home, page_cache):
    village = VillagePageFactory()
    product = product_for_sale(title="Hương quế", village=village)
    assert "Hương quế" in client.get(village.url).content.decode()

    product.title = "Hương quế Nà Phiêng"
    product.save()

    assert "Hương quế Nà Phiêng" in client.get(village.url).content.decode()


@pytest.mark.django_db
def test_signed_in_visitors_and_baskets_are_never_served_from_the_cache(
    client, home, page_cache, django_user_model
):
    village = VillagePageFactory()
    client.get(village.url)
    assert client.get(village.url)["X-Page-Cache"] == "hit"

    user = django_user_model.objects.create_user("khach", "khach@example.com", "mat-khau-dai")
    client.force_login(user)
    assert "X-Page-Cache" not in client.get(village.url)

    client.logout()
    client.cookies.clear()
    client.cookies["oscar_open_basket"] = "1:abc"
    assert "X-Page-Cache" not in client.get(village.url)


def csrf_token_in(response):
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    return found.group(1)


@pytest.mark.django_db
def test_a_product_page_is_kept_and_each_visitor_gets_a_token_of_their_own(home, page_cache):
    product = product_for_sale(title="Hoa hồi khô")
    first_visitor = Client(enforce_csrf_checks=True)
    first = first_visitor.get(product.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"

    second_visitor = Client(enforce_csrf_checks=True)
    second = second_visitor.get(product.get_absolute_url())

    assert second["X-Page-Cache"] == "hit"
    token = csrf_token_in(second)
    assert token != csrf_token_in(first), "one visitor's token is never shown to another"
    assert "csrftoken" in second.cookies
    assert int(second["Content-Length"]) == len(second.content)
    added = second_visitor.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": 1, "csrfmiddlewaretoken": token},
    )
    assert added.status_code == 302, "the token given from the cache is accepted"
    assert second_visitor.get(reverse("basket:summary")).context["basket"].num_items == 1


@pytest.mark.django_db
def test_a_visitor_with_a_csrf_cookie_keeps_it_on_a_cached_page(home, page_cache):
    product = product_for_sale()
    Client().get(product.get_absolute_url())
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies["csrftoken"] = "a" * 32

    response = visitor.get(product.get_absolute_url())

    assert response["X-Page-Cache"] == "hit"
    assert response.cookies["csrftoken"].value == "a" * 32


@pytest.mark.django_db
def test_a_page_cached_over_https_never_skips_the_redirect_of_plain_http(
    client, home, page_cache, settings
):
    settings.SECURE_SSL_REDIRECT = True
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    assert client.get(village.url, secure=True)["X-Page-Cache"] == "miss"
    assert client.get(village.url, secure=True)["X-Page-Cache"] == "hit"

    plain = client.get(village.url)

    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


@pytest.mark.django_db
def test_publishing_a_page_clears_its_translations(client, home, page_cache):
    # Translations show what only the source page holds (an experience's sessions, say), so a
    # publish of the Vietnamese page must not leave the English copy stale.
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    english = translate(village, "en", title="Na Phieng incense village")
    assert client.get(english.url)["X-Page-Cache"] == "miss"
    assert client.get(english.url)["X-Page-Cache"] == "hit"

    village.save_revision().publish()

    assert client.get(english.url)["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_kept_product_page_is_dropped_when_its_village_or_its_batches_change(home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    product = product_for_sale(title="Hương quế", village=village)
    url = product.get_absolute_url()
    Client().get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"

    village.title = "Làng hương Nà Phiêng mới"
    village.save_revision().publish()

    page = Client().get(url)
    assert page["X-Page-Cache"] == "miss", "the product page names its village"
    assert "Làng hương Nà Phiêng mới" in page.content.decode()
    assert Client().get(url)["X-Page-Cache"] == "hit"

    BatchFactory(product=product, lot_code="NP-2026-11")

    page = Client().get(url)
    assert page["X-Page-Cache"] == "miss", "the product page lists its latest batches"
    assert "NP-2026-11" in page.content.decode()


@pytest.mark.django_db
def test_a_product_page_stays_kept_through_publishes_of_pages_it_does_not_show(home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    elsewhere = VillagePageFactory(title="Làng hồi Văn Quan")
    product = product_for_sale(title="Hương quế", village=village)
    url = product.get_absolute_url()
    Client().get(url)

    # An editor's day: another village, its craftsperson and a tour elsewhere are published.
    elsewhere.title = "Làng hồi Văn Quan mới"
    elsewhere.save_revision().publish()
    CraftspersonPageFactory(parent=elsewhere, title="Nghệ nhân Hoàng Thị Hoa")
    TourPageFactory(title="Một ngày ở Văn Quan", stops=[elsewhere])
    assert Client().get(url)["X-Page-Cache"] == "hit", "nothing on it changed"

    # What it shows: a tour through its village, a craftsperson of its village.
    TourPageFactory(title="Nửa ngày ở Nà Phiêng", stops=[village])
    page = Client().get(url)
    assert page["X-Page-Cache"] == "miss" and "Nửa ngày ở Nà Phiêng" in page.content.decode()
    CraftspersonPageFactory(parent=village, title="Nghệ nhân Lương Văn Tư")
    page = Client().get(url)
    assert page["X-Page-Cache"] == "miss" and "Nghệ nhân Lương Văn Tư" in page.content.decode()


@pytest.mark.django_db
def test_the_pages_a_publish_drops_are_made_again_before_the_next_visitor(
    client, home, page_cache, settings
):
    settings.PAGE_CACHE_RENDER_AGAIN = True
    index = VillageIndexPageFactory(title="Làng nghề", slug="lang-nghe", parent=home)
    village = VillagePageFactory(title="Làng hương Nà Phiêng", parent=index)
    for path in (village.url, index.url):
        client.get(path)

    village.title = "Làng hương Nà Phiêng mới"
    village.save_revision().publish()

    for path in (village.url, index.url):
        page = client.get(path)
        assert page["X-Page-Cache"] == "hit", f"{path} was made again, after the publish"
        assert "Làng hương Nà Phiêng mới" in page.content.decode()


@pytest.mark.django_db
def test_a_section_renamed_shows_in_the_menu_of_every_kept_page(client, home, page_cache):
    villages = VillageIndexPageFactory(title="Làng nghề", slug="lang-nghe", parent=home)
    MenuItemFactory(settings=SiteSettingsFactory(), page=villages)
    village = VillagePageFactory(title="Làng hương Nà Phiêng", parent=villages)
    product = product_for_sale(title="Hương quế")
    addresses = ["/", village.url, product.get_absolute_url()]
    for path in addresses:
        client.get(path)

    villages.title = "Làng nghề truyền thống"
    villages.save_revision().publish()

    for path in addresses:
        page = client.get(path)
        assert page["X-Page-Cache"] == "miss", path
        assert ">Làng nghề truyền thống</a>" in page.content.decode(), path


@pytest.mark.django_db
def test_a_page_made_private_is_no_longer_served_from_the_cache(client, home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    client.get(village.url)
    assert client.get(village.url)["X-Page-Cache"] == "hit"

    PageViewRestriction.objects.create(
        page=village, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )

    response = client.get(village.url)
    assert "X-Page-Cache" not in response or response["X-Page-Cache"] != "hit"
    assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_a_renamed_page_is_no_longer_served_at_its_old_address(
    client, home, page_cache, django_capture_on_commit_callbacks
):
    village = VillagePageFactory(title="Làng hương Nà Phiêng", slug="lang-huong")
    old_url = village.url
    index_url = village.get_parent().url
    client.get(old_url), client.get(index_url)
    assert client.get(old_url)["X-Page-Cache"] == "hit"

    village.slug = "lang-huong-na-phieng"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail tells of a new slug then
        village.save_revision().publish()

    new_url = VillagePage.objects.get(pk=village.pk).url
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == new_url, "redirected, not the old copy"
    assert f'href="{old_url}"' not in client.get(index_url).content.decode()
    assert client.get(new_url).status_code == 200


@pytest.mark.django_db
def test_a_page_published_drops_the_kept_copies_of_its_own_sub_addresses(client, home, page_cache):
    tour = TourPageFactory(title="Tuyến hồi cũ")
    printable = tour.url + "in/"
    client.get(printable)
    assert client.get(printable)["X-Page-Cache"] == "hit"

    tour.title = "Tuyến hồi mới"
    tour.save_revision().publish()

    again = client.get(printable)
    assert again["X-Page-Cache"] == "miss"
    assert "Tuyến hồi mới" in again.content.decode()


@pytest.mark.django_db
def test_a_moved_page_is_no_longer_served_at_its_old_address(client, home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    old_url = village.url
    index_url = village.get_parent().url
    client.get(old_url), client.get(index_url)
    assert client.get(old_url)["X-Page-Cache"] == "hit"
    other_index = VillageIndexPageFactory(slug="lang-nghe-khac")

    village.move(other_index, pos="last-child")

    new_url = VillagePage.objects.get(pk=village.pk).url
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == new_url, "redirected, not the old copy"
    assert "Làng hương Nà Phiêng" not in client.get(index_url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_request_racing_a_publish_cannot_keep_the_old_page_under_the_new_generation(
    client, home, page_cache, settings, monkeypatch
):
    settings.CONTENT_CHANGES_AFTER_COMMIT = True
    village = VillagePageFactory(title="Làng hương cũ")
    render = VillagePage.get_context

    def publish_while_rendering(page, request, *args, **kwargs):
        # The request has read the old page; the editor's publish commits before it is kept.
        monkeypatch.setattr(VillagePage, "get_context", render)
        fresh = VillagePage.objects.get(pk=page.pk)
        fresh.title = "Làng hương mới"
        fresh.save_revision().publish()
        return render(page, request, *args, **kwargs)

    monkeypatch.setattr(VillagePage, "get_context", publish_while_rendering)
    racing = client.get(village.url)
    assert "Làng hương cũ" in racing.content.decode(), "the racing request rendered the old page"

    after = client.get(village.url)

    assert after["X-Page-Cache"] == "miss"
    assert "Làng hương mới" in after.content.decode()


@pytest.mark.django_db
def test_made_up_query_parameters_are_answered_afresh_and_never_kept(client, home, page_cache):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    client.get(village.url)
    assert client.get(village.url)["X-Page-Cache"] == "hit"

    for number in range(3):
        junk = client.get(f"{village.url}?utm_source=zalo&x={number}")
        assert junk.status_code == 200 and "X-Page-Cache" not in junk

    listing = "/catalogue/?sort=price-low&page=1"
    assert client.get(listing)["X-Page-Cache"] == "miss"
    reordered = client.get("/catalogue/?page=1&sort=price-low")
    assert reordered["X-Page-Cache"] == "hit", "one copy, whatever the order of its parameters"


@pytest.mark.django_db
def test_a_kept_copy_hands_out_tokens_only_in_the_token_field(home, page_cache, settings):
    slot = _token_slot().decode()
    product = product_for_sale(title="Hương quế", description=f"Mã {slot} in trên hộp.")
    Client().get(product.get_absolute_url())

    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(product.get_absolute_url())

    assert page["X-Page-Cache"] == "hit"
    token = csrf_token_in(page)
    assert token != slot
    assert page.content.decode().count(token) == 1, "the description is shown as written"


def test_production_refuses_a_page_cache_in_one_process_memory():
    result = settings_value(
        "settings.PAGE_CACHE_SECONDS",
        **{**PRODUCTION, "CACHE_URL": ""},
        SECRET_KEY="x" * 50,
        PAGE_CACHE_SECONDS="600",
        FRAGMENT_CACHE_SECONDS="0",
    )

    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr

    fragments_only = settings_value(
        "settings.FRAGMENT_CACHE_SECONDS",
        **{**PRODUCTION, "CACHE_URL": ""},
        SECRET_KEY="x" * 50,
        PAGE_CACHE_SECONDS="0",
        FRAGMENT_CACHE_SECONDS="600",
    )
    assert fragments_only.returncode != 0, "a menu dropped in one process stays in the others"
    assert "CACHE_URL" in fragments_only.stderr
