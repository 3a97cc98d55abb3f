"""The shared cache's settings: one place, read by the settings and by the fault tests.

The cache only ever saves work. When Redis is down or slow, a page is rendered afresh, a session
is read from the database and a counter starts again; no request fails because of the cache.
"""

import secrets
import threading
import time

from django.core.cache import cache

import environ
from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# How long a request waits for Redis before going on without it (seconds).
REDIS_TIMEOUT_SECONDS = 0.5
# After Redis failed to answer, how long every request goes on without asking it (seconds).
REDIS_PAUSE_SECONDS = 10


class Breaker:
    """Open for a pause after a failure: a Redis that hangs costs one request its timeout, not
    every cache call of every request (a page asks the cache several times)."""

    def __init__(self, pause):
        self.pause = pause
        self._open_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_open(self):
        return time.monotonic() < self._open_until

    def trip(self):
        with self._lock:
            self._open_until = time.monotonic() + self.pause

    def close(self):
        with self._lock:
            self._open_until = 0.0


REDIS_BREAKER = Breaker(REDIS_PAUSE_SECONDS)


class PausingConnection(Connection):
    """A Redis connection that does not try while the breaker is open, and opens it when Redis
    does not answer in time or refuses the connection."""

    def connect(self, *args, **kwargs):
        self._unless_paused()
        return self._tripping(super().connect, *args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        self._unless_paused()
        return self._tripping(super().send_packed_command, *args, **kwargs)

    @staticmethod
    def _unless_paused():
        if REDIS_BREAKER.is_open:
            raise RedisConnectionError("Redis did not answer a moment ago: not asked again yet")

    def read_response(self, *args, **kwargs):
        return self._tripping(super().read_response, *args, **kwargs)

    @staticmethod
    def _tripping(call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError):
            REDIS_BREAKER.trip()
            raise


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
                "CONNECTION_POOL_KWARGS": {"connection_class": PausingConnection},
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
