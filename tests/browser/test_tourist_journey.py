"""A tourist, in English: home → map → a village → a tour through it → its printable itinerary,
saved for offline use and read without a signal → a festival added to the calendar."""

import re
from io import StringIO
from pathlib import Path

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
    marker = page.locator(".map-marker").first.bounding_box()
    assert marker["width"] >= 44 and marker["height"] >= 44, "a marker a finger can hit"
    villages = page.locator(".leaflet-marker-icon .map-key--villages")
    shown = villages.count()
    page.get_by_role("checkbox", name=re.compile("Craft villages")).uncheck()
    assert shown and villages.count() == 0, "the layer's checkbox takes its markers off the map"
    page.get_by_role("checkbox", name=re.compile("Craft villages")).check()
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
    assert (
        page.get_by_role("img", name=re.compile("Route map")).evaluate("img => img.naturalWidth")
        > 0
    )
    page.emulate_media(media="print")
    assert page.locator("text=Nà Phiêng incense village").first.is_visible()
    assert not page.locator(".no-print").first.is_visible(), "the buttons are not printed"
    page.emulate_media(media="screen")

    # Saved for offline, the itinerary still opens without a signal (from the service worker).
    page.get_by_role("button", name="Save for offline").click()
    page.get_by_role("status").filter(has_text="Saved on this device").wait_for()
    page.context.set_offline(True)
    page.reload()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Half a day in Nà Phiêng incense village"
    )
    assert (
        page.get_by_role("img", name=re.compile("Route map")).evaluate("img => img.naturalWidth")
        > 0
    )
    page.context.set_offline(False)

    # A festival, with its Geopark site, into the tourist's calendar.
    page.goto(f"{live_server.url}/en/le-hoi-su-kien/hoi-den-bac-le/")
    assert page.get_by_role("link", name="Bắc Lệ temple", exact=True).is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Add to calendar")).click()
    assert download.value.suggested_filename == "hoi-den-bac-le.ics"
    assert "BEGIN:VEVENT" in Path(download.value.path()).read_text(encoding="utf-8")
