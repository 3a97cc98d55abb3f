"""Editors describe every image and choose its focal point before saving its details; whatever
way they upload it, it is stored without its EXIF (a phone's GPS position)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

import pytest
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

from tests.pages.factories import ImageFactory


def edit_form(image, **changes):
    data = {
        "title": image.title,
        "description": image.description,
        "collection": image.collection_id,
        "tags": "",
    }
    data.update(changes)
    return get_image_form(get_image_model())(data=data, instance=image)


@pytest.mark.django_db
def test_an_image_without_alt_text_is_not_saved():
    image = ImageFactory(description="")
    form = edit_form(
        image, focal_point_x=10, focal_point_y=10, focal_point_width=5, focal_point_height=5
    )
    assert not form.is_valid()
    assert "description" in form.errors


@pytest.mark.django_db
def test_an_image_needs_its_focal_point_in_the_editor():
    image = ImageFactory(description="Bó hương phơi nắng")
    assert not edit_form(image).is_valid()
    assert edit_form(
        image, focal_point_x=10, focal_point_y=10, focal_point_width=5, focal_point_height=5
    ).is_valid()


# --- images keep no EXIF (GPS position, camera) however an editor uploads them -----------------

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(name="IMG_0042.jpg", size=(80, 20)):
    """A JPEG as a phone writes it: a GPS position in Lạng Sơn, held sideways."""
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 51.0, 12.0), 3: "E", 4: (106.0, 45.0, 3.0)})
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "brown").save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def assert_stored_without_exif(image):
    with image.open_file() as stored:
        picture = PILImage.open(io.BytesIO(stored.read()))
    assert not picture.getexif(), "no EXIF at all, GPS included"
    assert picture.size == (20, 80), "turned upright, as the phone showed it"
    assert (image.width, image.height) == (20, 80)
    assert image.file_size == image.file.size


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "quantri", "quantri@example.com", "langnghe-quantri-password"
    )
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_is_stored_without_exif(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Chợ Kỳ Lừa",
            "file": phone_photo(),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert_stored_without_exif(get_image_model().objects.get(title="Chợ Kỳ Lừa"))


@pytest.mark.django_db
def test_images_uploaded_several_at_once_are_stored_without_exif(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": phone_photo("IMG_0043.jpg"), "title": "Phố Kỳ Lừa"},
    )
    assert response.status_code == 200 and response.json()["success"]
    assert_stored_without_exif(get_image_model().objects.get(title="Phố Kỳ Lừa"))


@pytest.mark.django_db
def test_an_image_stored_first_and_described_later_is_stored_without_exif():
    """Wagtail's "upload now, describe later" stores the file before the image row exists."""
    image = get_image_model()(title="Đèo Hoàng Đồng", collection=Collection.get_first_root_node())
    image.file.save("IMG_0044.jpg", phone_photo("IMG_0044.jpg"), save=False)
    raw_name = image.file.name
    image._set_image_file_metadata()
    image.save()
    assert_stored_without_exif(image)
    assert image.file.name != raw_name and not image.file.storage.exists(raw_name)


@pytest.mark.django_db
def test_images_stored_before_are_rewritten_without_exif_by_the_command():
    """`manage.py strip_image_metadata`: the same name, pixels and orientation, no GPS."""
    raw = phone_photo("IMG_0045.jpg")
    name = get_image_model().file.field.storage.save("original_images/IMG_0045.jpg", raw)
    get_image_model().objects.bulk_create(
        [
            get_image_model()(
                title="Núi Mẫu Sơn",
                file=name,
                width=80,
                height=20,
                collection=Collection.get_first_root_node(),
                file_hash="old",
            )
        ]
    )

    call_command("strip_image_metadata", stdout=io.StringIO())

    image = get_image_model().objects.get(title="Núi Mẫu Sơn")
    with image.open_file() as stored:
        picture = PILImage.open(io.BytesIO(stored.read()))
    assert image.file.name == name
    assert dict(picture.getexif()) == {ORIENTATION: 6}
    assert picture.size == (80, 20) == (image.width, image.height)
    assert image.file_hash != "old" and image.file_size == image.file.size
