"""A tour on /zh-hans/ writes its stops as the glossary does and its offline button in Chinese."""

import json
import re

import pytest
from wagtail.models import Locale

from pages.models import PlaceName
from tests.pages.factories import translate
from tests.tours.factories import TourPageFactory
from tests.villages.factories import VillagePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_tour(home):
    """A tour in Chinese through two villages no editor has translated, one in the glossary."""
    tiles = VillagePageFactory(title="Làng ngói Long Hưng", slug="long-hung")
    anise = VillagePageFactory(title="Làng hồi Khánh Khê", slug="khanh-khe")
    PlaceName.objects.create(
        name="Làng ngói Long Hưng",
        kind="village",
        name_en="Long Hưng tiles",
        name_zh_hans="隆兴瓦村",
    )
    tour = TourPageFactory(title="Một ngày Bắc Sơn", stops=[tiles, anise])
    return translate(tour, "zh-hans", title="北山一日")


def test_stops_are_named_as_the_glossary_names_them(client, chinese_tour):
    html = client.get(chinese_tour.url).content.decode()
    names = re.findall(r'class="stops__name"[^>]*>([^<]+)<', html)
    assert names == ["隆兴瓦村", "Làng hồi Khánh Khê"]
    assert 'lang="vi">Làng hồi Khánh Khê</a>' in html, "the untranslated name is marked Vietnamese"
    assert ">隆兴瓦村</a>" in html and 'lang="vi">隆兴瓦村' not in html
    points = json.loads(re.search(r'id="map-points"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert [point["title"] for point in points] == ["隆兴瓦村", "Làng hồi Khánh Khê"]
    assert '"name": "隆兴瓦村"' in html, "the structured data agrees"


def test_printable_itinerary_gpx_and_route_map_use_the_glossary(client, chinese_tour):
    printable = client.get(chinese_tour.url + "in/").content.decode()
    assert "隆兴瓦村" in printable and "Làng ngói Long Hưng" not in printable
    gpx = client.get(chinese_tour.url + "gpx/").content.decode()
    assert "<name>1. 隆兴瓦村</name>" in gpx
    route_map = client.get(chinese_tour.url + "ban-do/").content.decode()
    assert "隆兴瓦村" in route_map
    assert "虚线" in route_map and "crow" not in route_map, "the map's legend reads in Chinese"


def test_vietnamese_tour_keeps_the_vietnamese_names(client, chinese_tour):
    vietnamese = chinese_tour.get_translation(Locale.get_default())
    html = client.get(vietnamese.url).content.decode()
    assert re.findall(r'class="stops__name"[^>]*>([^<]+)<', html) == [
        "Làng ngói Long Hưng",
        "Làng hồi Khánh Khê",
    ]
    assert 'lang="vi"' not in html.split('class="stops"', 1)[1].split("</ol>", 1)[0]


def test_save_for_offline_speaks_chinese_without_script_strings(client, chinese_tour):
    html = client.get(chinese_tour.url).content.decode()
    box = re.search(r'<div class="offline-save"(.*?)</div>', html, re.S).group(0)
    assert ">保存以便离线查看</button>" in box
    assert 'data-saving="正在保存…"' in box
    assert 'data-saved="已保存到本设备' in box
    assert 'data-failed="保存失败' in box
    script = client.get("/static/themes/js/trip.js").getvalue().decode()
    assert not re.search(r"textContent\s*=\s*[\"']", script), (
        "the script writes no words of its own"
    )
