import tempfile

from django.test import override_settings

import pytest
from wagtail.models import Locale

from tests.conftest import built_once_per_module
from tests.pages.factories import home_page

from .factories import producer_world


def both_worlds():
    return {
        "a": producer_world("Tổ hợp tác hương Nà Phiêng", "lan", "Hương quế Nà Phiêng"),
        "b": producer_world("HTX Hồi Văn Quan", "minh", "Tinh dầu hồi Văn Quan"),
    }


def worlds_with_files_in(media, private):
    """Both worlds, their public and private files (a batch's certificate) in these folders."""
    for code in ("vi", "en", "zh-hans"):
        Locale.objects.get_or_create(language_code=code)
    home_page()
    with override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private):
        return both_worlds()


def _worlds():
    # Their files go to a throw-away folder too, never to var/.
    files = tempfile.mkdtemp(prefix="producer-worlds-")
    return worlds_with_files_in(files, files)


# Two producers' worlds are made once per module (about a second each); each test reads them
# afresh from the database, so what one test changed, in the rows or on the objects, never
# reaches the next. No module here holds a transactional test (test_signin_race.py is apart);
# test_private_files.py, which reads the worlds' files, copies them into each test's folders.
worlds = built_once_per_module(_worlds)


def fresh(world):
    return {
        key: type(value).objects.get(pk=value.pk) if hasattr(value, "_meta") else value
        for key, value in world.items()
    }


@pytest.fixture
def world_a(worlds, home):
    return fresh(worlds["a"])


@pytest.fixture
def world_b(worlds, home):
    return fresh(worlds["b"])
