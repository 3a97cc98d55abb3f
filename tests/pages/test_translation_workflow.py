"""Editors translate pages with wagtail-localize from the admin."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from tests.villages.factories import VillagePageFactory


@pytest.mark.django_db
def test_editor_submits_a_village_for_translation(
    client, home, locales, django_capture_on_commit_callbacks
):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    admin = get_user_model().objects.create_superuser("quantri", "quantri@langnghe.example", "x")
    client.force_login(admin)
    url = reverse("wagtail_localize:submit_page_translation", args=[village.id])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locales["en"].id, locales["zh-hans"].id]})
    assert response.status_code == 302
    for code in ("en", "zh-hans"):
        translation = village.get_translation_or_none(locales[code])
        assert translation is not None, code
        assert translation.get_parent().locale == locales[code], "parents are translated too"
