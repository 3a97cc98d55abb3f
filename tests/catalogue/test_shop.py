"""Oscar's shop inside the site: VND prices, ASCII slugs, the same header, all three languages."""

import sys
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

import pytest

from tests.catalogue.factories import product_for_sale

# Listings and search read the index: it follows what these tests change.
pytestmark = pytest.mark.usefixtures("search_index")


@pytest.mark.django_db  # the approximate amount beside a price reads the staff's rates (none here)
@pytest.mark.parametrize(
    ("language", "shown"),
    [("vi", "125.000\xa0₫"), ("en", "₫125,000"), ("zh-hans", "₫125,000")],
)
def test_prices_are_whole_dong(language, shown):
    with translation.override(language):
        rendered = Template("{% load currency_filters %}{{ price|currency }}").render(
            Context({"price": Decimal("125000.00")})
        )
    assert rendered == shown


@pytest.mark.django_db
def test_product_slug_is_transliterated(home):
    product = product_for_sale(title="Đồi chè Tân Thành")
    assert product.slug == "doi-che-tan-thanh"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "price"), [("", "125.000\xa0₫"), ("/en", "₫125,000"), ("/zh-hans", "₫125,000")]
)
def test_product_page_shows_vnd_in_each_language(client, home, prefix, price):
    product = product_for_sale(price=125000)
    with translation.override("vi"):
        path = product.get_absolute_url()
    response = client.get(prefix + path)
    assert response.status_code == 200
    html = response.content.decode()
    assert price in html
    assert "125,000.00" not in html and "125.000,00" not in html
    assert 'class="site-header"' in html, "shop pages share the site's header"


@pytest.mark.django_db
def test_basket_shows_the_line_in_vnd(client, home):
    product = product_for_sale(price=65000, stock=5)
    stockrecord = product.stockrecords.get()
    response = client.post(
        f"/basket/add/{product.pk}/",
        {"quantity": 2, "stockrecord": stockrecord.pk},
        follow=True,
    )
    assert response.status_code == 200
    html = client.get("/basket/").content.decode()
    assert "130.000\xa0₫" in html
    assert '<span class="basket-link__count">2</span>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/catalogue/", "/en/catalogue/", "/zh-hans/catalogue/"])
def test_catalogue_lists_products_without_haystack(client, home, path):
    product_for_sale(title="Hương trầm Nà Phiêng")
    response = client.get(path)
    assert response.status_code == 200
    assert "Hương trầm Nà Phiêng" in response.content.decode()
    assert "haystack" not in sys.modules
    assert "oscar.apps.search.views" not in sys.modules


@pytest.mark.django_db
def test_login_page_is_oscars_not_a_wagtail_404(client, home, settings):
    from django.urls import reverse

    response = client.get(reverse(settings.LOGIN_URL))
    assert response.status_code == 200
    assert 'name="login-username"' in response.content.decode()
