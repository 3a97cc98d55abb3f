"""The test suite: fast hashing, mail kept in memory, nothing sent or fetched."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Pages are rendered afresh unless a test turns the page cache on (tests/site/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
PAGE_CACHE_RENDER_AGAIN = False
# The suite never depends on a search cluster unless the integration tests are asked for.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Test transactions are rolled back, never committed: changes are announced at once. The index
# follows them only in tests that ask (the `search_index` fixture), like the page cache.
CONTENT_CHANGES_AFTER_COMMIT = False
SEARCH_INDEX_UPDATES = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files are served from the apps' folders; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"
MAP_TILE_URL = ""
# The test database is a copy of a migrated template kept in var/test-templates/ (tests/databases.py).
# Wagtail's own index (the admin's search of pages, images and snippets) is not updated on every
# save: no test searches the admin, and it was a sixth of a demo load. The site's search has its
# own index (search/), followed where a test asks for it.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}
