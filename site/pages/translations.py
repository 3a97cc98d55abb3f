"""A page's translations follow it when it is made private or unpublished, so private content
never stays public in another language.

Only the *source* page is followed: the page in the language wagtail-localize translates it from
or, for a page never sent through wagtail-localize, the one in the default language (failing
that, the oldest). A translation's own privacy or unpublishing stays its own: an editor may
withdraw a bad translation, or restrict one language, without touching the others.

The signals below are the one mechanism, whatever made the change (the admin's privacy dialog,
its unpublish and bulk unpublish, a scheduled expiry, code). What happens to a translation is an
ordinary change of that page, so the change event (changes.py) records it like any other. Each
action is remembered for the admin to tell the editor (wagtail_hooks.py).

A translation is *out of date* when its source was published after the translation last took the
source's content (for wagtail-localize, the older of its last sync and its last save; for a page
copied by hand, its own last publishing). The admin shows it (wagtail_hooks.py,
templatetags/translation_tags.py) and offers the sync after the source is published.

A page points at pages in its own language: the pages chosen in its relations (a village's crafts,
a craftsperson's craft…) are replaced by their translations in the page's locale when it is saved,
which is how wagtail-localize's copy of the source's choices ends up local too.

Facts the same in every language (wagtail-localize's synchronised fields of our page models: a
village's households, position, year recognised…) are copied to the translations when the source
is published, as a revision of their own logged as `pages.facts_synchronised` (published where the
translation was live without a draft); that copy does not bring a translation's words up to date.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db.models import ForeignKey, Max
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from django.utils.translation import get_language_info

from modelcluster.fields import ParentalManyToManyField
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, Page, PageLogEntry, PageViewRestriction
from wagtail.signals import page_published, page_unpublished
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from .text import listed

# Set while an action is applied to translations: what that does is never followed in turn.
_applying = contextvars.ContextVar("pages_applying_to_translations", default=False)
# Pages being deleted: their restrictions go with them, which must not make translations public.
_deleting = contextvars.ContextVar("pages_being_deleted", default=frozenset())
# {(translation key, locale id) of a source page: translations just unpublished}, read once by the
# admin's message (a deleted page has lost its id by then).
_unpublished = contextvars.ContextVar("pages_translations_unpublished", default=None)
# {(translation key, locale id) of a source page: (the page, its translations out of date)}, noted
# when the source is published and told once at the end of the request (middleware.py).
_published = contextvars.ContextVar("pages_published_with_stale_translations", default=None)
_REMEMBERED = 100


def source_of(page):
    """The page of `page`'s translations (itself included) that the others follow."""
    pages = list(_translations(page, inclusive=True))
    if not pages:
        return page
    translated_from = set(
        TranslationSource.objects.filter(object_id=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    default = Locale.get_default().pk
    return min(
        pages, key=lambda p: (p.locale_id not in translated_from, p.locale_id != default, p.pk)
    )


def followers(page):
    """The translations that follow `page`: none unless it is the source."""
    translations = list(_translations(page))
    if not translations or source_of(page).pk != page.pk:
        return []
    return translations


def _translations(page, inclusive=False):
    # Aliases have no privacy of their own (Wagtail reads their original's) and are unpublished
    # with it.
    pages = Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
    if not inclusive:
        pages = pages.exclude(pk=page.pk)
    return pages.select_related("locale").order_by("pk")


def language_names(pages):
    """The pages' languages, named in the active language, as a list in a sentence."""
    names = [str(get_language_info(page.locale.language_code)["name_translated"]) for page in pages]
    return listed(names)


@contextmanager
def _applying_to_translations():
    token = _applying.set(True)
    try:
        yield
    finally:
        _applying.reset(token)


# --- Unpublishing -----------------------------------------------------------------------------


def _page_unpublished(sender, instance, **kwargs):
    if _applying.get():
        return
    live = [page for page in followers(instance) if page.live]
    if not live:
        return
    with _applying_to_translations():
        for translation in live:
            # Logged under the editor who unpublished the source (Wagtail's log context).
            UnpublishPageAction(translation.specific).execute(skip_permission_checks=True)
    _remember(_unpublished, _key(instance), live)


def translations_unpublished_with(page):
    """The translations unpublished just now because `page` was (or was deleted), told once."""
    return _recall(_unpublished, _key(page), [])


def _key(page):
    return (page.translation_key, page.locale_id)


def _remember(var, key, value):
    remembered = dict(var.get() or {})
    if len(remembered) >= _REMEMBERED:  # never read outside the admin: forget the oldest
        remembered.pop(next(iter(remembered)))
    remembered[key] = value
    var.set(remembered)


def _recall(var, key, default):
    remembered = dict(var.get() or {})
    value = remembered.pop(key, default)
    var.set(remembered)
    return value


# --- Out of date ------------------------------------------------------------------------------


@dataclass
class TranslationState:
    """What the admin says of a page's translations."""

    page: Page
    source: Page  # the page it follows (itself, for a source)
    out_of_date: bool = False  # a translation whose source was published since it was updated
    stale: list = field(default_factory=list)  # a source's translations that are out of date
    managed: Translation | None = None  # wagtail-localize's record, for a translation it keeps

    @property
    def is_translation(self):
        return self.source.pk != self.page.pk

    @property
    def sync_url(self):
        """wagtail-localize's "Sync translated pages" of the source, where it keeps them."""
        key = self.source.translation_key
        source = TranslationSource.objects.filter(
            object_id=key, locale_id=self.source.locale_id, translations__enabled=True
        ).first()
        if source is None:
            return None
        return reverse("wagtail_localize:update_translations", args=[source.pk])


_PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def translation_state(page):
    """Whether `page` is an out-of-date translation, or a source with out-of-date translations."""
    return translation_states([page])[page.pk]


def translation_states(pages):
    """{page id: TranslationState} for `pages`, in five queries however many pages and languages
    (a page list asks for a whole listing at once)."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    family = {}
    for member in (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .select_related("locale")
        .order_by("pk")
    ):
        family.setdefault(member.translation_key, []).append(member)
    sources = list(TranslationSource.objects.filter(object_id__in=keys))
    managed = {}  # (key, source locale, target locale): wagtail-localize's record
    for translation in (
        Translation.objects.filter(source__in=sources, enabled=True)
        .select_related("source")
        .order_by("-pk")  # the first made wins, as .first() would give
    ):
        source = translation.source
        managed[(source.object_id, source.locale_id, translation.target_locale_id)] = translation
    saved = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source__in=sources)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    published = {
        row["page_id"]: row["last"]
        for row in PageLogEntry.objects.filter(
            page_id__in=[member.pk for members in family.values() for member in members],
            action__in=_PUBLISH_ACTIONS,
        )
        .values("page_id")
        .annotate(last=Max("timestamp"))
    }
    translated_from = {}
    for source in sources:
        translated_from.setdefault(source.object_id, set()).add(source.locale_id)
    default = Locale.get_default().pk

    def updated_at(translation, source):
        """When `translation` last took the content of `source` (None: never)."""
        record = managed.get((translation.translation_key, source.locale_id, translation.locale_id))
        if record is not None:
            # A sync that was not saved into the page, or a save of an older sync, is not enough.
            last_saved = saved.get((record.source_id, translation.locale_id))
            return min(filter(None, [record.source.last_updated_at, last_saved]))
        return (
            published.get(translation.pk)
            or translation.last_published_at
            or translation.latest_revision_created_at
        )

    def is_out_of_date(translation, source):
        if not source.live or source.last_published_at is None:
            return False
        updated = updated_at(translation, source)
        return updated is None or source.last_published_at > updated

    states = {}
    for page in pages:
        members = family.get(page.translation_key) or [page]
        origins = translated_from.get(page.translation_key, set())
        source = min(
            members, key=lambda p: (p.locale_id not in origins, p.locale_id != default, p.pk)
        )
        if source.pk == page.pk:
            source = page  # as the caller has it (just published, say)
        if source.pk != page.pk:
            states[page.pk] = TranslationState(
                page,
                source,
                out_of_date=is_out_of_date(page, source),
                managed=managed.get((page.translation_key, source.locale_id, page.locale_id)),
            )
        else:
            stale = [
                member
                for member in members
                if member.pk != page.pk and is_out_of_date(member, source)
            ]
            states[page.pk] = TranslationState(page, page, stale=stale)
    return states


def _page_published(sender, instance, **kwargs):
    if _applying.get() or source_of(instance).pk != instance.pk:
        return
    synchronise_facts(instance.specific)
    stale = translation_state(instance).stale
    if stale:
        _remember(_published, _key(instance), (instance, stale))


def published_with_stale_translations():
    """[(page, its translations out of date)] for each source published since the last call."""
    remembered = _published.get() or {}
    _published.set(None)
    return list(remembered.values())


# --- Facts the same in every language ---------------------------------------------------------

FACTS_SYNCHRONISED = "pages.facts_synchronised"


def facts(model):
    """The fields of our page model that wagtail-localize copies from the source, not translates."""
    for translatable in get_translatable_fields(model):
        if not isinstance(translatable, SynchronizedField):
            continue
        model_field = translatable.get_field(model)
        if getattr(model_field, "model", Page) is not Page and (
            model_field.concrete or isinstance(model_field, ParentalManyToManyField)
        ):
            yield model_field


def _chooses_pages(model_field):
    return isinstance(model_field.related_model, type) and issubclass(
        model_field.related_model, Page
    )


def _value(page, model_field):
    if isinstance(model_field, ParentalManyToManyField):
        chosen = getattr(page, model_field.name).all()
        if _chooses_pages(model_field):
            chosen = local_pages(chosen, page.locale_id)
        return sorted(item.pk for item in chosen)
    return getattr(page, model_field.attname)


def synchronise_facts(source):
    """Copy `source`'s facts into each translation that follows it, where they differ."""
    model_fields = list(facts(type(source)))
    if not model_fields:
        return
    for translation in followers(source):
        translation = translation.specific
        if type(translation) is not type(source):
            continue
        publish = translation.live and not translation.has_unpublished_changes
        latest = translation.get_latest_revision_as_object()  # itself, without a draft
        latest.locale_id = translation.locale_id
        changed = [f for f in model_fields if _value(latest, f) != _value(source, f)]
        if not changed:
            continue
        for model_field in changed:
            if isinstance(model_field, ParentalManyToManyField):
                chosen = getattr(source, model_field.name).all()
                if _chooses_pages(model_field):
                    chosen = local_pages(chosen, translation.locale_id)
                setattr(latest, model_field.name, chosen)
            else:
                setattr(latest, model_field.attname, getattr(source, model_field.attname))
        with _applying_to_translations():
            revision = latest.save_revision(clean=False, log_action=FACTS_SYNCHRONISED)
            if publish:
                revision.publish(log_action=FACTS_SYNCHRONISED)


# --- Choices in the page's own language -------------------------------------------------------


def page_relations(model):
    """The fields of a page model, besides Page's own, that choose other pages."""
    for model_field in model._meta.get_fields():
        if (
            isinstance(model_field, ForeignKey | ParentalManyToManyField)
            and model_field.model is not Page
            and isinstance(model_field.related_model, type)
            and issubclass(model_field.related_model, Page)
        ):
            yield model_field


def local_pages(pages, locale_id):
    """Each page's translation in `locale_id`, or the page itself where there is none."""
    pages = list(pages)
    elsewhere = [page for page in pages if page.locale_id != locale_id]
    if not elsewhere:
        return pages
    model = type(elsewhere[0])
    found = {
        page.translation_key: page
        for page in model._default_manager.filter(
            translation_key__in=[page.translation_key for page in elsewhere], locale_id=locale_id
        )
    }
    return [
        page if page.locale_id == locale_id else found.get(page.translation_key, page)
        for page in pages
    ]


def _choose_local_pages(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or instance.locale_id is None:
        return
    for relation in page_relations(type(instance)):
        if isinstance(relation, ParentalManyToManyField):
            chosen = list(getattr(instance, relation.name).all())
            local = local_pages(chosen, instance.locale_id)
            if [page.pk for page in local] != [page.pk for page in chosen]:
                setattr(instance, relation.name, local)
        elif getattr(instance, relation.attname) is not None:
            chosen = getattr(instance, relation.name)
            local = local_pages([chosen], instance.locale_id)[0]
            if local.pk != chosen.pk:
                setattr(instance, relation.name, local)


# --- Privacy ----------------------------------------------------------------------------------


def follow_privacy(page):
    """Give each translation that follows `page` the restrictions set on `page` itself."""
    if _applying.get() or page.pk in _deleting.get():
        return
    translations = followers(page)
    if not translations:
        return
    wanted = [
        (restriction, set(restriction.groups.values_list("pk", flat=True)))
        for restriction in PageViewRestriction.objects.filter(page=page).order_by("pk")
    ]
    with _applying_to_translations():
        for translation in translations:
            _restrict_like(translation, wanted)


def _restrict_like(page, wanted):
    own = list(PageViewRestriction.objects.filter(page=page).order_by("pk"))
    for index, (source, groups) in enumerate(wanted):
        restriction = own[index] if index < len(own) else PageViewRestriction(page=page)
        if (
            restriction.pk is None
            or restriction.restriction_type != source.restriction_type
            or restriction.password != source.password
        ):
            restriction.restriction_type = source.restriction_type
            restriction.password = source.password
            restriction.save()
        if set(restriction.groups.values_list("pk", flat=True)) != groups:
            restriction.groups.set(groups)
    for extra in own[len(wanted) :]:
        extra.delete()


def _restriction_saved(sender, instance, **kwargs):
    follow_privacy(instance.page)


def _restriction_deleted(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        follow_privacy(page)


def _restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # Wagtail's privacy dialog saves a restriction, then its groups: both are followed.
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        follow_privacy(instance.page)
        return
    if pk_set is None:  # a group's restrictions cleared: which ones is no longer known
        return
    for restriction in PageViewRestriction.objects.filter(pk__in=pk_set).select_related("page"):
        follow_privacy(restriction.page)


def _page_deleting(sender, instance, **kwargs):
    _deleting.set(_deleting.get() | {instance.pk})


def _page_deleted(sender, instance, **kwargs):
    # Sent for Page's own row, which goes after its restrictions and its subclass's row.
    _deleting.set(_deleting.get() - {instance.pk})


def connect():
    page_unpublished.connect(_page_unpublished, dispatch_uid="translations-follow-unpublished")
    page_published.connect(_page_published, dispatch_uid="translations-out-of-date")
    pre_save.connect(_choose_local_pages, dispatch_uid="translations-choose-local-pages")
    uid = "translations-follow-privacy"
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(_restriction_deleted, sender=PageViewRestriction, dispatch_uid=uid)
    m2m_changed.connect(
        _restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=uid
    )
    pre_delete.connect(_page_deleting, sender=Page, dispatch_uid="translations-page-deleting")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="translations-page-deleted")
