"""A tour on the road: its legs and totals, its map, its printable itinerary and its GPX file."""

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from tests.tours.factories import TourIndexPageFactory, TourPageFactory
from tests.villages.factories import GeoparkSitePageFactory, VillagePageFactory
from tours.models import TourStop

GPX = "{http://www.topografix.com/GPX/1/1}"


@pytest.fixture
def bac_son_day(home):
    village = VillagePageFactory(
        title="Làng ngói Long Hưng", latitude=Decimal("21.899600"), longitude=Decimal("106.321800")
    )
    cave = GeoparkSitePageFactory(
        title="Hang Thẩm Khuyên", latitude=Decimal("21.941000"), longitude=Decimal("106.388000")
    )
    tour = TourPageFactory(
        title="Một ngày Bắc Sơn",
        stops=[village, cave],
        themes=["craft", "geology"],
        seasons=["autumn"],
    )
    second = tour.stops.get(sort_order=1)
    second.travel_minutes = 20
    second.save()
    return tour, village, cave


@pytest.mark.django_db
def test_leg_distance_is_computed_from_positions_when_not_given(client, bac_son_day):
    tour, _village, _cave = bac_son_day
    html = client.get(tour.url).content.decode()
    assert "8.2 km" in html or "8,2 km" in html  # straight line Long Hưng → Thẩm Khuyên
    assert "about 8.2 km" in html or "8,2" in html


@pytest.mark.django_db
def test_given_leg_distance_wins_over_the_straight_line(client, bac_son_day):
    tour, _village, _cave = bac_son_day
    TourStop.objects.filter(tour=tour, sort_order=1).update(travel_km=Decimal("12.5"))
    tour.refresh_from_db()
    assert tour.total_km == 12.5
    assert tour.total_minutes == 90 + 90 + 20


@pytest.mark.django_db
def test_route_is_drawn_through_the_stops_in_order(client, bac_son_day):
    tour, village, cave = bac_son_day
    html = client.get(tour.url).content.decode()
    points = json.loads(
        re.search(r'id="map-points" type="application/json">(.*?)</script>', html).group(1)
    )
    assert [point["title"] for point in points] == [village.title, cave.title]
    assert 'data-route="true"' in html


@pytest.mark.django_db
def test_gpx_holds_the_stops_as_waypoints_and_a_route(client, bac_son_day):
    tour, village, cave = bac_son_day
    response = client.get(tour.url + "gpx/")
    assert response["Content-Type"].startswith("application/gpx+xml")
    assert "attachment" in response["Content-Disposition"]
    root = ET.fromstring(response.content)
    waypoints = root.findall(f"{GPX}wpt")
    assert [float(point.get("lat")) for point in waypoints] == [21.8996, 21.941]
    assert waypoints[0].find(f"{GPX}name").text == f"1. {village.title}"
    assert len(root.find(f"{GPX}rte").findall(f"{GPX}rtept")) == 2


@pytest.mark.django_db
def test_printable_itinerary_uses_the_a4_stylesheet_and_links_each_stop(client, bac_son_day):
    tour, village, cave = bac_son_day
    html = client.get(tour.url + "in/").content.decode()
    assert "themes/css/print.css" in html
    assert 'class="site-header"' not in html
    assert f'href="{village.url}"' in html and f'href="{cave.url}"' in html


@pytest.mark.django_db
def test_a_free_point_without_a_page_is_a_stop_too(client, home):
    tour = TourPageFactory(title="Dạo phố")
    TourStop.objects.create(
        tour=tour,
        name="Chợ Kỳ Lừa",
        latitude=Decimal("21.8550"),
        longitude=Decimal("106.7620"),
        minutes=45,
        sort_order=5,
    )
    html = client.get(tour.url).content.decode()
    assert "Chợ Kỳ Lừa" in html


@pytest.mark.django_db
def test_tour_listing_filters_by_length_theme_season_and_start(client, home):
    index = TourIndexPageFactory()
    craft_day = TourPageFactory(
        parent=index, title="Ngày làng nghề", length="one_day", themes=["craft"], seasons=["spring"]
    )
    cave_trip = TourPageFactory(
        parent=index,
        title="Hai ngày hang động",
        length="several_days",
        themes=["geology"],
        seasons=["autumn"],
        starting_point="Bắc Sơn",
    )

    def titles(**query):
        html = client.get(index.url, query).content.decode()
        return {tour.title for tour in (craft_day, cave_trip) if tour.title in html}

    assert titles() == {craft_day.title, cave_trip.title}
    assert titles(length="one_day", theme="craft") == {craft_day.title}
    assert titles(season="autumn") == {cave_trip.title}
    assert titles(start="Bắc Sơn") == {cave_trip.title}
    assert titles(theme="food") == set()


@pytest.mark.django_db
def test_geopark_site_lists_the_tours_that_stop_there(client, bac_son_day):
    tour, _village, cave = bac_son_day
    assert f'href="{tour.url}"' in client.get(cave.url).content.decode()
