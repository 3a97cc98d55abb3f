"""Uploads and private data: photos awaiting approval are no public files, at most 10 photos at a
time, certificates downloaded as attachments, and a buyer's address only once the order ships."""

import importlib
import io
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from oscar.core.loading import get_model
from PIL import Image

from checkout import statuses
from tests.catalogue.factories import BatchCertificateFactory
from tests.conftest import built_once_per_module

from .conftest import fresh, worlds_with_files_in
from .test_photos import GPS_IFD, with_gps
from .test_producer_space import edit_form, photo, shop_editor

ProductChange = get_model("catalogue", "ProductChange")
PendingProductImage = get_model("catalogue", "PendingProductImage")
BatchCertificate = get_model("catalogue", "BatchCertificate")

pytestmark = pytest.mark.django_db


def _worlds_and_their_files():
    files = Path(tempfile.mkdtemp(prefix="private-files-worlds-"))
    return files, worlds_with_files_in(files / "media", files / "private")


made = built_once_per_module(_worlds_and_their_files)


# Its tests read and delete the worlds' files (a batch's certificate): the worlds are made once
# for the module, and their files copied into each test's own folders.
@pytest.fixture
def worlds(made, settings):
    files, worlds = made
    for name, folder in (("MEDIA_ROOT", "media"), ("PRIVATE_MEDIA_ROOT", "private")):
        if (files / folder).is_dir():
            shutil.copytree(files / folder, getattr(settings, name), dirs_exist_ok=True)
    return {key: fresh(world) for key, world in worlds.items()}


def inside(folder, name):
    return (Path(folder) / name).exists()


