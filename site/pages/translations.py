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
"""

import contextvars
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils.translation import get_language_info, pgettext

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_unpublished
from wagtail_localize.models import TranslationSource

# Set while an action is applied to translations: what that does is never followed in turn.
_applying = contextvars.ContextVar("pages_applying_to_translations", default=False)
# Pages being deleted: their restrictions go with them, which must not make translations public.
_deleting = contextvars.ContextVar("pages_being_deleted", default=frozenset())
# {(translation key, locale id) of a source page: translations just unpublished}, read once by the
# admin's message (a deleted page has lost its id by then).
_unpublished = contextvars.ContextVar("pages_translations_unpublished", default=None)
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
    return pgettext("between the items of a list", ", ").join(names)


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
    remembered = dict(_unpublished.get() or {})
    if len(remembered) >= _REMEMBERED:  # never read outside the admin: forget the oldest
        remembered.pop(next(iter(remembered)))
    remembered[_key(instance)] = live
    _unpublished.set(remembered)


def translations_unpublished_with(page):
    """The translations unpublished just now because `page` was (or was deleted), told once."""
    remembered = dict(_unpublished.get() or {})
    translations = remembered.pop(_key(page), [])
    _unpublished.set(remembered)
    return translations


def _key(page):
    return (page.translation_key, page.locale_id)


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
    uid = "translations-follow-privacy"
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(_restriction_deleted, sender=PageViewRestriction, dispatch_uid=uid)
    m2m_changed.connect(
        _restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=uid
    )
    pre_delete.connect(_page_deleting, sender=Page, dispatch_uid="translations-page-deleting")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="translations-page-deleted")
