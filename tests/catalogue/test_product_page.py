"""Our product page: no Oscar table or tax lines; OCOP certificate, delivery fee to a province
without JavaScript, a quantity and buy button, reviews, canonical/hreflang/og like CMS pages."""

import io
import re

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from oscar.core.loading import get_model
from PIL import Image

from tests.catalogue.factories import BatchFactory, ProducerFactory, ocop_product, product_for_sale

ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db


def url_of(product, language="vi"):
    with translation.override(language):
        return product.get_absolute_url()


def add_photo(product, name="hoi.jpg"):
    data = io.BytesIO()
    Image.new("RGB", (1600, 1200), "brown").save(data, "JPEG")
    return ProductImage.objects.create(product=product, original=ContentFile(data.getvalue(), name))


def test_no_oscar_table_or_tax_lines_on_the_product_page(client, home):
    product = ocop_product(upc="8930000000019")
    html = client.get(url_of(product, "en")).content.decode()
    for stock_oscar in ("UPC", "excl. tax", "Tax", "Availability", "Product Information"):
        assert stock_oscar not in html
    assert "123/QĐ-UBND" in html and "OCOP certificate" in html
    assert "Valid until" in html and '<time datetime="2027-05-09">' in html
    assert "OCOP 4 stars" in html


def test_quantity_field_and_buy_button_post_to_the_basket(client, home):
    product = product_for_sale()
    html = client.get(url_of(product, "en")).content.decode()
    form = re.search(r'<form id="add_to_basket_form"[^>]*action="([^"]+)"', html)
    assert form and form.group(1).endswith(f"/basket/add/{product.pk}/")
    assert 'name="quantity"' in html and 'inputmode="numeric"' in html
    assert 'class="product-buybar"' in html and 'href="#add_to_basket_form"' in html
    response = client.post(form.group(1), {"quantity": 3})
    assert response.status_code == 302
    assert client.get("/en/basket/").context["basket"].num_items == 3


def test_delivery_fee_to_the_chosen_province_without_javascript(client, home):
    product = product_for_sale(price=100000)
    path = url_of(product, "en")
    html = client.get(path).content.decode()
    assert '<select id="delivery-province" name="province">' in html
    assert 'id="delivery-quote"' not in html
    html = client.get(path, {"province": "Hà Nội"}).content.decode()
    quote = re.search(r'id="delivery-quote">(.*?)</p>', html, re.S).group(1)
    assert "₫30,000" in quote and "2–3 working days" in quote  # half a kilogram to the north
    html = client.get(path, {"province": "Lạng Sơn"}).content.decode()
    assert "₫20,000" in re.search(r'id="delivery-quote">(.*?)</p>', html, re.S).group(1)


def test_canonical_hreflang_and_open_graph_like_cms_pages(client, home):
    product = product_for_sale(title="Tinh dầu hồi")
    add_photo(product)
    html = client.get(url_of(product, "en")).content.decode()
    assert f'<link rel="canonical" href="http://testserver/en{url_of(product)}">' in html
    for code, prefix in (("vi", ""), ("en", "/en"), ("zh-hans", "/zh-hans")):
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver{prefix}{url_of(product)}">'
            in html
        )
    assert 'hreflang="x-default"' in html
    assert '<meta property="og:type" content="product">' in html
    assert '<meta property="og:title" content="Tinh dầu hồi">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+">', html)


def test_photos_in_webp_with_srcset(client, home):
    product = product_for_sale()
    add_photo(product)
    html = client.get(url_of(product, "en")).content.decode()
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', html)
    assert webp and webp.group(1).count(".webp") == 3 and "1440w" in webp.group(1)
    assert re.search(r'<img src="[^"]+" srcset="[^"]+ 480w, [^"]+ 960w', html)


def test_reviews_in_our_words(client, home):
    product = product_for_sale()
    html = client.get(url_of(product, "en")).content.decode()
    assert "No one has reviewed this product yet." in html
    assert "does not have any reviews yet" not in html


def test_producer_shown_with_a_link_to_their_products(client, home):
    producer = ProducerFactory(name="HTX Hồi Văn Quan")
    product = product_for_sale(producer=producer)
    html = client.get(url_of(product, "en")).content.decode()
    assert (
        "HTX Hồi Văn Quan" in html
        and f"/producers/{producer.code}/" in html
        or producer.code in html
    )


def queries_of(client, path):
    client.get(path)  # warm the caches (site, settings, glossary) and make the thumbnails
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {"province": "Hà Nội"})
    assert response.status_code == 200
    return len(queries)


def test_the_page_makes_as_many_queries_with_more_photos_batches_and_reviews(
    client, home, django_assert_max_num_queries
):
    plain = product_for_sale()
    add_photo(plain)
    baseline = queries_of(client, url_of(plain, "en"))
    full = ocop_product(title="Áo chàm", producer=ProducerFactory())
    for n in range(4):
        add_photo(full, f"ao-{n}.jpg")
    for n in range(3):
        BatchFactory(product=full, lot_code=f"AC-{n}")
    client.get(url_of(full, "en"))
    with django_assert_max_num_queries(baseline + 2):  # the producer's row and its craftspeople
        client.get(url_of(full, "en"), {"province": "Hà Nội"})
