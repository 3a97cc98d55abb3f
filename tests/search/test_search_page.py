import pytest

from tests.catalogue.factories import product_for_sale
from tests.villages.factories import VillagePageFactory


@pytest.mark.django_db
def test_search_finds_pages_and_products(client, home):
    VillagePageFactory(title="Làng hương Nà Phiêng", slug="na-phieng")
    product_for_sale(title="Hương trầm Nà Phiêng")
    html = client.get("/search/", {"q": "Nà Phiêng"}).content.decode()
    assert "Làng hương Nà Phiêng" in html
    assert "Hương trầm Nà Phiêng" in html


@pytest.mark.django_db
def test_search_with_nothing_found_says_so(client, home):
    response = client.get("/search/", {"q": "không có gì như thế này"})
    assert response.status_code == 200
    assert 'class="result-count"' in response.content.decode()
