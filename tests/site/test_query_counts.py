"""List pages cost the same number of queries whatever the number of items they show."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.catalogue.factories import product_for_sale
from tests.pages.factories import ImageFactory
from tests.tours.factories import TourPageFactory
from tests.villages.factories import (
    CraftPageFactory,
    EventPageFactory,
    ShowroomPageFactory,
    VillagePageFactory,
)


def queries_for(client, path):
    client.get(path)  # warm caches that are filled once per process (settings, thumbnails)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def add_items(count):
    for number in range(count):
        VillagePageFactory(title=f"Làng {number}", hero_image=ImageFactory())
        product_for_sale(title=f"Sản phẩm {number}")
        TourPageFactory(title=f"Tuyến {number}", stops=[VillagePageFactory(title=f"Điểm {number}")])


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/catalogue/"])
def test_list_page_queries_do_not_grow_with_items(client, home, path):
    add_items(2)
    few = queries_for(client, path)
    add_items(4)
    many = queries_for(client, path)
    assert many == few, f"{path}: {few} queries with 2 of each, {many} with 6"


@pytest.mark.django_db
def test_village_index_queries_do_not_grow_with_villages(client, home):
    first = VillagePageFactory(hero_image=ImageFactory())
    index = first.get_parent().url
    few = queries_for(client, index)
    for number in range(5):
        VillagePageFactory(title=f"Làng thêm {number}", hero_image=ImageFactory())
    assert queries_for(client, index) == few


@pytest.mark.django_db
def test_tour_page_queries_do_not_grow_with_stops(client, home):
    short = TourPageFactory(stops=[VillagePageFactory() for _ in range(1)])
    long = TourPageFactory(stops=[VillagePageFactory() for _ in range(6)])
    assert queries_for(client, long.url) == queries_for(client, short.url)


def grows(client, make):
    """Queries for the index of the first item made, with one item and then with six."""
    first = make(0)
    index = first.get_parent().url
    few = queries_for(client, index)
    for number in range(1, 6):
        make(number)
    return few, queries_for(client, index)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda n: TourPageFactory(title=f"Tuyến {n}", hero_image=ImageFactory()),
        lambda n: EventPageFactory(title=f"Lễ hội {n}", hero_image=ImageFactory()),
        lambda n: ShowroomPageFactory(title=f"Điểm bán {n}", hero_image=ImageFactory()),
        lambda n: CraftPageFactory(title=f"Nghề {n}", hero_image=ImageFactory()),
    ],
    ids=["tour index", "event index", "showroom index", "craft index"],
)
def test_section_index_queries_do_not_grow_with_items(client, home, make):
    few, many = grows(client, make)
    assert many == few, f"{few} queries with 1 item, {many} with 6"


@pytest.mark.django_db
def test_the_home_page_reads_the_private_sections_once(client, home):
    """Five lists of pages, each public only: one read of the private sections serves them all."""
    add_items(2)
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    sql = [query["sql"] for query in captured]
    restrictions = sum('FROM "wagtailcore_pageviewrestriction"' in each for each in sql)
    assert restrictions == 2, "Wagtail's check of the page served, then one read for every list"
