"""The test suite: fast hashing, mail kept in memory, nothing sent or fetched."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Pages are rendered afresh unless a test turns the page cache on (tests/site/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# The suite never depends on a search cluster unless the integration tests are asked for.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Test transactions are rolled back, never committed: index what changes at once.
SEARCH_UPDATE_AFTER_COMMIT = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files are served from the apps' folders; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"
MAP_TILE_URL = ""
