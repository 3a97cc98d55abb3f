"""A producer keeps the sessions of its own craft experiences current from its phone: at once on
the experience page and its tickets, and still there after an editor publishes the page."""

import datetime

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import ProducerFactory
from tests.pages.factories import translate
from tests.tours.factories import in_days
from tours.models import ExperiencePage, ExperienceSession

from .factories import PASSWORD, order_of, producer_experience, producer_user

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def day_in(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def session_form(days, time, seats):
    return {"date": day_in(days).isoformat(), "time": time, "seats": str(seats)}


def fresh(page):
    return ExperiencePage.objects.get(pk=page.pk)


def sessions_of(page):
    return list(
        ExperienceSession.objects.filter(experience_id=page.pk)
        .select_related("product")
        .order_by("starts_at")
    )


def tickets_left(session):
    session = ExperienceSession.objects.select_related("product").get(pk=session.pk)
    return StockRecord.objects.get(product=session.product).net_stock_level


def book(session, seats):
    """An order for `seats` of the session, placed by a visitor."""
    session = ExperienceSession.objects.select_related("product").get(pk=session.pk)
    return order_of(session.product, quantity=seats)


def editor():
    return get_user_model().objects.create_superuser("bientap", "bientap@example.com", PASSWORD)


@pytest.fixture
def english(world_a):
    """Producer A's experience as English-speaking visitors see it (the sessions are shared)."""
    return translate(world_a["experience"], "en", title="Roll cinnamon incense")


def test_list_shows_own_experiences_with_sessions_to_come(client, world_a, world_b, english):
    dyeing = producer_experience(
        world_a["producer"],
        "Nhuộm chàm cùng nghệ nhân",
        sessions=[(in_days(-3, 9, 0), 6), (in_days(2, 14, 0), 4)],
    )
    past, coming = sessions_of(dyeing)
    book(coming, 3)
    client.force_login(world_a["user"])

    html = client.get("/en/producer/experiences/").content.decode()
    assert world_a["experience"].title in html and dyeing.title in html
    assert world_b["experience"].title not in html
    assert "Roll cinnamon incense" not in html, "only the page holding the sessions"
    assert coming.local_start.strftime("%-d/%-m/%Y") in html and "14:00" in html
    assert "4 seats · 3 booked" in html and "1 seat left" in html
    assert "8 seats · 0 booked" in html and "8 seats left" in html
    assert "09:00" not in html, "past sessions are not listed"
    assert "1 past session is not shown." in html
    assert f'href="/en/producer/experiences/sessions/{coming.pk}/"' in html
    assert f'href="/en/producer/experiences/sessions/{past.pk}/"' not in html


def test_adding_a_session_puts_it_on_sale_at_once(client, world_a, english):
    experience, user = world_a["experience"], world_a["user"]
    client.force_login(user)
    revisions = fresh(experience).revisions.count()
    response = client.post(
        f"/producer/experiences/{experience.pk}/sessions/new/", session_form(7, "09:15", 6)
    )
    assert response.status_code == 302

    added = sessions_of(experience)[-1]
    assert added.local_start.date() == day_in(7)
    assert added.local_start.strftime("%H:%M") == "09:15", "typed in Lạng Sơn time"
    assert added.starts_at.utcoffset() == datetime.timedelta(0)
    assert added.product is not None and tickets_left(added) == 6
    assert StockRecord.objects.get(product=added.product).partner == world_a["producer"]
    html = client.get(english.url).content.decode()
    assert "6 seats left" in html
    assert english.reverse_subpage("book", args=(added.pk,)) in html

    page = fresh(experience)
    assert not page.has_unpublished_changes
    assert page.revisions.count() == revisions, "a session is a row of its own, not a revision"


def test_changing_a_session_reaches_the_page_and_the_tickets(client, world_a, english):
    session = world_a["session"]
    book(session, 3)
    client.force_login(world_a["user"])
    edit = f"/producer/experiences/sessions/{session.pk}/"
    assert "3 seats are already booked" in client.get(f"/en{edit}").content.decode()

    response = client.post(edit, session_form(6, "10:00", 5))
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.local_start.date(), session.local_start.hour, session.seats) == (
        day_in(6),
        10,
        5,
    )
    assert tickets_left(session) == 2
    html = client.get(english.url).content.decode()
    assert "2 seats left" in html and "10:00" in html


