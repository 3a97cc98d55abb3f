"""Keep the index true: after each commit that publishes, unpublishes, deletes or changes an item."""

import logging
from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import Synonym
from .registry import adapter_for_model, adapters

logger = logging.getLogger("search")


def schedule(model, pk):
    """Queue a re-index of one object once the current transaction commits."""
    label = model._meta.label_lower
    if settings.SEARCH_UPDATE_AFTER_COMMIT:
        transaction.on_commit(partial(enqueue, label, pk))
    else:
        enqueue(label, pk)


def enqueue(label, pk):
    from .tasks import update_index

    try:
        update_index.enqueue(label, pk)
    except Exception:  # noqa: BLE001 - saving content must never fail because of search
        logger.exception("Could not queue the search index update of %s %s", label, pk)


def item_changed(sender, instance, **kwargs):
    if adapter_for_model(type(instance)) is not None:
        schedule(type(instance), instance.pk)


def page_tree_changed(sender, instance, **kwargs):
    """A move, a new slug or new privacy settings change the page and every page below it."""
    page = getattr(instance, "page", instance)
    searchable = {adapter.get_model() for adapter in adapters()}
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        if type(descendant) in searchable:
            schedule(type(descendant), descendant.pk)


def watched_changed(adapter, pks_of, sender, instance, **kwargs):
    for pk in pks_of(instance):
        if pk is not None:
            schedule(adapter.get_model(), pk)


def order_placed(sender, order, **kwargs):
    """Checkout allocates stock with a plain UPDATE (no save signal): re-check what was bought."""
    try:
        product_ids = {line.product_id for line in order.lines.all() if line.product_id}
    except Exception:  # noqa: BLE001 - an order must never fail because of search
        logger.exception("Could not list the products of order %s for the search index", order)
        return
    for pk in product_ids:
        schedule(apps.get_model("catalogue", "Product"), pk)


def synonyms_changed(sender, instance, **kwargs):
    """The database reads synonyms as it searches; Elasticsearch needs its index rebuilt."""
    if settings.ELASTICSEARCH_URL:
        transaction.on_commit(enqueue_cluster_rebuild)


def enqueue_cluster_rebuild():
    from .tasks import rebuild_cluster_index

    try:
        rebuild_cluster_index.enqueue()
    except Exception:  # noqa: BLE001 - editing synonyms must not fail because of search
        logger.exception("Could not queue the rebuild of the Elasticsearch index")


def connect():
    from oscar.apps.order.signals import order_placed as oscar_order_placed

    oscar_order_placed.connect(order_placed, dispatch_uid="search_order_placed")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(synonyms_changed, sender=Synonym, dispatch_uid=f"search_synonyms_{name}")
    page_published.connect(item_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(item_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(page_tree_changed, dispatch_uid="search_page_moved")
    page_slug_changed.connect(page_tree_changed, dispatch_uid="search_page_slug_changed")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            page_tree_changed, sender=PageViewRestriction, dispatch_uid=f"search_privacy_{name}"
        )
    for adapter in adapters():
        model = adapter.get_model()
        post_delete.connect(item_changed, sender=model, dispatch_uid=f"search_delete_{model}")
        if not issubclass(model, Page):
            # Pages count when published, not when a draft is saved.
            post_save.connect(item_changed, sender=model, dispatch_uid=f"search_save_{model}")
        for label, pks_of in adapter.watch.items():
            watched = apps.get_model(label)
            handler = partial(watched_changed, adapter, pks_of)
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(
                    handler,
                    sender=watched,
                    weak=False,
                    dispatch_uid=f"search_{name}_{adapter.kind}_{label}",
                )
