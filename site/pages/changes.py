"""One change event: what changed in a transaction, sent once as `content_changed` when it commits.

Apps say once, per model, what a change of one of its objects touches (`register`):

- `part_of(objects)`: the larger objects these are pieces of, whose change this also is (a stock
  record is part of its product; a category's name is part of each of its products' documents);
- `shown_at(objects)`: the addresses (`Shown.paths`) and groups of addresses (`Shown.groups`, such as
  "catalogue" for every shop listing) whose pages show them.

A rule registered for a class applies to its subclasses too, added to theirs: every Wagtail page has
the rule `pages` gives `Page`, and villages adds the map. The page cache and the search index both
subscribe to `content_changed`; neither keeps a map of its own.

A *structural* change (a page moved, renamed, deleted, or its privacy changed) can change any
address and any menu: subscribers treat it as touching the page and everything below it.

Nothing is sent for a transaction that rolls back. Outside a transaction, or with
CONTENT_CHANGES_AFTER_COMMIT off (the test suite, whose transactions never commit), the event is sent
as soon as the change is recorded.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

# Sent once per committed transaction that changed anything: `changes`, a tuple of `Change`.
content_changed = Signal()


@dataclass(frozen=True)
class Change:
    instance: object
    structural: bool = False

    @property
    def key(self):
        return (self.instance._meta.label_lower, self.instance.pk)


@dataclass
class Shown:
    """Where objects show: page addresses, and groups of addresses (see pages/cache.py)."""

    paths: set = field(default_factory=set)
    groups: set = field(default_factory=set)

    def add(self, other):
        if other is not None:
            self.paths |= set(other.paths)
            self.groups |= set(other.groups)
        return self


@dataclass(frozen=True)
class Rule:
    part_of: object = None
    shown_at: object = None


_rules = {}


def register(model, *, part_of=None, shown_at=None):
    """Say what a change of `model` touches; each function takes a list of its objects."""
    _rules.setdefault(model, []).append(Rule(part_of=part_of, shown_at=shown_at))
    if not issubclass(model, Page):
        # Pages change when published or moved, not when a draft is saved (connected below).
        uid = f"content-changes-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_saved, sender=model, dispatch_uid=uid + "-deleted", weak=False)


def rules_for(model):
    return [rule for cls in model.__mro__ for rule in _rules.get(cls, ())]


# --- Recording ---------------------------------------------------------------------------------


def record(instance, *, structural=False):
    """Note that `instance` changed; the event goes out when the current transaction commits."""
    if isinstance(instance, Page):
        instance = instance.specific_deferred
    change = Change(instance, structural)
    connection = transaction.get_connection()
    if not settings.CONTENT_CHANGES_AFTER_COMMIT or not connection.in_atomic_block:
        _send([change])
        return
    batch = getattr(connection, "content_changes", None)
    queued = any(
        getattr(callback, "__self__", None) is batch
        for _sids, callback, _robust in connection.run_on_commit
    )
    if batch is None or batch.sent or not queued:
        # The first change of this transaction (an earlier batch was sent or rolled back).
        batch = _Batch()
        connection.content_changes = batch
        transaction.on_commit(batch.send, robust=True)
    batch.changes.append(change)


class _Batch:
    """The changes of one transaction, sent once by its on-commit callback."""

    def __init__(self):
        self.changes = []
        self.sent = False

    def send(self):
        self.sent = True
        _send(self.changes)


def _send(changes):
    unique = {}
    for change in changes:
        known = unique.get(change.key)
        if known is None or (change.structural and not known.structural):
            unique[change.key] = change
    if unique:
        content_changed.send(sender=Change, changes=tuple(unique.values()))


# --- What a set of changes touches: for the subscribers -----------------------------------------


def changed_objects(changes):
    """Every object the changes touch: each changed one, what it is part of (transitively) and,
    for a structural change of a page, every page below it."""
    found = {}
    todo = [change.instance for change in changes]
    for change in changes:
        if change.structural and isinstance(change.instance, Page) and change.instance.pk:
            todo += list(Page.objects.descendant_of(change.instance).specific())
    while todo:
        fresh = [obj for obj in todo if _key(obj) not in found]
        found.update((_key(obj), obj) for obj in fresh)
        todo = []
        for model, objects in _by_model(fresh).items():
            for rule in rules_for(model):
                if rule.part_of is not None:
                    todo += _safely(rule.part_of, objects) or []
    return list(found.values())


def shown_at(changes):
    """Every address and group the changes show on."""
    shown = Shown()
    if any(change.structural for change in changes):
        shown.groups.add("tree")
    for model, objects in _by_model(changed_objects(changes)).items():
        for rule in rules_for(model):
            if rule.shown_at is not None:
                shown.add(_safely(rule.shown_at, objects))
    return shown


def _key(obj):
    return (obj._meta.label_lower, obj.pk)


def _by_model(objects):
    grouped = {}
    for obj in objects:
        grouped.setdefault(type(obj), []).append(obj)
    return grouped


def _safely(function, objects):
    # A deleted object's relations may be gone with it: what cannot be found is not shown anywhere.
    try:
        return function(objects)
    except ObjectDoesNotExist:
        return None


# --- The rule every page has ----------------------------------------------------------------


def page_path(page):
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _pages_showing(pages):
    """The pages, their translations (they show what only the source page holds, such as an
    experience's sessions), the index pages and home above them, and the pages that refer to them."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = [str(page.pk) for page in pages if page.pk]
    referring = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id__in=ids, base_content_type=page_type
    ).values_list("object_id", flat=True)
    showing = list(pages)
    showing += Page.objects.filter(pk__in=[int(pk) for pk in referring if pk.isdigit()])
    keys = {page.translation_key for page in pages}
    showing += Page.objects.filter(translation_key__in=keys).exclude(pk__in=[p.pk for p in pages])
    for page in pages:
        if page.pk and page.path:
            showing += page.get_ancestors().filter(depth__gt=1)
    return Shown(paths={page_path(page) for page in showing} - {None}, groups={"search", "pages"})


# --- Signals that feed the record --------------------------------------------------------------


def _saved(sender, instance, created=False, **kwargs):
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        # Settings are made with their defaults the first time a page reads them: what pages
        # showed (those defaults) has not changed.
        return
    # A page's privacy changes every page below it; other objects change on their own.
    record(instance, structural=isinstance(instance, PageViewRestriction))


def _page_changed(sender, instance, **kwargs):
    record(instance)


def _page_moved_or_renamed(sender, instance, **kwargs):
    record(instance, structural=True)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        record(instance, structural=True)


def connect():
    register(Page, shown_at=_pages_showing)
    register(
        PageViewRestriction,
        part_of=lambda restrictions: [restriction.page for restriction in restrictions],
    )
    page_published.connect(_page_changed, dispatch_uid="content-changes-published")
    page_unpublished.connect(_page_changed, dispatch_uid="content-changes-unpublished")
    post_page_move.connect(_page_moved_or_renamed, dispatch_uid="content-changes-moved")
    page_slug_changed.connect(_page_moved_or_renamed, dispatch_uid="content-changes-renamed")
    post_delete.connect(_page_deleted, dispatch_uid="content-changes-page-deleted")
