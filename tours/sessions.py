"""An experience's sessions changed by an editor or its host: rows of their own, changed at once.

Each change is made in one transaction with the page locked (and the session's ticket stock when
it has bookings), then its ticket is brought up to date when the page is live; cached copies of
the page, in every language, are dropped once the change is committed.
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
    """A new session of `page` (the page holding the sessions), on sale at once if the page is live."""
    page = _locked(page.pk)
    _refuse_twin(page, starts_at)
    last = ExperienceSession.objects.filter(experience=page).aggregate(last=Max("sort_order"))
    session = ExperienceSession.objects.create(
        experience=page,
        starts_at=starts_at,
        seats=seats,
        sort_order=0 if last["last"] is None else last["last"] + 1,
    )
    _changed(page)
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
    _changed(page)
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
    session.delete()
    _changed(page)


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


def _changed(page):
    # The page shows its sessions: it (and its translations) changed without a publish.
    changes.record(page)
    if page.live:
        sync_session_products(page)
