"""Dates read as each language writes them: never 12/04/2026 to a visitor from Lyon or Nanning."""

import datetime

from django.utils import translation
from django.utils.formats import date_format

import pytest

from tests.pages.factories import translate
from tests.tours.factories import ExperiencePageFactory, in_days

FRIDAY = datetime.datetime(2026, 12, 4, 14, 0)


@pytest.mark.parametrize(
    ("language", "long", "short", "with_time"),
    [
        ("vi", "4 tháng 12 năm 2026", "04/12/2026", "04/12/2026 14:00"),
        ("en", "4 December 2026", "4 Dec 2026", "4 Dec 2026, 14:00"),
        ("zh-hans", "2026年12月4日", "2026年12月4日", "2026年12月4日 14:00"),
    ],
)
def test_each_language_writes_a_date_its_own_way(language, long, short, with_time):
    with translation.override(language):
        assert date_format(FRIDAY, "DATE_FORMAT") == long
        assert date_format(FRIDAY, "SHORT_DATE_FORMAT") == short
        assert date_format(FRIDAY, "SHORT_DATETIME_FORMAT") == with_time


@pytest.mark.django_db
def test_a_workshops_next_session_reads_in_chinese_on_the_chinese_home_page(client, home):
    workshop = ExperiencePageFactory(
        title="Se hương", sessions=[(in_days(3, hour=14, minute=0), 8)]
    )
    translate(workshop, "zh-hans", title="搓香")
    chinese_home = translate(home, "zh-hans", title="首页")
    start = in_days(3, hour=14, minute=0)

    html = client.get(chinese_home.url).content.decode()

    assert f"{start.year}年{start.month}月{start.day}日 14:00" in html
