"""The home page shows the workshops a visitor can still book, the soonest first."""

import pytest

from tests.pages.factories import translate
from tests.tours.factories import ExperienceIndexPageFactory, ExperiencePageFactory, in_days

pytestmark = pytest.mark.django_db


def workshops_section(html):
    start = html.index('id="home-workshops"')
    return html[start : html.index("</section>", start)]


def test_the_home_page_lists_coming_workshops_soonest_first_and_links_to_all(client, home):
    index = ExperienceIndexPageFactory(title="Trải nghiệm", slug="trai-nghiem")
    ExperiencePageFactory(title="Dệt chàm", parent=index, sessions=[(in_days(9), 8)])
    ExperiencePageFactory(title="Se hương", parent=index, sessions=[(in_days(2), 8)])
    ExperiencePageFactory(title="Đã qua", parent=index, sessions=[(in_days(-3), 8)])

    section = workshops_section(client.get("/").content.decode())

    assert section.index("Se hương") < section.index("Dệt chàm"), "the soonest first"
    assert "Đã qua" not in section, "a workshop with no session to come is not offered"
    assert 'href="/trai-nghiem/"' in section


def test_the_english_home_page_shows_the_english_workshop(client, home):
    workshop = ExperiencePageFactory(title="Se hương", sessions=[(in_days(2), 8)])
    translate(workshop, "en", title="Incense rolling")
    english_home = translate(home, "en", title="Home")

    section = workshops_section(client.get(english_home.url).content.decode())

    assert ">Incense rolling</a>" in section and ">Se hương</a>" not in section


def test_the_home_page_queries_do_not_grow_with_workshops(
    client, home, django_assert_max_num_queries
):
    ExperiencePageFactory(sessions=[(in_days(2), 8)])
    client.get("/")
    with django_assert_max_num_queries(60) as few:
        client.get("/")
    for days in range(3, 9):
        ExperiencePageFactory(sessions=[(in_days(days), 8), (in_days(days + 1), 8)])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/")
