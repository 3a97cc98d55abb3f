"""Trace pages, QR codes and label sheets of production batches."""

import datetime

from django.urls import reverse
from django.utils import translation

import pytest

from tests.catalogue.factories import (
    BatchCertificateFactory,
    BatchFactory,
    BatchStepFactory,
    ProducerFactory,
    product_for_sale,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(home):
    producer = ProducerFactory(name="HTX Hồi Văn Quan", address="Thôn Bản Châu, xã Văn Quan")
    product = product_for_sale(title="Tinh dầu hồi Văn Quan")
    product.producer = producer
    product.collective_trademark = "Hồi Văn Quan"
    product.save()
    batch = BatchFactory(
        product=product,
        lot_code="VQ2610-01",
        production_date=datetime.date(2026, 10, 1),
        expiry_date=datetime.date(2028, 9, 30),
    )
    BatchStepFactory(batch=batch, kind="harvest", date=datetime.date(2026, 9, 20))
    BatchStepFactory(batch=batch, kind="packing", date=datetime.date(2026, 10, 1))
    BatchCertificateFactory(batch=batch, title="Phiếu kiểm nghiệm số 42")
    return batch


def test_trace_page_shows_what_circular_02_2024_asks(client, batch):
    response = client.get("/trace/VQ2610-01/")
    assert response.status_code == 200
    html = response.content.decode()
    for shown in (
        "Tinh dầu hồi Văn Quan",  # product name
        "HTX Hồi Văn Quan",  # producer
        "Thôn Bản Châu, xã Văn Quan",  # producer's address
        "01/10/2026",  # production date (Vietnamese date format)
        "30/09/2028",  # expiry date
        "VQ2610-01",  # lot number
        "Hồi Văn Quan",  # trademark
        "Hoa hồi chín thu hái",  # raw materials: one step back
        "Phiếu kiểm nghiệm số 42",  # certificate file
        'class="trace__image"',  # product image
    ):
        assert shown in html, shown
    assert html.index("20/09/2026") < html.index("01/10/2026", html.index("trace__steps"))


def test_each_scan_is_counted_for_the_batch(client, batch):
    client.get("/trace/VQ2610-01/")
    client.get("/en/trace/VQ2610-01/")
    batch.refresh_from_db()
    assert batch.scan_count == 2
    assert batch.last_scanned_at is not None


def test_unknown_lot_code_says_not_genuine(client, home):
    response = client.get("/en/trace/FAKE-123/")
    assert response.status_code == 404
    assert "not genuine" in response.content.decode()


def test_digital_link_opens_the_batch_of_a_product_with_a_gtin(client, batch):
    batch.product.gtin = "8931234567897"
    batch.product.save()
    with translation.override("vi"):
        assert batch.get_absolute_url() == "/01/08931234567897/10/VQ2610-01"
    assert client.get("/01/08931234567897/10/VQ2610-01").status_code == 200
    assert client.get("/01/8931234567897/10/VQ2610-01").status_code == 200


def test_digital_link_with_another_products_gtin_is_not_genuine(client, batch):
    batch.product.gtin = "8931234567897"
    batch.product.save()
    response = client.get("/en/01/08930000000007/10/VQ2610-01")
    assert response.status_code == 404
    assert "not genuine" in response.content.decode()


def test_qr_code_is_drawn_as_png_and_svg(client, batch):
    png = client.get("/trace/VQ2610-01/qr.png")
    assert png.status_code == 200
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    svg = client.get("/trace/VQ2610-01/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    assert b"http://testserver/trace/VQ2610-01/" in svg.content


def test_qr_code_holds_the_digital_link_when_the_product_has_a_gtin(client, batch):
    batch.product.gtin = "8931234567897"
    batch.product.save()
    svg = client.get("/en/trace/VQ2610-01/qr.svg").content
    assert b"http://testserver/01/08931234567897/10/VQ2610-01" in svg


def test_producer_prints_a_sheet_of_labels(client, batch, django_user_model):
    user = django_user_model.objects.create_user("nghenhan", "nghenhan@example.com", "x")
    batch.product.producer.users.add(user)
    client.force_login(user)
    response = client.get(reverse("trace:labels", kwargs={"lot_code": batch.lot_code}) + "?count=6")
    assert response.status_code == 200
    assert response.content.decode().count('class="label"') == 6
    assert response.content.decode().count("<svg") == 6


def test_other_accounts_cannot_print_labels(client, batch, django_user_model):
    user = django_user_model.objects.create_user("khach", "khach@example.com", "x")
    client.force_login(user)
    response = client.get(reverse("trace:labels", kwargs={"lot_code": batch.lot_code}))
    assert response.status_code == 403
