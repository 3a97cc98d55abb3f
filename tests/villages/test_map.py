"""The map a finger can use: layers ticked on and off with checkboxes that also work without
the script, a legend, and popups with a picture, a line and a link."""

import json
import re

import pytest

from tests.pages.factories import ImageFactory
from tests.villages.factories import (
    GeoparkSitePageFactory,
    MapPageFactory,
    ShowroomPageFactory,
    VillagePageFactory,
)


def points_of(html):
    return json.loads(
        re.search(r'id="map-points" type="application/json">(.*?)</script>', html).group(1)
    )


@pytest.mark.django_db
def test_layers_are_checkboxes_with_a_legend_key_each(client, home):
    map_page = MapPageFactory()
    village = VillagePageFactory(title="Làng hương")
    site = GeoparkSitePageFactory(title="Hang Thẩm Khuyên")
    showroom = ShowroomPageFactory(title="Chợ Đông Kinh")
    html = client.get(map_page.url).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="layer" value="(\w+)"( checked)?>', html)
    assert boxes == [(key, " checked") for key in ("villages", "geopark", "showrooms", "events")]
    for key in ("villages", "geopark", "showrooms", "events"):
        assert f"map-key map-key--{key}" in html
    two = client.get(map_page.url + "?layer=geopark&layer=showrooms").content.decode()
    assert '<input type="checkbox" name="layer" value="villages">' in two
    listed = two.split('class="map-list"')[1]
    assert f'href="{site.url}"' in listed and f'href="{showroom.url}"' in listed
    assert f'href="{village.url}"' not in listed


@pytest.mark.django_db
def test_popup_has_a_picture_a_line_and_a_link(client, home):
    map_page = MapPageFactory()
    village = VillagePageFactory(title="Làng hương", hero_image=ImageFactory())
    bare = GeoparkSitePageFactory(title="Hang Thẩm Khuyên", introduction="Hang đá vôi.")
    points = {
        point["title"]: point for point in points_of(client.get(map_page.url).content.decode())
    }
    assert points[village.title]["url"] == village.url
    assert points[village.title]["image"].startswith("/")
    assert points[bare.title]["image"] == ""
    assert points[bare.title]["text"]
