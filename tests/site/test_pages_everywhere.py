"""What every public page shares: our error pages, nothing fetched from another host."""

import re

from django.contrib.auth import get_user_model

import pytest

from tests.catalogue.factories import product_for_sale
from tests.villages.factories import VillagePageFactory

# Things the browser loads: scripts, stylesheets, icons, images, frames (not canonical links).
FOREIGN_ASSET = re.compile(
    r"<(?:script|img|iframe)[^>]+src=\"(?:https?:)?//"
    r"|<link[^>]+rel=\"(?:stylesheet|icon|preload|modulepreload)\"[^>]+href=\"(?:https?:)?//",
    re.I,
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"),
    [("/khong-co-trang-nay/", "Page not found"), ("/en/no-such-page/", "Page not found")],
)
def test_unknown_address_gets_our_404_page(client, home, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert 'role="search"' in html


@pytest.mark.django_db
def test_public_pages_load_nothing_from_another_host(client, home):
    village = VillagePageFactory()
    product = product_for_sale()
    for path in (
        "/",
        village.url,
        product.get_absolute_url(),
        "/basket/",
        "/catalogue/",
        "/accounts/login/",
    ):
        html = client.get(path).content.decode()
        assert not FOREIGN_ASSET.search(html), path


@pytest.mark.django_db
def test_shop_dashboard_loads_nothing_from_another_host(client, home):
    admin = get_user_model().objects.create_superuser("quantri", "quantri@langnghe.example", "x")
    client.force_login(admin)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert not FOREIGN_ASSET.search(response.content.decode())


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
