"""Product images added in Oscar's dashboard lose their EXIF (a GPS position) like producers' do."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

import pytest
from oscar.core.loading import get_class, get_model
from PIL import Image

from tests.catalogue.factories import product_for_sale

ProductImageFormSet = get_class("dashboard.catalogue.formsets", "ProductImageFormSet")
ProductImage = get_model("catalogue", "ProductImage")

GPS_IFD = 0x8825

pytestmark = pytest.mark.django_db


def gps_jpeg(name):
    exif = Image.Exif()
    exif[0x0110] = "PhoneModel X"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 51.0, 12.0), 3: "E", 4: (106.0, 45.0, 3.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (50, 40), "brown").save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_an_image_added_in_the_dashboard_is_stored_without_exif(home):
    product = product_for_sale()
    data = {
        "images-TOTAL_FORMS": "2",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "images-0-display_order": "0",
        "images-0-caption": "Hoa hồi phơi",
        "images-1-display_order": "1",
    }
    formset = ProductImageFormSet(
        product.get_product_class(),
        None,
        data,
        {"images-0-original": gps_jpeg("IMG_0101.jpg")},
        instance=product,
    )
    assert formset.is_valid(), formset.errors
    formset.save()

    image = product.images.get()
    with image.original.open("rb") as stored:
        picture = Image.open(io.BytesIO(stored.read()))
    assert picture.size == (50, 40)
    assert not picture.getexif().get_ifd(GPS_IFD)
    assert not picture.getexif()


def test_an_image_without_metadata_is_kept_as_it_was_sent(home):
    product = product_for_sale()
    buffer = io.BytesIO()
    Image.new("RGB", (50, 40), "green").save(buffer, format="PNG")
    sent = buffer.getvalue()
    image = product.images.model(product=product, display_order=0)
    image.original.save("hoa-hoi.png", SimpleUploadedFile("hoa-hoi.png", sent), save=False)
    image.save()
    with image.original.open("rb") as stored:
        assert stored.read() == sent, "nothing to strip: not re-encoded"


def stored_before_uploads_were_cleaned(product, name, orientation=6):
    """A product image whose file kept the phone's EXIF (saved without any model signal)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 51.0, 12.0), 3: "E", 4: (106.0, 45.0, 3.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (50, 40), "brown").save(buffer, format="JPEG", exif=exif)
    stored = default_storage.save(f"images/products/2025/01/{name}", ContentFile(buffer.getvalue()))
    ProductImage.objects.bulk_create([ProductImage(product=product, original=stored)])
    return ProductImage.objects.get(original=stored)


def test_images_stored_before_lose_their_gps_position_but_not_their_shape(home):
    product = product_for_sale()
    image = stored_before_uploads_were_cleaned(product, "IMG_0007.jpg")
    name = image.original.name
    out = io.StringIO()

    call_command("strip_image_metadata", stdout=out)

    image.refresh_from_db()
    assert image.original.name == name, "the same address"
    with image.original.open("rb") as stored:
        picture = Image.open(io.BytesIO(stored.read()))
    assert not picture.getexif().get_ifd(GPS_IFD)
    assert dict(picture.getexif()) == {0x0112: 6}, "only which way up it is"
    assert picture.size == (50, 40), "the same pixels: focal points and crops still fit"
    assert "1 of 1 cleaned" in out.getvalue()

    again = io.StringIO()
    call_command("strip_image_metadata", stdout=again)
    assert "0 of 1 cleaned" in again.getvalue(), "nothing left to do"
