"""What a tourist finds from a village, and what editors publish around it."""

import datetime
import json
import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.catalogue.factories import product_for_sale
from tests.pages.factories import ImageFactory, translate
from tests.tours.factories import TourPageFactory
from tests.villages.factories import (
    CraftPageFactory,
    CraftspersonPageFactory,
    EventPageFactory,
    GeoparkSitePageFactory,
    MapPageFactory,
    ShowroomPageFactory,
    VillagePageFactory,
)
from villages.models import EventPage

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html):
    return json.loads(JSON_LD.search(html).group(1))


@pytest.mark.django_db
def test_village_page_finds_its_people_tours_geopark_sites_and_festivals(client, home):
    village = VillagePageFactory(title="Làng ngói Long Hưng")
    person = CraftspersonPageFactory(title="Thợ giỏi Nông Văn Minh", parent=village)
    tour = TourPageFactory(title="Một ngày Bắc Sơn", stops=[village])
    near = GeoparkSitePageFactory(
        title="Hang gần", latitude=village.latitude, longitude=village.longitude + Decimal("0.01")
    )
    GeoparkSitePageFactory(
        title="Hang rất xa", latitude=village.latitude + 2, longitude=village.longitude
    )
    festival = EventPageFactory(title="Lễ hội Lồng Tồng", village=village)
    tiles = product_for_sale(title="Ngói âm dương (bộ 10 viên)", village=village)
    html = client.get(village.url).content.decode()
    for page in (person, tour, near, festival):
        assert f'href="{page.url}"' in html, page.title
    assert "Ngói âm dương (bộ 10 viên)" in html and tiles.get_absolute_url() in html
    assert "Hang rất xa" not in html
    assert "1 km" in html


@pytest.mark.django_db
def test_village_page_lists_its_crafts_in_the_visitors_language(client, home):
    craft = CraftPageFactory(title="Làm hương")
    village = VillagePageFactory(title="Làng hương", crafts=[craft])
    english_craft = translate(craft, "en", title="Incense making")
    english_village = translate(village, "en", title="Incense village")
    html = client.get(english_village.url).content.decode()
    assert ">Incense making</a>" in html
    assert english_craft.url in html
    craft_html = client.get(craft.url).content.decode()
    assert f'href="{village.url}"' in craft_html, (
        "the craft page lists the villages that practise it"
    )


@pytest.mark.django_db
def test_lunar_festival_gets_its_solar_date_for_the_coming_year():
    tet_festival = EventPage(
        recurrence=EventPage.Recurrence.LUNAR_YEARLY, lunar_month=1, lunar_day=1, duration_days=3
    )
    assert tet_festival.next_dates(today=datetime.date(2026, 11, 30)) == (
        datetime.date(2027, 2, 6),
        datetime.date(2027, 2, 8),
    )
    # Still on during its days, then next year's.
    assert tet_festival.next_dates(today=datetime.date(2027, 2, 7))[0] == datetime.date(2027, 2, 6)
    assert tet_festival.next_dates(today=datetime.date(2027, 2, 9))[0] == datetime.date(2028, 1, 26)


@pytest.mark.django_db
def test_one_off_event_disappears_once_over():
    fair = EventPage(recurrence=EventPage.Recurrence.ONCE, start_date=datetime.date(2026, 12, 5))
    assert fair.next_dates(today=datetime.date(2026, 12, 5)) == (datetime.date(2026, 12, 5),) * 2
    assert fair.next_dates(today=datetime.date(2026, 12, 6)) is None


@pytest.mark.django_db
def test_event_calendar_lists_coming_events_soonest_first(client, home):
    later = EventPageFactory(title="Hội đền Bắc Lệ", lunar_month=9, lunar_day=18)
    sooner = EventPageFactory(title="Chợ hương đón Tết", lunar_month=12, lunar_day=20)
    EventPageFactory(
        title="Hội chợ đã qua",
        recurrence=EventPage.Recurrence.ONCE,
        start_date=datetime.date(2020, 1, 1),
        lunar_month=None,
        lunar_day=None,
    )
    html = client.get(later.get_parent().url).content.decode()
    assert html.index(sooner.title) < html.index(later.title)
    assert "Hội chợ đã qua" not in html


