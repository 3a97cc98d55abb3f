"""The search engine behind one interface: `get_backend()`, asked with a `SearchQuery`. Views never
ask which one it is.

With `ELASTICSEARCH_URL` set, Elasticsearch answers and the database backend stands by: it is kept
up to date as well, and answers whenever the cluster cannot (the outage is logged). A request the
cluster refuses (a 4xx: our fault, not an outage) is answered from the database that once, and
logged with the cluster's reason; only an outage leaves the cluster alone for a while. A write the
cluster misses is kept in a backlog and written again after its next successful write.
"""

import logging
import time

from django.conf import settings

from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.helpers import BulkIndexError

from ..models import SearchBacklog
from ..registry import adapter, items_of
from .base import RebuildRunning, SearchBackend, SearchQuery
from .database import DatabaseBackend

logger = logging.getLogger("search")

SEARCH_ENGINE_ERRORS = (TransportError, ApiError, BulkIndexError, RebuildRunning)
# After a failure, the database answers alone for this long before the cluster is tried again.
RETRY_AFTER_SECONDS = 30
# Backlogged objects written again after each successful write, at most.
REPLAY_BATCH = 50


def refused(error):
    """A 4xx from the cluster: the request was wrong (a page too far, a bad query), not an outage."""
    status = getattr(error, "status_code", None) or getattr(
        getattr(error, "meta", None), "status", 0
    )
    return isinstance(error, ApiError) and 400 <= (status or 0) < 500


class FallbackBackend(SearchBackend):
    """Elasticsearch first; the database whenever Elasticsearch cannot answer."""

    name = "elasticsearch"
    _down_until = {}

    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback

    @property
    def engines(self):
        return [self.fallback, self.primary]

    def _available(self):
        return time.monotonic() >= self._down_until.get(self.primary.url, 0)

    def _outage(self, error):
        logger.warning(
            "Elasticsearch at %s is unavailable (%s); answering from the database.",
            safe_url(self.primary.url),
            error.__class__.__name__,
        )
        self._down_until[self.primary.url] = time.monotonic() + RETRY_AFTER_SECONDS

    def _failed(self, error):
        if refused(error):
            logger.error(
                "Elasticsearch refused a request (%s): %s; answering it from the database.",
                getattr(error.meta, "status", "?"),
                error.body,
            )
        else:
            self._outage(error)

    def _either(self, method, *args, **kwargs):
        if self._available():
            try:
                return getattr(self.primary, method)(*args, **kwargs)
            except SEARCH_ENGINE_ERRORS as error:
                self._failed(error)
        return getattr(self.fallback, method)(*args, **kwargs)

    def search(self, query):
        return self._either("search", query)

    def autocomplete(self, prefix, **kwargs):
        return self._either("autocomplete", prefix, **kwargs)

    def replace(self, kind, object_id, items):
        self.fallback.replace(kind, object_id, items)
        try:
            self.primary.replace(kind, object_id, items)
        except SEARCH_ENGINE_ERRORS as error:
            # The database is current; the cluster gets it after its next successful write.
            SearchBacklog.objects.update_or_create(kind=kind, object_id=object_id)
            logger.warning(
                "Elasticsearch missed %s %s; it is kept to write again.", kind, object_id
            )
            self._failed(error)
            return
        self.replay()

    def replay(self):
        """Write again what the cluster missed (the objects as they are now)."""

        for entry in SearchBacklog.objects.order_by("failed_at")[:REPLAY_BATCH]:
            found = adapter(entry.kind)
            try:
                if found is not None:
                    _kind, items = items_of(found.model, entry.object_id)
                    self.primary.replace(entry.kind, entry.object_id, items)
            except SEARCH_ENGINE_ERRORS as error:
                self._failed(error)
                return
            entry.delete()

    def health(self):
        """The cluster's state as last seen; asked (briefly) only when not known to be down."""
        state = "unavailable"
        if self._available():
            try:
                state = self.primary.health()["state"]
            except SEARCH_ENGINE_ERRORS as error:
                self._failed(error)
        if state != "ok":
            state = "unavailable, answering from the database"
        return {"backend": self.primary.name, "state": state}


def safe_url(url):
    """The cluster's address without its password, for logs."""
    if "@" in url:
        scheme, _, rest = url.partition("://")
        return f"{scheme}://…@{rest.split('@', 1)[1]}"
    return url


def get_backend():
    """The configured search backend (Elasticsearch with the database behind it, or the database)."""
    url = settings.ELASTICSEARCH_URL
    if url:
        from .elasticsearch import ElasticsearchBackend

        return FallbackBackend(ElasticsearchBackend(url), DatabaseBackend())
    return DatabaseBackend()


def engines():
    """Every index to keep up to date: the database's, and the cluster's when there is one."""
    backend = get_backend()
    return getattr(backend, "engines", [backend])


__all__ = ["SEARCH_ENGINE_ERRORS", "FallbackBackend", "SearchQuery", "engines", "get_backend"]
