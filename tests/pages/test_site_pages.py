"""The site-wide pages: page tree rules, the shared header and footer, the language switcher."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import FooterItem, HomePage, StandardPage
from tests.pages.factories import (
    MenuItemFactory,
    SiteSettingsFactory,
    StandardPageFactory,
    translate,
)
from tours.models import TourIndexPage
from villages.models import GeoparkIndexPage, VillageIndexPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)

    def test_sections_live_under_the_home_page(self):
        for section in (VillageIndexPage, GeoparkIndexPage, TourIndexPage, StandardPage):
            self.assertCanCreateAt(HomePage, section)

    def test_standard_page_is_a_leaf(self):
        self.assertAllowedSubpageTypes(StandardPage, {})


@pytest.mark.django_db
def test_home_page_renders_in_three_languages(client, home):
    translate(home, "en", title="Craft villages of Lạng Sơn")
    translate(home, "zh-hans", title="谅山手工艺村")
    for url, title, lang in [
        ("/", "Làng nghề Lạng Sơn", "vi"),
        ("/en/", "Craft villages of Lạng Sơn", "en"),
        ("/zh-hans/", "谅山手工艺村", "zh-hans"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{lang}"' in html
        assert f"<h1>{title}</h1>" in html


@pytest.mark.django_db
def test_language_switcher_links_to_the_translated_page(client, home):
    page = StandardPageFactory(title="Giới thiệu", slug="gioi-thieu")
    translate(page, "en", title="About", slug="about")
    html = client.get("/gioi-thieu/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in html
    # No Chinese translation yet: the link leads to the Chinese home page, not to a 404.
    assert 'href="/zh-hans/" hreflang="zh-hans"' in html


@pytest.mark.django_db
def test_language_switcher_on_a_shop_page_keeps_the_page(client, home):
    html = client.get("/en/basket/").content.decode()
    assert 'href="/basket/" hreflang="vi"' in html
    assert 'href="/zh-hans/basket/" hreflang="zh-hans"' in html


@pytest.mark.django_db
def test_menu_shows_the_page_in_the_visitors_language(client, home):
    about = StandardPageFactory(title="Giới thiệu", slug="gioi-thieu")
    translate(about, "en", title="About us")
    MenuItemFactory(settings=SiteSettingsFactory(), page=about)
    assert ">Giới thiệu</a>" in client.get("/").content.decode()
    english_home = translate(home, "en", title="Home")
    assert ">About us</a>" in client.get(english_home.url).content.decode()


@pytest.mark.django_db
def test_without_javascript_the_menu_is_open_with_every_section_and_the_shop(client, home):
    sections = [StandardPageFactory(title=f"Mục {n}", slug=f"muc-{n}") for n in range(8)]
    for order, page in enumerate(sections):
        MenuItemFactory(settings=SiteSettingsFactory(), page=page, sort_order=order)
    html = client.get("/").content.decode()
    menu = html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index("main-nav"))]
    assert '<details class="main-nav__menu" open>' in menu
    assert [f">Mục {n}</a>" in menu for n in range(8)] == [True] * 8
    assert 'href="/catalogue/"' in menu


@pytest.mark.django_db
def test_footer_lists_the_sections_and_its_own_pages_in_the_visitors_language(client, home):
    villages = StandardPageFactory(title="Làng nghề", slug="lang-nghe")
    returns = StandardPageFactory(title="Đổi trả hàng", slug="doi-tra")
    translate(villages, "en", title="Craft villages")
    translate(returns, "en", title="Returns")
    site_settings = SiteSettingsFactory()
    MenuItemFactory(settings=site_settings, page=villages)
    FooterItem.objects.create(settings=site_settings, page=returns, sort_order=0)

    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert ">Làng nghề</a>" in footer and ">Đổi trả hàng</a>" in footer
    english_home = translate(home, "en", title="Home")
    footer = client.get(english_home.url).content.decode().split('<footer class="site-footer">')[1]
    assert ">Craft villages</a>" in footer and ">Returns</a>" in footer


@pytest.mark.django_db
def test_footer_shows_the_contact_details_from_site_settings(client, home):
    SiteSettingsFactory(email="lienhe@langnghe.example", phone="0205 3812 345")
    html = client.get("/").content.decode()
    assert 'href="mailto:lienhe@langnghe.example"' in html
    assert 'href="tel:02053812345"' in html


@pytest.mark.django_db
def test_sample_pages_say_they_are_samples(client, home):
    StandardPageFactory(title="Mẫu", slug="mau", is_sample=True)
    assert "sample-badge" in client.get("/mau/").content.decode()
    StandardPageFactory(title="Thật", slug="that", is_sample=False)
    assert "sample-badge" not in client.get("/that/").content.decode()


@pytest.mark.django_db
def test_health_endpoint_reports_the_database(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
