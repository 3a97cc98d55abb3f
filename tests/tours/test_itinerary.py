"""What a visitor takes on the road: no price for a tour that cannot be booked, the printable
itinerary with its route map, each stop's address, hours and contact, and honest distances."""

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from tests.pages.factories import translate
from tests.tours.factories import TourPageFactory
from tests.villages.factories import GeoparkSitePageFactory, VillagePageFactory
from tours.models import TourStop

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def bac_son_day(home):
    village = VillagePageFactory(
        title="Làng ngói Long Hưng",
        latitude=Decimal("21.899600"),
        longitude=Decimal("106.321800"),
        commune="xã Bắc Sơn",
        opening_hours="7:00–17:00 hằng ngày",
        contact_name="Chị Hoàng Thị Lan",
        contact_phone="0912 345 678",
    )
    cave = GeoparkSitePageFactory(
        title="Hang Thẩm Khuyên", latitude=Decimal("21.941000"), longitude=Decimal("106.388000")
    )
    tour = TourPageFactory(title="Một ngày Bắc Sơn", stops=[village, cave], price_from=650000)
    return tour, village, cave


@pytest.mark.django_db
def test_a_tour_that_cannot_be_booked_shows_no_price(client, bac_son_day):
    tour, _village, _cave = bac_son_day
    for url in (tour.url, tour.url + "in/", tour.get_parent().url):
        html = client.get(url).content.decode()
        assert "650.000" not in html and "₫" not in html, url


@pytest.mark.django_db
def test_search_shows_no_price_for_a_tour_that_cannot_be_booked(bac_son_day):
    from search.registry import items_of

    tour, _village, _cave = bac_son_day
    _kind, items = items_of("tours.TourPage", tour.pk)
    assert items and all(item.price is None for item in items)


@pytest.mark.django_db
def test_itinerary_gives_each_stop_its_address_hours_contact_and_time(client, bac_son_day):
    tour, _village, _cave = bac_son_day
    html = client.get(tour.url + "in/").content.decode()
    assert "xã Bắc Sơn" in html
    assert "7:00–17:00 hằng ngày" in html
    assert 'href="tel:0912345678"' in html and "Chị Hoàng Thị Lan" in html
    assert html.count("stops__time") == 2
    assert "data-print" in html, "a print button (shown by the script)"
    assert f'src="{tour.url}ban-do/"' in html, "the route map is on the itinerary"


@pytest.mark.django_db
def test_computed_distances_say_as_the_crow_flies_and_entered_ones_by_road(client, bac_son_day):
    tour, _village, _cave = bac_son_day
    english = translate(tour, "en", title="A day in Bắc Sơn")
    html = client.get(english.url + "in/").content.decode()
    assert re.search(r'class="stops__crow">8.2 km as the crow flies<', html)
    assert "about 8.2 km as the crow flies" in html
    TourStop.objects.filter(tour__translation_key=tour.translation_key, sort_order=1).update(
        travel_km=Decimal("12.5")
    )
    html = client.get(english.url + "in/").content.decode()
    assert "stops__crow" not in html and "partly as the crow flies" not in html
    assert "12.5 km by road" in html
    assert "about 12.5 km by road" in html


@pytest.mark.django_db
def test_route_map_is_an_svg_drawn_here_with_a_numbered_circle_per_stop(client, bac_son_day):
    tour, village, cave = bac_son_day
    response = client.get(tour.url + "ban-do/")
    assert response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert len(root.findall(f"{SVG}circle")) == 2
    assert len(root.findall(f"{SVG}line")) == 1
    labels = [text.text for text in root.findall(f"{SVG}text")]
    assert village.title in labels and cave.title in labels
    assert "http" not in response.content.decode().replace("http://www.w3.org/2000/svg", "")
    # The computed leg is drawn dashed: it is not the road.
    assert root.find(f"{SVG}line").get("stroke-dasharray")


@pytest.mark.django_db
def test_tour_page_offers_to_save_its_itinerary_map_and_stops_for_offline(client, bac_son_day):
    tour, village, cave = bac_son_day
    html = client.get(tour.url).content.decode()
    urls = json.loads(
        re.search(r'data-offline-urls="([^"]*)"', html).group(1).replace("&quot;", '"')
    )
    assert {tour.url, tour.url + "in/", tour.url + "ban-do/", village.url, cave.url} <= set(urls)
    assert all(url.startswith("/") for url in urls), "nothing from outside the site"


@pytest.mark.django_db
def test_service_worker_is_served_from_the_root_with_its_headers(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert '"/tickets/"' in body and '"/en/checkout/thank-you/"' in body
    assert "/static/themes/css/print.css" in body
    assert "http" not in body