@pytest.mark.django_db
def test_map_lists_every_layer_without_javascript_and_filters_by_layer(client, home):
    map_page = MapPageFactory()
    village = VillagePageFactory(title="Làng hương")
    site = GeoparkSitePageFactory(title="Hang Thẩm Khuyên")
    showroom = ShowroomPageFactory(title="Chợ Đông Kinh")
    festival = EventPageFactory(title="Lễ hội Lồng Tồng")
    html = client.get(map_page.url).content.decode()
    for page in (village, site, showroom, festival):
        assert f'href="{page.url}"' in html
    points = json.loads(
        re.search(r'id="map-points" type="application/json">(.*?)</script>', html).group(1)
    )
    assert {point["layer"] for point in points} == {"villages", "geopark", "showrooms", "events"}
    only_geopark = client.get(map_page.url, {"layer": "geopark"}).content.decode()
    assert f'href="{site.url}"' in only_geopark
    assert f'href="{village.url}"' not in only_geopark.split('class="map-list"')[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "schema_type"),
    [
        (VillagePageFactory, "TouristAttraction"),
        (GeoparkSitePageFactory, "TouristAttraction"),
        (EventPageFactory, "Event"),
        (CraftspersonPageFactory, "Person"),
        (ShowroomPageFactory, "Store"),
    ],
)
def test_pages_describe_themselves_in_json_ld(client, home, factory, schema_type):
    page = factory()
    data = json_ld(client.get(page.url).content.decode())
    assert data["@type"] == schema_type
    assert data["name"] == page.title
    if schema_type == "Event":
        assert data["startDate"].endswith("+07:00")
        assert data["location"]["@type"] == "Place"
    if schema_type == "TouristAttraction":
        assert data["geo"]["latitude"] == float(page.latitude)


@pytest.mark.django_db
def test_json_ld_cannot_be_broken_out_of_by_a_title(client, home):
    village = VillagePageFactory(title='Làng </script><script>alert("x")</script>')
    html = client.get(village.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert json_ld(html)["name"] == village.title


@pytest.mark.django_db
def test_translated_page_links_its_other_languages_and_is_in_the_sitemap(client, home):
    village = VillagePageFactory(title="Làng hương", slug="lang-huong")
    english = translate(village, "en", title="Incense village")
    html = client.get(village.url).content.decode()
    assert (
        '<link rel="canonical" href="http://localhost/lang-nghe-0/lang-huong/">' in html
        or 'rel="canonical"' in html
    )
    assert 'hreflang="en" href="' in html and "/en/" in html
    sitemap = client.get("/sitemap.xml").content.decode()
    english.refresh_from_db()
    assert f"{english.url}</loc>" in sitemap
    assert f"{village.url}</loc>" in sitemap


@pytest.mark.django_db
def test_a_village_picture_is_described_in_the_language_of_the_page(client, home):
    """Editors describe pictures in Vietnamese; the English and Chinese pages describe the hero
    picture and the village's card by the title a translator wrote."""
    village = VillagePageFactory(title="Làng hương", hero_image=ImageFactory())
    english = translate(village, "en", title="Incense village")
    described = re.compile(r'<img [^>]*alt="([^"]*)"')
    assert "Một bó hương phơi nắng" in described.findall(client.get(village.url).content.decode())
    english_alts = described.findall(client.get(english.url).content.decode())
    assert "Incense village" in english_alts
    assert "Một bó hương phơi nắng" not in english_alts
    index = english.get_parent().specific
    assert "Incense village" in described.findall(client.get(index.url).content.decode())


@pytest.mark.django_db
def test_api_exposes_villages_with_their_fields(client, home):
    VillagePageFactory(title="Làng hương", commune="xã Tràng Định")
    response = client.get(
        "/api/v2/pages/", {"type": "villages.VillagePage", "fields": "commune,latitude,longitude"}
    )
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["title"] == "Làng hương"
    assert item["commune"] == "xã Tràng Định"
    assert item["latitude"] == "22.285600"


@pytest.mark.django_db
def test_village_page_queries_do_not_grow_with_what_is_linked_to_it(client, home):
    def queries(village):
        client.get(village.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(village.url)
        return len(captured)

    def linked_village(count):
        village = VillagePageFactory(crafts=[CraftPageFactory() for _ in range(count)])
        for number in range(count):
            product_for_sale(title=f"Sản phẩm {village.pk}-{number}", village=village)
            CraftspersonPageFactory(parent=village)
            TourPageFactory(stops=[village])
            EventPageFactory(village=village)
        return village

    assert queries(linked_village(5)) == queries(linked_village(1))


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v2/images/"])
def test_the_api_answers_a_huge_offset_with_a_clear_400(client, home, endpoint):
    response = client.get(endpoint, {"offset": "9" * 30})

    assert response.status_code == 400
    assert "offset" in response.json()["message"]
    assert client.get(endpoint, {"offset": "100000"}).status_code == 200
