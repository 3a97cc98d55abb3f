"""A Redis that hangs (it takes connections and never answers) costs one cache call its timeout;
the calls after it, in this request and the next ones, go on without Redis until a pause is over."""

import socket
import threading

from django.core.cache import caches

import pytest

from config.caching import REDIS_BREAKER, cache_config


class Hung:
    """A local address that accepts connections and never answers: a Redis stopped mid-way
    (SIGSTOP, a full disk), not a Redis that refuses."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)  # kept open, never read from, never answered

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def hung_redis(settings):
    hung = Hung()
    settings.CACHES = {"default": cache_config(f"redis://127.0.0.1:{hung.port}/1")}
    REDIS_BREAKER.close()
    yield hung
    REDIS_BREAKER.close()
    caches["default"].close()
    hung.close()


def test_after_one_timeout_the_cache_is_not_asked_until_the_pause_is_over(hung_redis):
    cache = caches["default"]
    assert cache.get("page") is None, "no answer reads as an empty cache"
    assert len(hung_redis.connections) == 1

    for number in range(20):
        cache.set(f"key-{number}", number)
        assert cache.get(f"key-{number}") is None
    assert len(hung_redis.connections) == 1, "no call waited for Redis again"

    REDIS_BREAKER.close()  # the pause is over
    cache.get("page")
    assert len(hung_redis.connections) == 2, "Redis is tried again after the pause"


@pytest.mark.django_db
def test_pages_answer_while_redis_hangs(client, home, hung_redis):
    for path in ("/", "/en/", "/basket/", "/search/?q=hoi"):
        assert client.get(path).status_code == 200, path
    assert len(hung_redis.connections) <= 1, "one wait at most, not one a cache call"
