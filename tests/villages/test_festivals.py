"""The festival calendar a tourist plans with: a month of days navigable by plain links, each
festival's page with its village, its Geopark site and an "add to calendar" file."""

import datetime
import re

import pytest

from tests.villages.factories import (
    EventPageFactory,
    GeoparkSitePageFactory,
    VillagePageFactory,
)
from villages.models import EventPage


@pytest.fixture
def fair(home):
    return EventPageFactory(
        title="Hội chợ làng nghề",
        recurrence=EventPage.Recurrence.ONCE,
        start_date=datetime.date(2030, 3, 10),
        end_date=datetime.date(2030, 3, 12),
        lunar_month=None,
        lunar_day=None,
        place="Phường Kỳ Lừa",
    )


@pytest.mark.django_db
def test_month_calendar_shows_a_festival_on_each_of_its_days(client, fair):
    html = client.get(fair.get_parent().url, {"month": "2030-03"}).content.decode()
    days = re.findall(
        r'datetime="(2030-03-\d\d)">\d+</time>(?:(?!</td>).)*month__event', html, re.S
    )
    assert days == ["2030-03-10", "2030-03-11", "2030-03-12"]
    assert 'href="?month=2030-02"' in html and 'href="?month=2030-04"' in html
    assert html.count("<tr>") == 1 + 5, "a header row and March 2030's five weeks (Monday first)"
    april = client.get(fair.get_parent().url, {"month": "2030-04"}).content.decode()
    assert "month__event" not in april


@pytest.mark.django_db
def test_lunar_festival_falls_on_its_solar_date_in_the_month_calendar(client, home):
    festival = EventPageFactory(title="Lễ hội đền Bắc Lệ", lunar_month=9, lunar_day=18)
    # 18/9 of the lunar year 2030 is 14 October 2030.
    html = client.get(festival.get_parent().url, {"month": "2030-10"}).content.decode()
    assert re.search(r'datetime="2030-10-14">14</time>(?:(?!</td>).)*month__event', html, re.S)
    assert re.search(r'datetime="2030-10-14">14</time>\s*<span class="month__lunar"[^>]*>18<', html)


@pytest.mark.django_db
def test_a_month_that_is_not_a_month_shows_this_month(client, fair):
    response = client.get(fair.get_parent().url, {"month": "march"})
    assert response.status_code == 200
    assert "month__grid" in response.content.decode()


@pytest.mark.django_db
def test_every_festival_offers_an_all_day_ics_file(client, fair):
    listing = client.get(fair.get_parent().url).content.decode()
    assert f'href="{fair.url}lich/"' in listing
    page = client.get(fair.url).content.decode()
    assert f'href="{fair.url}lich/"' in page
    response = client.get(fair.url + "lich/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert "DTSTART;VALUE=DATE:20300310\r\n" in text
    assert "DTEND;VALUE=DATE:20300313\r\n" in text, "the day after the last day"
    assert "SUMMARY:Hội chợ làng nghề\r\n" in text
    assert "LOCATION:Phường Kỳ Lừa\r\n" in text


@pytest.mark.django_db
def test_a_festival_that_is_over_has_no_ics(client, home):
    past = EventPageFactory(
        recurrence=EventPage.Recurrence.ONCE,
        start_date=datetime.date(2020, 1, 1),
        lunar_month=None,
        lunar_day=None,
    )
    assert client.get(past.url + "lich/").status_code == 404


@pytest.mark.django_db
def test_festival_page_links_its_village_and_geopark_site(client, home):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    temple = GeoparkSitePageFactory(title="Đền Bắc Lệ")
    festival = EventPageFactory(title="Lễ hội đền Bắc Lệ", village=village, geopark_site=temple)
    html = client.get(festival.url).content.decode()
    assert f'href="{village.url}">Làng hương Nà Phiêng</a>' in html
    assert f'href="{temple.url}">Đền Bắc Lệ</a>' in html
