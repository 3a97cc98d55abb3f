"""An experience's sessions changed by its producer, outside the Wagtail editor: at once, and for
good.

Wagtail publishes a page from a revision's content and deletes the session rows that content
lacks, so a change written only to the live rows would be undone by the next publish. Each change
is therefore made, in one transaction with the page locked:

1. to the live rows, which visitors see and tickets are sold from;
2. then, when nothing waits to be published, to a new revision saved by the producer and published
   at once (publishing updates the tickets' stock, and the page's history shows who did it);
3. otherwise (an editor's draft, a workflow or a scheduled publication is pending), to a new draft
   revision on top of the editor's, and to the scheduled revision in place, so that publishing
   them later keeps the change while the rest of the draft stays unpublished; the tickets are
   synced directly.

A session keeps its row's id in every revision, so publishing one updates that row rather than
replacing it and its ticket (with its bookings). Cached copies of the page, in every language, are
dropped once the change is committed.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from oscar.core.loading import get_model

from pages import changes

from .booking import seats_taken, sync_session_products, ticket_product
from .models import ExperiencePage, ExperienceSession

StockRecord = get_model("partner", "StockRecord")


class SessionRefused(Exception):
    """A change that would lose bookings or repeat a session; `field` names the form field."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


@transaction.atomic
def add_session(page, user, starts_at, seats):
    """A new session of `page` (the page holding the sessions), live at once if the page is."""
    page = _locked(page.pk)
    _refuse_twin(page, starts_at)
    last = ExperienceSession.objects.filter(experience=page).aggregate(last=Max("sort_order"))
    session = ExperienceSession.objects.create(
        experience=page,
        starts_at=starts_at,
        seats=seats,
        sort_order=0 if last["last"] is None else last["last"] + 1,
    )
    _carry(page, user, session=session)
    return session


@transaction.atomic
def change_session(session, user, starts_at, seats):
    """Move a session or change its seats, never below the seats already booked."""
    page = _locked(session.experience_id)
    session = ExperienceSession.objects.select_related("product").get(pk=session.pk)
    booked = _booked(page, session)
    if seats < booked:
        raise SessionRefused(
            ngettext(
                "%(booked)d seat of this session is already booked: it cannot have fewer seats.",
                "%(booked)d seats of this session are already booked: it cannot have fewer seats.",
                booked,
            )
            % {"booked": booked},
            field="seats",
        )
    _refuse_twin(page, starts_at, other_than=session)
    session.starts_at, session.seats = starts_at, seats
    session.save(update_fields=["starts_at", "seats"])
    _carry(page, user, session=session)
    return session


@transaction.atomic
def cancel_session(session, user):
    """Remove a session nobody has booked."""
    page = _locked(session.experience_id)
    session = ExperienceSession.objects.select_related("product").get(pk=session.pk)
    booked = _booked(page, session)
    if booked:
        raise SessionRefused(
            ngettext(
                "%(booked)d seat of this session is booked, so it cannot be cancelled.",
                "%(booked)d seats of this session are booked, so it cannot be cancelled.",
                booked,
            )
            % {"booked": booked}
        )
    removed = session.pk
    session.delete()
    _carry(page, user, removed=removed)


def _locked(page_pk):
    return ExperiencePage.objects.select_for_update().get(pk=page_pk)


def _booked(page, session):
    """Seats booked in `session`, its ticket's stock row locked so that no booking slips in."""
    product = ticket_product(page, session)
    if product is None:
        return 0
    list(StockRecord.objects.select_for_update().filter(product=product))
    return seats_taken(product)


def _refuse_twin(page, starts_at, other_than=None):
    twins = ExperienceSession.objects.filter(experience=page, starts_at=starts_at)
    if other_than is not None:
        twins = twins.exclude(pk=other_than.pk)
    if twins.exists():
        raise SessionRefused(_("There is already a session at this time."), field="time")


def _carry(page, user, session=None, removed=None):
    """Put the change already made to the live rows into the revisions (see the module's doc)."""
    # The live rows changed without a publish: the page (and its translations) changed.
    changes.record(page)
    if page.live and not page.has_unpublished_changes and not page.workflow_in_progress:
        # The latest revision is the live page itself, whose rows already hold the change.
        revision = page.save_revision(user=user, log_action=True, clean=False)
        # The view checked that the page is the producer's; producers have no CMS permissions.
        revision.publish(user=user, skip_permission_checks=True)
        return
    if page.live:
        sync_session_products(page)
    if session is not None:
        session.refresh_from_db(fields=["product"])
    draft = page.get_latest_revision_as_object()
    _apply(draft, session, removed)
    # An editor's draft need not be complete yet: it is not validated here, as in the editor.
    revision = draft.save_revision(user=user, log_action=True, clean=False)
    scheduled = page.revisions.filter(approved_go_live_at__isnull=False).exclude(pk=revision.pk)
    for pending in scheduled:
        content = pending.as_object()
        _apply(content, session, removed)
        pending.content = content.serializable_data()
        pending.save(update_fields=["content"])


def _apply(target, session, removed):
    """Make `target` (a page built from a revision) hold the session as the live row does."""
    if removed is not None:
        target.sessions.remove(ExperienceSession(pk=removed))
        return
    current = {item.pk: item for item in target.sessions.all()}
    item = current.get(session.pk) or ExperienceSession(
        pk=session.pk, sort_order=session.sort_order
    )
    item.starts_at, item.seats, item.product_id = (
        session.starts_at,
        session.seats,
        session.product_id,
    )
    target.sessions.add(item)
