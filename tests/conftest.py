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


_serialized_contents = {}


def pytest_runtest_setup(item):
    """Keep the database's migrated content at hand for every transactional test.

    Django restores it after each transactional test from an attribute of the connection object;
    Playwright's event loop in this thread can leave Django with a new connection object that lacks
    it, and the next test would start from an empty database (no root collection, no roles).
    """
    from django.db import connections

    try:
        connection = connections["default"]
    except Exception:  # noqa: BLE001  (Django not set up for this item)
        return
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is not None:
        _serialized_contents.setdefault("default", contents)
    elif "default" in _serialized_contents:
        connection._test_serialized_contents = _serialized_contents["default"]
