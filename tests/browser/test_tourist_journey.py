"""A tourist, in English: home → map → a village → a tour through it → its printable itinerary."""

import re
from io import StringIO

from django.core.management import call_command

import pytest


@pytest.mark.django_db(transaction=True)
def test_tourist_goes_from_the_map_to_a_printable_itinerary(live_server, page, settings):
    settings.MAP_TILE_URL = ""
    call_command("load_demo", stdout=StringIO())

    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Map").click()
    page.wait_for_url(re.compile(r"/en/ban-do/$"))
    assert page.locator("#map").is_visible(), "Leaflet draws the map from our own static files"
    page.get_by_role("link", name="Nà Phiêng incense village").click()

    page.wait_for_url(re.compile(r"/en/lang-nghe/lang-huong-na-phieng/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Nà Phiêng incense village"
    page.get_by_role("link", name="Half a day in Nà Phiêng incense village").click()

    page.wait_for_url(re.compile(r"/en/tuyen-du-lich/nua-ngay-huong-na-phieng/$"))
    page.get_by_role("link", name="Printable itinerary").click()

    page.wait_for_url(re.compile(r"/in/$"))
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Half a day in Nà Phiêng incense village"
    )
    page.emulate_media(media="print")
    assert page.locator("text=Nà Phiêng incense village").first.is_visible()
    assert not page.locator(".no-print").is_visible(), "the back link is not printed"
