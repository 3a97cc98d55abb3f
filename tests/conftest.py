import os

from django.db import transaction
from django.test import TransactionTestCase

import pytest
from wagtail.models import Locale

from catalogue.photos import ensure_missing_image
from tests import databases, seed
from tests.pages.factories import home_page


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only the tests that use the database: CI's pass on PostgreSQL, after a whole "
        "pass on SQLite has run the rest, which cannot depend on the database's engine",
    )


def uses_database(item):
    """Whether a test reaches the database: through a fixture (`db` and every fixture built on it
    need `django_db_setup`), pytest-django's mark, or Django's own test case classes."""
    test_class = getattr(item, "cls", None)
    return (
        "django_db_setup" in getattr(item, "fixturenames", ())
        or item.get_closest_marker("django_db") is not None
        or (isinstance(test_class, type) and issubclass(test_class, TransactionTestCase))
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("database_tests_only"):
        return
    kept, engine_free = [], []
    for item in items:
        (kept if uses_database(item) else engine_free).append(item)
    if engine_free:
        config.hook.pytest_deselected(items=engine_free)
        items[:] = kept


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a throw-away folder, never to var/media or var/private."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    ensure_missing_image()  # as at start-up, for this folder


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: ids are used again after a rollback, and Oscar keeps
    a category's address in the cache by its id (a later test's category got an earlier one's)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def redis_trusted_again():
    """A fault test's pause of Redis (config/caching.py) does not reach the next test."""
    from config.caching import REDIS_BREAKER

    REDIS_BREAKER.close()


@pytest.fixture(autouse=True)
def reference_index_kept_by_request(request):
    """Wagtail's reference index (which pages name which) is kept only in the tests that read
    it (`reference_index`): keeping it was a fifth of the time of making a page with the
    factories. Like search indexing and the page cache, it is on in production."""
    if "reference_index" in request.fixturenames:
        yield
        return
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with disable_reference_index_auto_update():
        yield


@pytest.fixture
def reference_index():
    """Wagtail's reference index follows every save, as in production."""


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


def built_once_per_module(build):
    """A module-scoped fixture of what `build()` makes, for modules whose tests all read one world.

    The world is made once, inside a transaction that stays open while the module's tests run;
    each test's own transaction nests in it (a savepoint), so what a test changes is undone after
    it, and the world itself is rolled back after the module's last test. Not for modules with
    transactional tests, which would commit through it.
    """

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            # As Django's TestCase marks its own: a test's on_commit callbacks run when its
            # own atomic blocks end, as they would with a world made for each test.
            outer._from_testcase = True
            outer.__enter__()
            try:
                made = build()
            except BaseException:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
                raise
        yield made
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

    return world


@pytest.fixture
def search_index(settings):
    """The index follows what changes, as in production (off in the rest of the suite)."""
    settings.SEARCH_INDEX_UPDATES = True


def _back_to_migrated(test_case):
    """After a transactional test, the database as migrations left it, for the next test of
    whichever kind, in whichever order xdist hands them out: the tables the test wrote to are
    emptied and the migrated rows written back (tests/seed.py). Django's own flush, which
    pytest-django calls here, empties all 340 tables and remakes content types and permissions:
    3.7 s on PostgreSQL against 0.2 s."""
    databases.empty_written_tables()
    seed.reseed()


TransactionTestCase._fixture_teardown = _back_to_migrated


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """This process's test database: a copy of the migrated template (tests/databases.py)."""
    config = request.config
    run_id = getattr(config, "workerinput", {}).get("testrunuid") or str(os.getpid())
    with django_db_blocker.unblock():
        prepared = databases.set_up(run_id, rebuild=config.getoption("create_db"))
        seed.remember()
    yield
    with django_db_blocker.unblock():
        databases.tear_down(prepared)
