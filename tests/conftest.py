import pytest
from wagtail.models import Locale

from tests.pages.factories import home_page


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a throw-away folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def locales(db):
    """The three content languages, as Wagtail locales."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("vi", "en", "zh-hans")
    }


@pytest.fixture
def home(locales):
    """The home page, root of the default site."""
    return home_page()
