import pytest

from tests.pages.factories import translate
from tests.tours.factories import TourPageFactory
from tests.villages.factories import GeoparkSitePageFactory, VillagePageFactory


@pytest.mark.django_db
def test_tour_lists_its_stops_in_order_with_links(client, home):
    village = VillagePageFactory(title="Làng ngói Long Hưng")
    cave = GeoparkSitePageFactory(title="Hang Thẩm Khuyên")
    tour = TourPageFactory(title="Một ngày Bắc Sơn", stops=[village, cave])
    html = client.get(tour.url).content.decode()
    assert html.index(f'href="{village.url}"') < html.index(f'href="{cave.url}"')


@pytest.mark.django_db
def test_translated_tour_links_to_translated_stops(client, home):
    village = VillagePageFactory(title="Làng ngói Long Hưng", slug="long-hung")
    tour = TourPageFactory(title="Một ngày Bắc Sơn", stops=[village])
    english_village = translate(village, "en", title="Long Hưng tile village")
    english_tour = translate(tour, "en", title="A day in Bắc Sơn")
    response = client.get(english_tour.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{english_village.url}">Long Hưng tile village</a>' in html
