"""The shared cache's settings: one place, read by the settings and by the fault tests.

The cache only ever saves work. When Redis is down or slow, a page is rendered afresh, a session
is read from the database and a counter starts again; no request fails because of the cache.
"""

import secrets

from django.core.cache import cache

import environ

# How long a request waits for Redis before going on without it (seconds).
REDIS_TIMEOUT_SECONDS = 0.5


def cache_config(url):
    """Django's CACHES entry for `url` (redis://…, locmemcache://…)."""
    config = environ.Env.cache_url_config(url)
    if config["BACKEND"] == "django_redis.cache.RedisCache":
        config.setdefault("OPTIONS", {}).update(
            {
                # A Redis that cannot answer reads as an empty cache; /health/ tells the operator.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
            }
        )
    return config


def cache_health():
    """Whether the shared cache keeps what is put in it; if not, pages are rendered afresh."""
    probe = secrets.token_hex(8)
    try:
        cache.set("health-probe", probe, 10)
        kept = cache.get("health-probe") == probe
    except Exception:  # noqa: BLE001 - a health check reports, it does not raise
        kept = False
    return "ok" if kept else "unavailable, every page rendered afresh"
