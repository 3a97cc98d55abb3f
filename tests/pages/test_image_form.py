"""Editors describe every image and choose its focal point before saving its details."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

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
