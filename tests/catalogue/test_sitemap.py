"""Products are listed for search engines, in each language."""

from django.test import RequestFactory

import pytest
from wagtail.contrib.sitemaps.views import sitemap

from catalogue.sitemaps import ProductSitemap
from tests.catalogue.factories import product_for_sale


@pytest.mark.django_db
def test_product_sitemap_lists_each_product_in_three_languages(home):
    product = product_for_sale(title="Hoa hồi khô Văn Quan")
    request = RequestFactory().get("/sitemap.xml")
    response = sitemap(request, sitemaps={"products": ProductSitemap})
    response.render()
    xml = response.content.decode()
    slug_path = f"catalogue/{product.slug}_{product.pk}/"
    assert f"http://testserver/{slug_path}" in xml
    assert f"http://testserver/en/{slug_path}" in xml
    assert f"http://testserver/zh-hans/{slug_path}" in xml
    assert 'hreflang="zh-hans"' in xml