def test_fewer_seats_than_booked_are_refused_and_nothing_is_lost(client, world_a):
    session = world_a["session"]
    book(session, 3)
    before = (session.starts_at, fresh(world_a["experience"]).latest_revision_id)
    client.force_login(world_a["user"])

    response = client.post(
        f"/en/producer/experiences/sessions/{session.pk}/", session_form(9, "08:00", 2)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 seats of this session are already booked: it cannot have fewer seats." in html
    assert 'value="2"' in html, "what was typed stays in the form"
    session.refresh_from_db()
    assert (session.starts_at, fresh(world_a["experience"]).latest_revision_id) == before
    assert session.seats == 8 and tickets_left(session) == 5


def test_a_session_in_the_past_or_twice_at_one_time_is_refused(client, world_a):
    experience, session = world_a["experience"], world_a["session"]
    client.force_login(world_a["user"])
    new = f"/en/producer/experiences/{experience.pk}/sessions/new/"
    response = client.post(new, session_form(-1, "08:00", 5))
    assert "Choose a day and time still to come." in response.content.decode()
    taken = session.local_start
    response = client.post(
        new,
        {"date": taken.date().isoformat(), "time": taken.strftime("%H:%M"), "seats": "5"},
    )
    assert "There is already a session at this time." in response.content.decode()
    assert len(sessions_of(experience)) == 1


def test_a_session_with_bookings_cannot_be_cancelled_and_one_without_can(client, world_a, english):
    experience, booked = world_a["experience"], world_a["session"]
    book(booked, 1)
    client.force_login(world_a["user"])
    response = client.post(f"/en/producer/experiences/sessions/{booked.pk}/cancel/", follow=True)
    assert (
        "1 seat of this session is booked, so it cannot be cancelled." in response.content.decode()
    )
    assert ExperienceSession.objects.filter(pk=booked.pk).exists()
    edit = client.get(f"/en/producer/experiences/sessions/{booked.pk}/").content.decode()
    assert "cannot be cancelled here" in edit
    assert f"/sessions/{booked.pk}/cancel/" not in edit

    client.post(
        f"/producer/experiences/{experience.pk}/sessions/new/", session_form(12, "15:30", 4)
    )
    empty = sessions_of(experience)[-1]
    assert (
        f"/sessions/{empty.pk}/cancel/"
        in client.get(f"/producer/experiences/sessions/{empty.pk}/").content.decode()
    )
    response = client.post(f"/producer/experiences/sessions/{empty.pk}/cancel/")
    assert response.status_code == 302
    assert not ExperienceSession.objects.filter(pk=empty.pk).exists()
    assert StockRecord.objects.get(product=empty.product).net_stock_level == 0
    html = client.get(english.url).content.decode()
    assert english.reverse_subpage("book", args=(empty.pk,)) not in html
    assert "15:30" not in html


def test_an_editor_publishing_later_keeps_the_producers_changes(client, world_a, english):
    experience, session = world_a["experience"], world_a["session"]
    client.force_login(world_a["user"])
    client.post(f"/producer/experiences/{experience.pk}/sessions/new/", session_form(8, "08:00", 6))
    client.post(f"/producer/experiences/sessions/{session.pk}/", session_form(5, "13:00", 7))
    kept = [(s.pk, s.starts_at, s.seats, s.product_id) for s in sessions_of(experience)]
    assert len(kept) == 2

    # An editor publishes the latest revision as it stands…
    fresh(experience).get_latest_revision().publish(user=editor())
    assert [(s.pk, s.starts_at, s.seats, s.product_id) for s in sessions_of(experience)] == kept
    # …or edits the page in Wagtail (which starts from the latest revision) and publishes.
    page = fresh(experience).get_latest_revision_as_object()
    page.introduction = "Se hương quế cùng nghệ nhân bản Nà Phiêng."
    page.save_revision(user=page.owner).publish()
    assert [(s.pk, s.starts_at, s.seats, s.product_id) for s in sessions_of(experience)] == kept
    assert [tickets_left(s) for s in sessions_of(experience)] == [7, 6]
    assert "6 seats left" in client.get(english.url).content.decode()


def test_with_an_editors_draft_waiting_the_change_is_live_and_kept_in_the_draft(
    client, world_a, english
):
    experience, session = world_a["experience"], world_a["session"]
    draft = fresh(experience).get_latest_revision_as_object()
    draft.introduction = "Bản nháp của biên tập viên."
    draft.save_revision(user=editor())

    client.force_login(world_a["user"])
    client.post(f"/producer/experiences/{experience.pk}/sessions/new/", session_form(8, "08:00", 6))
    client.post(f"/producer/experiences/sessions/{session.pk}/", session_form(5, "13:00", 7))

    # Live at once: on the page and its tickets; the editor's draft stays a draft.
    html = client.get(experience.url).content.decode()
    assert "Bản nháp của biên tập viên." not in html
    added = sessions_of(experience)[-1]
    assert [tickets_left(s) for s in sessions_of(experience)] == [7, 6]
    assert fresh(experience).has_unpublished_changes
    assert fresh(experience).get_latest_revision().user.username == "bientap"

    fresh(experience).get_latest_revision().publish()
    assert "Bản nháp của biên tập viên." in client.get(experience.url).content.decode()
    sessions = sessions_of(experience)
    assert [(s.pk, s.seats) for s in sessions] == [(session.pk, 7), (added.pk, 6)]
    assert [s.product_id for s in sessions] == [session.product_id, added.product_id]
    assert "6 seats left" in client.get(english.url).content.decode()


def test_a_scheduled_publication_keeps_the_change(client, world_a, monkeypatch):
    experience = world_a["experience"]
    scheduled = fresh(experience).get_latest_revision_as_object()
    scheduled.introduction = "Nội dung lên lịch."
    scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    scheduled.save_revision(user=editor()).publish()
    assert fresh(experience).has_unpublished_changes

    client.force_login(world_a["user"])
    client.post(f"/producer/experiences/{experience.pk}/sessions/new/", session_form(8, "08:00", 6))
    added = sessions_of(experience)[-1]

    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    assert "Nội dung lên lịch." in client.get(experience.url).content.decode()
    assert added.pk in [s.pk for s in sessions_of(experience)]


def test_a_cached_experience_page_shows_a_new_session_at_once(
    client, world_a, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    rattan = producer_experience(world_a["producer"], "Đan mây", sessions=[])
    english = translate(rattan, "en", title="Weave rattan")
    visitor = Client()
    visitor.get(english.url)
    assert visitor.get(english.url)["X-Page-Cache"] == "hit", "no session, no form: kept"

    client.force_login(world_a["user"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/producer/experiences/{rattan.pk}/sessions/new/", session_form(4, "08:00", 6))
    assert "6 seats left" in visitor.get(english.url).content.decode()
    cache.clear()


def test_a_session_that_has_begun_cannot_be_changed(client, world_a):
    past = producer_experience(world_a["producer"], "Đan mây", sessions=[(in_days(-1, 8), 5)])
    session = sessions_of(past)[0]
    client.force_login(world_a["user"])
    for method in ("get", "post"):
        response = getattr(client, method)(
            f"/producer/experiences/sessions/{session.pk}/", session_form(3, "08:00", 9)
        )
        assert response.status_code == 302
    session.refresh_from_db()
    assert session.seats == 5


def test_link_to_the_sessions_only_for_a_host_of_experiences(client, world_a):
    client.force_login(world_a["user"])
    html = client.get("/en/producer/").content.decode()
    assert html.count('href="/en/producer/experiences/"') == 2, "a card and a tab"
    assert "experience session to come" in html

    other = producer_user(ProducerFactory(name="HTX Mây tre Cao Lộc"), "tuan")
    client.force_login(other)
    html = client.get("/en/producer/").content.decode()
    assert "/producer/experiences/" not in html
    assert "Experience sessions" not in client.get("/en/producer/products/").content.decode()


def test_list_queries_do_not_grow_with_sessions(client, world_a):
    client.force_login(world_a["user"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/producer/experiences/").status_code == 200
        return len(queries)

    count()  # the first request of a session loads what later ones find cached
    few = count()
    for days in range(10, 16):
        client.post(
            f"/producer/experiences/{world_a['experience'].pk}/sessions/new/",
            session_form(days, "08:00", 5),
        )
    book(sessions_of(world_a["experience"])[-1], 2)
    producer_experience(
        world_a["producer"], "Làm giấy dó", sessions=[(in_days(d, 9), 4) for d in (3, 4, 5)]
    )
    assert len(sessions_of(world_a["experience"])) == 7
    client.get("/producer/")  # shows the messages of the sessions added
    assert count() == few


def test_a_ticket_in_the_order_screen_is_not_a_parcel(client, world_a):
    """The host's order screen asks no tracking number for tickets: the guest comes to them."""
    order = book(world_a["session"], 3)
    client.force_login(world_a["user"])
    response = client.get(f"/en/producer/orders/{order.number}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Workshop ticket: nothing to send" in html
    assert 'name="tracking_number"' not in html
    assert "To send" not in html


def test_a_session_under_way_today_is_listed_with_its_guest_list(client, world_a, english):
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    dyeing = producer_experience(
        world_a["producer"],
        "Nhuộm chàm cùng nghệ nhân",
        sessions=[(midnight + datetime.timedelta(seconds=1), 6)],
    )
    (started,) = sessions_of(dyeing)
    book(started, 2)
    client.force_login(world_a["user"])

    html = client.get("/en/producer/experiences/").content.decode()
    assert f'href="/en/producer/experiences/sessions/{started.pk}/guests/"' in html
