"""A tourist on a phone, in Vietnamese, English and Chinese: home → map → a village → a tour
through it → its printable itinerary, saved for offline use and read without a signal → a festival
added to the calendar. Each step is read for untranslated interface strings and kept as a
screenshot in test-artifacts/tourist-journey/."""

import re
from pathlib import Path

import pytest

from tests import demo
from tests.browser.visitor import LANGUAGES, PHONE, Reader, prefix, say
from tests.site.untranslated import proper_names


def demo_pages(language):
    from tours.models import TourPage
    from villages.models import EventPage, GeoparkSitePage, MapPage, VillagePage

    def live(model, **lookup):
        return model.objects.live().get(locale__language_code=language, **lookup)

    return {
        "map": live(MapPage),
        "village": live(VillagePage, slug="lang-huong-na-phieng"),
        "tour": live(TourPage, slug="nua-ngay-huong-na-phieng"),
        "festival": live(EventPage, slug="hoi-den-bac-le"),
        "temple": live(GeoparkSitePage, slug="den-bac-le"),
    }


@pytest.mark.django_db(transaction=True)
def test_tourist_goes_from_the_map_to_a_printable_itinerary_in_every_language(
    live_server, new_tab, settings
):
    settings.MAP_TILE_URL = ""
    demo.load()
    reader = Reader("tourist-journey", names=proper_names())

    for language in LANGUAGES:
        pages = demo_pages(language)
        page = new_tab(viewport=PHONE, is_mobile=True, has_touch=True)
        page.goto(f"{live_server.url}{prefix(language)}/")
        reader.read(page, language, "1-home")
        page.get_by_role("navigation", name=say("Main", language)).locator("summary").click()
        page.locator(".main-nav").get_by_role("link", name=pages["map"].title).click()
        page.wait_for_url(re.compile(re.escape(pages["map"].url) + "$"))
        assert page.locator("#map").is_visible(), "Leaflet draws the map from our own files"
        marker = page.locator(".map-marker").first.bounding_box()
        assert round(marker["width"]) >= 44 and round(marker["height"]) >= 44, "a finger can hit it"
        villages = page.locator(".leaflet-marker-icon .map-key--villages")
        shown = villages.count()
        layer = page.get_by_role("checkbox", name=re.compile(say("Craft villages", language)))
        layer.uncheck()
        assert shown and villages.count() == 0, "the layer's checkbox takes its markers off"
        layer.check()
        reader.read(page, language, "2-map")
        page.get_by_role("link", name=pages["village"].title).first.click()

        page.wait_for_url(re.compile(re.escape(pages["village"].url) + "$"))
        assert page.get_by_role("heading", level=1).inner_text() == pages["village"].title
        reader.read(page, language, "3-village")
        page.get_by_role("link", name=pages["tour"].title).first.click()

        page.wait_for_url(re.compile(re.escape(pages["tour"].url) + "$"))
        reader.read(page, language, "4-tour")
        page.get_by_role("link", name=say("Printable itinerary", language)).click()

        page.wait_for_url(re.compile(r"/in/$"))
        title = pages["tour"].title
        assert page.get_by_role("heading", level=1).inner_text() == title
        route_map = page.get_by_role("img", name=say("Route map: %(title)s", language, title=title))
        assert route_map.evaluate("img => img.naturalWidth") > 0
        page.emulate_media(media="print")
        assert page.locator(f"text={pages['village'].title}").first.is_visible()
        assert not page.locator(".no-print").first.is_visible(), "the buttons are not printed"
        page.emulate_media(media="screen")

        # Saved for offline, the itinerary still opens without a signal (from the service worker).
        page.get_by_role("button", name=say("Save for offline", language)).click()
        saved = "Saved on this device: the itinerary, its map and the stops open without a signal."
        page.get_by_role("status").filter(has_text=say(saved, language)).wait_for()
        reader.read(page, language, "5-itinerary")
        page.context.set_offline(True)
        page.reload()
        assert page.get_by_role("heading", level=1).inner_text() == title
        assert route_map.evaluate("img => img.naturalWidth") > 0
        page.context.set_offline(False)

        # A festival, with its Geopark site, into the tourist's calendar.
        page.goto(f"{live_server.url}{pages['festival'].url}")
        temple = page.get_by_role("link", name=pages["temple"].title, exact=True)
        assert temple.first.is_visible()
        reader.read(page, language, "6-festival")
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile(say("Add to calendar", language))).click()
        assert download.value.suggested_filename == "hoi-den-bac-le.ics"
        assert "BEGIN:VEVENT" in Path(download.value.path()).read_text(encoding="utf-8")

    reader.assert_all_translated()
