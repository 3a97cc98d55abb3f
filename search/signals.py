"""Keep the index true: the search app's subscriber of the change event (pages/changes.py)."""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver

from wagtail.models import Page

from pages.changes import changed_objects, content_changed, register

from .models import Synonym
from .registry import adapter_for_model

logger = logging.getLogger("search")

# The database reads synonyms as it searches; Elasticsearch keeps them in its index settings.
register(Synonym)


@receiver(content_changed, dispatch_uid="search-index")
def update_what_changed(sender, changes, **kwargs):
    """Re-index every searchable object the changes touch (off in tests unless a test asks)."""
    if not settings.SEARCH_INDEX_UPDATES:
        return
    rebuild = False
    queued = set()
    for obj in changed_objects(changes):
        if isinstance(obj, Synonym):
            rebuild = True
        elif adapter_for_model(type(obj)) is not None:
            for label, pk in [(obj._meta.label_lower, obj.pk), *translations_of(obj)]:
                if (label, pk) not in queued:
                    queued.add((label, pk))
                    enqueue(label, pk)
    if rebuild and settings.ELASTICSEARCH_URL:
        enqueue_cluster_rebuild()


def translations_of(obj):
    """A page's translations, as (model label, pk): each is found by the others' names, and the
    first stands in for the languages not translated into (search.registry.PageAdapter)."""
    if not isinstance(obj, Page) or not obj.translation_key:
        return []
    siblings = Page.objects.filter(translation_key=obj.translation_key).exclude(pk=obj.pk)
    found = []
    for pk, content_type_id in siblings.values_list("pk", "content_type_id"):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            found.append((model._meta.label_lower, pk))
    return found


def enqueue(label, pk):
    from .tasks import update_index  # tasks import the backends, which import this app's models

    try:
        update_index.enqueue(label, pk)
    except Exception:  # noqa: BLE001 - saving content must never fail because of search
        logger.exception("Could not queue the search index update of %s %s", label, pk)


def enqueue_cluster_rebuild():
    from .tasks import rebuild_cluster_index  # as above

    try:
        rebuild_cluster_index.enqueue()
    except Exception:  # noqa: BLE001 - editing synonyms must not fail because of search
        logger.exception("Could not queue the rebuild of the Elasticsearch index")
