import pytest
from wagtail.test.utils import WagtailPageTestCase

from pages.models import HomePage
from tests.pages.factories import translate
from tests.villages.factories import GeoparkSitePageFactory, VillagePageFactory
from villages.models import (
    CraftspersonPage,
    GeoparkIndexPage,
    GeoparkSitePage,
    VillageIndexPage,
    VillagePage,
)


class VillageTreeTests(WagtailPageTestCase):
    def test_villages_only_under_the_village_index(self):
        self.assertCanCreateAt(VillageIndexPage, VillagePage)
        self.assertCanNotCreateAt(HomePage, VillagePage)
        self.assertAllowedSubpageTypes(VillagePage, {CraftspersonPage})

    def test_geopark_sites_only_under_the_geopark_overview(self):
        self.assertCanCreateAt(GeoparkIndexPage, GeoparkSitePage)
        self.assertCanNotCreateAt(VillageIndexPage, GeoparkSitePage)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en", "zh-hans"])
def test_village_page_renders_in_each_language(client, home, language):
    village = VillagePageFactory(title="Làng hương Nà Phiêng", commune="xã Tràng Định")
    if language != "vi":
        village = translate(village, language, title=f"Nà Phiêng ({language})")
    response = client.get(village.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert village.title in html
    assert "xã Tràng Định" in html


@pytest.mark.django_db
def test_village_index_lists_only_live_villages(client, home):
    live = VillagePageFactory(title="Làng ngói Long Hưng")
    draft = VillagePageFactory(title="Làng chưa xuất bản")
    draft.unpublish()
    html = client.get(live.get_parent().url).content.decode()
    assert "Làng ngói Long Hưng" in html
    assert "Làng chưa xuất bản" not in html


@pytest.mark.django_db
def test_geopark_site_shows_its_kind(client, home):
    site = GeoparkSitePageFactory(title="Hang Thẩm Khuyên")
    html = client.get(site.url).content.decode()
    assert "Hang Thẩm Khuyên" in html
    assert "Geological" in html or "Địa chất" in html
