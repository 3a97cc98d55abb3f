"""Production: several app servers behind a load balancer, PostgreSQL, Redis, object storage."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # no fallback: the site refuses to start without one
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

# --- HTTPS and headers -----------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow their own frame themselves
# The load balancer asks for /health/ over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
OSCAR_URL_SCHEMA = "https"

# --- Shared state across app servers -------------------------------------------------------

# A page cache in one process's memory would keep serving a page another process has dropped.
if (PAGE_CACHE_SECONDS or FRAGMENT_CACHE_SECONDS) and CACHES["default"]["BACKEND"].endswith(
    "LocMemCache"
):
    raise ImproperlyConfigured(
        "The page cache needs a cache every app server shares: set CACHE_URL or REDIS_URL "
        "(or PAGE_CACHE_SECONDS=0 FRAGMENT_CACHE_SECONDS=0 to turn the page caches off)."
    )

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Background tasks (search index updates, Wagtail's reference index…) are queued in the database
# and run by `manage.py db_worker`, off the request path.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": env.list("TASK_QUEUES", default=["default"]),
    }
}

# Static files: compressed, fingerprinted, served by WhiteNoise from each app server.
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Media in S3-compatible object storage when a bucket is named, so every app server sees every upload.
MEDIA_BUCKET = env("MEDIA_BUCKET", default="")
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env("MEDIA_ENDPOINT_URL", default=None),
            "region_name": env("MEDIA_REGION", default=None),
            "access_key": env("MEDIA_ACCESS_KEY_ID", default=None),
            "secret_key": env("MEDIA_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env("MEDIA_CUSTOM_DOMAIN", default=None),
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }
    # Private files in a bucket (or a folder of one) that is not readable by the public: name a
    # bucket of their own, or keep the public bucket's read policy off the "private/" folder.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("PRIVATE_MEDIA_BUCKET", default=MEDIA_BUCKET),
            "location": "private",
            "endpoint_url": env("MEDIA_ENDPOINT_URL", default=None),
            "region_name": env("MEDIA_REGION", default=None),
            "access_key": env("MEDIA_ACCESS_KEY_ID", default=None),
            "secret_key": env("MEDIA_SECRET_ACCESS_KEY", default=None),
            "file_overwrite": False,
            "default_acl": "private",
        },
    }

EMAIL_TIMEOUT = 10

LOGGING["loggers"]["django.security"] = {"level": "WARNING"}
