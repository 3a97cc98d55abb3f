"""Index updates, run off the request path by Django's tasks framework (django-tasks).

In development the immediate backend runs them at once, after the commit; in production a
worker does.
"""

from django_tasks import task

from pages.cache import forget_groups

from .indexing import SHOWING_RESULTS, index_object, logger


@task()
def update_index(model_label, pk):
    """Index one object as it is now, or remove it if it is gone or no longer public."""
    try:
        indexed = index_object(model_label, pk)
    except Exception:
        # The immediate backend records a failure silently: say it in the log as well.
        logger.exception("Could not update the search index for %s %s", model_label, pk)
        raise
    forget_groups(*SHOWING_RESULTS)
    return indexed


@task()
def rebuild_cluster_index():
    """Rebuild Elasticsearch's index (its synonyms live in the index settings)."""
    from .backends import SEARCH_ENGINE_ERRORS, engines
    from .indexing import all_items

    for engine in engines():
        if engine.name == "elasticsearch":
            try:
                engine.rebuild(all_items())
            except SEARCH_ENGINE_ERRORS as error:
                logger.error("Could not rebuild the Elasticsearch index: %s", error)
            else:
                forget_groups(*SHOWING_RESULTS)