def gps_photo(name="IMG_0042.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "brown").save(buffer, format="JPEG", exif=with_gps())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def propose_photo(client, world):
    product = world["product"]
    client.force_login(world["user"])
    response = client.post(
        f"/producer/products/{product.pk}/", edit_form(product, new_photos=[gps_photo()])
    )
    assert response.status_code == 302
    return PendingProductImage.objects.get(change__product=product)


# --- photos awaiting approval ----------------------------------------------------------------


def test_a_photo_awaiting_approval_is_no_public_file_and_only_its_producer_and_editors_see_it(
    client, world_a, world_b
):
    pending = propose_photo(client, world_a)
    name = pending.original.name

    assert not inside(settings.MEDIA_ROOT, name), "nothing the web server serves"
    assert inside(settings.PRIVATE_MEDIA_ROOT, name)
    page = client.get(f"/producer/products/{world_a['product'].pk}/").content.decode()
    assert settings.MEDIA_URL + name not in page
    url = pending.get_absolute_url()
    assert url in page, "the producer sees its photo through the checking view"

    own = client.get(url)
    assert own.status_code == 200 and own["Content-Type"] == "image/jpeg"
    assert own["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in own["Cache-Control"]
    stored = Image.open(io.BytesIO(b"".join(own.streaming_content)))
    assert not stored.getexif().get_ifd(GPS_IFD)

    editor = client.__class__()
    editor.force_login(shop_editor())
    assert editor.get(url).status_code == 200
    change = pending.change
    assert url in editor.get(f"/dashboard/moderation/{change.pk}/").content.decode()

    other = client.__class__()
    other.force_login(world_b["user"])
    assert other.get(url).status_code == 404
    assert client.__class__().get(url).status_code == 404, "anonymous"


def test_an_approved_photo_goes_public_and_leaves_private_storage(
    client, world_a, django_capture_on_commit_callbacks
):
    pending = propose_photo(client, world_a)
    name, url = pending.original.name, pending.get_absolute_url()
    editor = client.__class__()
    editor.force_login(shop_editor())

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(f"/dashboard/moderation/{pending.change_id}/", {"approve": "1"})

    image = world_a["product"].images.get()
    assert inside(settings.MEDIA_ROOT, image.original.name), "now public"
    assert not inside(settings.PRIVATE_MEDIA_ROOT, name)
    assert not PendingProductImage.objects.exists()
    assert client.get(url).status_code == 404


def test_rejected_photos_are_deleted_not_kept_nor_published(
    client, world_a, django_capture_on_commit_callbacks
):
    pending = propose_photo(client, world_a)
    name, url = pending.original.name, pending.get_absolute_url()
    editor = client.__class__()
    editor.force_login(shop_editor())

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            f"/dashboard/moderation/{pending.change_id}/",
            {"reject": "1", "reason": "Ảnh có mặt người mua."},
        )

    assert ProductChange.objects.get().state == "rejected"
    assert not inside(settings.PRIVATE_MEDIA_ROOT, name)
    assert not inside(settings.MEDIA_ROOT, name)
    assert client.get(url).status_code == 404
    assert not world_a["product"].images.exists()


def test_files_stored_before_move_out_of_the_public_folder(world_a):
    """The data migration: pending photos and certificates stored under MEDIA_ROOT move."""
    change = ProductChange.objects.create(product=world_a["product"])
    default_storage.save("products/pending/2026/11/cu.jpg", ContentFile(b"jpeg bytes"))
    default_storage.save("trace/certificates/2026/cu.pdf", ContentFile(b"%PDF-1.4 old"))
    PendingProductImage.objects.create(change=change, original="products/pending/2026/11/cu.jpg")
    certificate = BatchCertificateFactory(batch=world_a["batch"])
    BatchCertificate.objects.filter(pk=certificate.pk).update(file="trace/certificates/2026/cu.pdf")

    migration = importlib.import_module("catalogue.migrations.0037_private_files")
    migration.to_private(apps, None)

    for name in ("products/pending/2026/11/cu.jpg", "trace/certificates/2026/cu.pdf"):
        assert not inside(settings.MEDIA_ROOT, name), name
        assert inside(settings.PRIVATE_MEDIA_ROOT, name), name
    certificate.refresh_from_db()
    with certificate.file.open("rb") as moved:
        assert moved.read() == b"%PDF-1.4 old"


# --- at most 10 photos at a time -------------------------------------------------------------


def test_an_eleventh_photo_is_refused_in_the_producers_language_and_nothing_saved_is_lost(
    client, world_a
):
    product = world_a["product"]
    client.force_login(world_a["user"])
    client.post(f"/producer/products/{product.pk}/", edit_form(product, new_photos=[photo()]))
    change = ProductChange.objects.get()
    assert change.images.count() == 1

    photos = [photo(f"anh-{number}.jpg") for number in range(11)]
    response = client.post(
        f"/en/producer/products/{product.pk}/",
        edit_form(product, description="Mô tả mới", new_photos=photos),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "You chose 11 photos: at most 10 can be added at a time." in page
    assert "Mô tả mới" in page, "what was typed stays in the form"
    change.refresh_from_db()
    assert change.images.count() == 1, "the photo saved before is still waiting"
    assert "description" not in change.proposed

    photos = [photo(f"anh-{number}.jpg") for number in range(10)]
    response = client.post(
        f"/producer/products/{product.pk}/", edit_form(product, new_photos=photos)
    )
    assert response.status_code == 302
    assert change.images.count() == 11, "ten at a time are taken"


def test_a_request_with_more_than_20_files_is_refused_before_any_is_read(client, world_a):
    product = world_a["product"]
    client.force_login(world_a["user"])
    photos = [photo(f"anh-{number}.jpg") for number in range(21)]
    response = client.post(
        f"/producer/products/{product.pk}/", edit_form(product, new_photos=photos)
    )
    assert response.status_code == 400
    assert not ProductChange.objects.exists()


# --- certificates ----------------------------------------------------------------------------


def test_a_certificate_pdf_is_downloaded_as_an_attachment_never_served_inline(client, world_a):
    certificate = world_a["certificate"]
    assert not inside(settings.MEDIA_ROOT, certificate.file.name)
    trace = client.get(f"/trace/{world_a['batch'].lot_code}/").content.decode()
    url = certificate.get_absolute_url()
    assert url in trace and settings.MEDIA_URL + certificate.file.name not in trace

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="phieu-kiem-nghiem.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_certificate_of_a_product_not_yet_approved_is_for_its_producer_only(client, world_a):
    product = world_a["product"]
    product.is_public = False
    product.save()
    url = world_a["certificate"].get_absolute_url()

    assert client.get(url).status_code == 404
    client.force_login(world_a["user"])
    assert client.get(url).status_code == 200
    assert "private" in client.get(url)["Cache-Control"]


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script></html>", b"%PDF-<script>alert(1)</script>"],
    ids=["html", "html-behind-a-pdf-header"],
)
def test_a_file_named_pdf_that_is_no_pdf_is_refused(client, world_a, content):
    batch = world_a["batch"]
    client.force_login(world_a["user"])
    before = BatchCertificate.objects.count()
    response = client.post(
        f"/en/producer/batches/{batch.pk}/certificates/",
        {
            "title": "Giấy chứng nhận",
            "issued_by": "",
            "file": SimpleUploadedFile("gcn.pdf", content),
        },
    )
    assert response.status_code == 200
    assert "This file is not a PDF we can read." in response.content.decode()
    assert BatchCertificate.objects.count() == before


def test_a_pdf_over_10_mb_is_refused(client, world_a):
    batch = world_a["batch"]
    client.force_login(world_a["user"])
    big = SimpleUploadedFile("gcn.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024))
    response = client.post(
        f"/en/producer/batches/{batch.pk}/certificates/",
        {"title": "Giấy chứng nhận", "issued_by": "", "file": big},
    )
    assert "This file is larger than 10 MB." in response.content.decode()
    assert not BatchCertificate.objects.filter(title="Giấy chứng nhận").exists()


# --- the buyer's address ---------------------------------------------------------------------


def order_pages(client, world, status):
    order = world["order"]
    order.status = status
    order.save()
    client.force_login(world["user"])
    detail = client.get(f"/producer/orders/{order.number}/").content.decode()
    listing = client.get("/producer/orders/").content.decode()
    return detail, listing


def phone_in(page):
    return "912345678" in page.replace(" ", "")


@pytest.mark.parametrize(
    "status",
    [statuses.AWAITING_PAYMENT, statuses.AWAITING_TRANSFER, statuses.CANCELLED, "Under review"],
)
def test_an_order_not_yet_shippable_shows_the_province_and_items_but_no_address_or_phone(
    client, world_a, status
):
    detail, listing = order_pages(client, world_a, status)
    for page in (detail, listing):
        assert "Trần Đăng Ninh" not in page and "Kỳ Lừa" not in page
        assert not phone_in(page)
        assert "Thị Hoa" not in page
    assert "Lạng Sơn" in detail
    assert world_a["product"].title in detail, "the items are shown"


@pytest.mark.parametrize("status", [statuses.PENDING, statuses.PAID, statuses.BEING_PROCESSED])
def test_a_paid_or_cash_on_delivery_order_shows_where_to_send_it(client, world_a, status):
    detail, _listing = order_pages(client, world_a, status)
    assert "Trần Đăng Ninh" in detail and "Thị Hoa" in detail
    assert phone_in(detail)
