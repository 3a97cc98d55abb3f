"""Putting objects into the index, and taking them out: one object at a time, or everything."""

import logging

from pages.cache import forget_groups

from .backends import SEARCH_ENGINE_ERRORS, engines, get_backend
from .registry import adapters, items_of

logger = logging.getLogger("search")

# Cached pages that show search results: dropped once the index holds a change (after each write
# and each rebuild), since a copy rendered before would keep the old results.
SHOWING_RESULTS = ("search", "catalogue")


def index_object(model_label, pk):
    """Bring the index in line with one object, in every engine."""
    kind, items = items_of(model_label, pk)
    if kind is None:
        return 0
    get_backend().replace(kind, str(pk), items)
    return len(items)


def count_objects():
    return sum(adapter.queryset().count() for adapter in adapters())


def all_items(seen=None):
    """Every item of every registered kind, streamed; `seen()` is called after each object."""
    for adapter in adapters():
        for obj in adapter.queryset().iterator(chunk_size=500):
            yield from adapter.items(obj)
            if seen:
                seen()


def rebuild():
    """Rebuild every index from scratch; returns {engine name: items indexed}.

    A cluster that cannot be reached is logged and skipped: the database index is still built.
    """
    done = {}
    for engine in engines():
        try:
            done[engine.name] = engine.rebuild(all_items())
        except SEARCH_ENGINE_ERRORS as error:
            logger.error("Could not rebuild the %s index: %s", engine.name, error)
    # Pages showing results were kept while the old index answered.
    forget_groups(*SHOWING_RESULTS)
    return done
