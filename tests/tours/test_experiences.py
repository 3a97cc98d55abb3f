"""Craft experiences: sessions sold as tickets through the shop's basket and checkout."""

import datetime
import json
import re
import threading
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest
from oscar.core.loading import get_class, get_model
from wagtail.test.utils import WagtailPageTestCase

from tests.catalogue.factories import ProducerFactory
from tests.pages.factories import translate
from tests.tours.factories import ExperiencePageFactory, in_days
from tests.villages.factories import VillagePageFactory
from tours.booking import EXPERIENCE_CLASS
from tours.models import ExperienceIndexPage, ExperiencePage, TourIndexPage

MissingProductImage = get_class("catalogue.models", "MissingProductImage")
Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


class ExperienceTreeTests(WagtailPageTestCase):
    def test_experiences_only_under_the_experience_index(self):
        self.assertCanCreateAt(ExperienceIndexPage, ExperiencePage)
        self.assertCanNotCreateAt(TourIndexPage, ExperiencePage)
        self.assertAllowedSubpageTypes(ExperiencePage, set())


@pytest.fixture
def incense(home):
    """A workshop in English too, with a roomy session in three days and one of 3 seats later."""
    page = ExperiencePageFactory(
        title="Se hương hồi", sessions=[(in_days(3), 8), (in_days(10, 14, 0), 3)]
    )
    english = translate(page, "en", title="Roll star-anise incense")
    return page, english


def sessions_of(page):
    return list(page.sessions.order_by("starts_at").select_related("product"))


def book_url(page, session):
    return page.url + page.reverse_subpage("book", args=(session.pk,))


def party(size):
    """The booking form's answers for a party of `size` (names, lead phone, language)."""
    names = "\n".join(f"Khách {number}" for number in range(1, size + 1))
    return {"quantity": size, "names": names, "lead_phone": "0912345678", "language": "en"}


def messages_in(response):
    return [str(message) for message in response.context["messages"]]


def test_publishing_puts_each_session_on_sale_as_tickets(incense):
    page, _english = incense
    roomy, small = sessions_of(page)
    product = roomy.product
    assert product.product_class.slug == EXPERIENCE_CLASS
    assert not product.product_class.requires_shipping and product.product_class.track_stock
    assert not product.is_public, "tickets are sold from the experience page, not the shop"
    record = product.stockrecords.get()
    assert (record.num_in_stock, record.price) == (8, Decimal("350000"))
    assert record.partner.code == "dcst", "no producer: the Department sells the tickets"
    assert small.product.stockrecords.get().num_in_stock == 3
    assert product.title_en.startswith("Roll star-anise incense · ")

    producer = ProducerFactory(name="Tổ hợp tác hương Nà Phiêng")
    page.producer = producer
    page.price = 400000
    page.save_revision().publish()
    record = StockRecord.objects.get(product=product)
    assert (record.partner, record.price) == (producer, Decimal("400000"))
    assert StockRecord.objects.filter(product__upc__startswith=f"TN-{page.pk}-").count() == 2


def test_page_lists_upcoming_sessions_with_seats_left(client, incense):
    page, english = incense
    html = client.get(english.url).content.decode()
    assert "8 seats left" in html
    assert "3 seats left" in html
    assert html.count('name="csrfmiddlewaretoken"') == 2
    assert "Nhà văn hóa bản Nà Phiêng" in html
    assert "₫350,000" in html


def test_booking_two_seats_through_basket_and_cash_on_delivery(
    client, incense, mailoutbox, django_capture_on_commit_callbacks
):
    page, english = incense
    session = sessions_of(page)[0]
    response = client.post(book_url(english, session), party(2))
    assert response.status_code == 302 and response.url.endswith("/basket/")
    basket = client.get("/en/basket/").content.decode()
    assert "Roll star-anise incense · " in basket, "the ticket is named in the visitor's language"
    assert f'href="{english.url}"' in basket, "and links to the workshop, not a hidden product"

    client.post("/en/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    response = client.get("/en/checkout/shipping-address/", follow=True)
    assert response.redirect_chain, "no address is asked for tickets alone"
    assert response.request["PATH_INFO"] == "/en/checkout/payment-details/"
    assert "Pay your host in cash when the workshop begins." in response.content.decode()
    assert "courier" not in response.content.decode()
    response = client.post("/en/checkout/payment-details/", {"method": "cash-on-delivery"})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/checkout/preview/", {"action": "place_order"}, follow=True)

    order = Order.objects.get()
    assert order.total_incl_tax == Decimal("700000"), "two seats, nothing to ship"
    assert order.shipping_address is None
    assert order.lines.get().product == session.product
    assert StockRecord.objects.get(product=session.product).num_allocated == 2
    html = response.content.decode()
    assert "Your workshop bookings" in html
    assert "Nhà văn hóa bản Nà Phiêng" in html
    assert session.local_start.strftime("%H:%M") in html
    calendar = english.url + english.reverse_subpage("calendar", args=(session.pk,))
    assert f'href="{calendar}"' in html
    # Nothing is shipped or paid on delivery: the guest meets the host and pays them there.
    assert "Cash on delivery" not in html and "We ship" not in html
    assert "Pay your host in cash when the workshop begins." in html
    assert 'href="geo:22.285400,106.460600?q=22.285400,106.460600"' in html
    assert "mlat=22.285400&amp;mlon=106.460600" in html
    assert "(22" not in html, "no bare coordinates"
    mail = next(m for m in mailoutbox if "Roll star-anise incense" in m.body)
    assert "Cash on delivery" not in mail.body and "We ship" not in mail.body
    assert "Nhà văn hóa bản Nà Phiêng" in mail.body
    assert "Pay your host in cash when the workshop begins." in mail.body

    assert "6 seats left" in client.get(english.url).content.decode()

    # The workshop takes place (Oscar uses the held seats up), then an editor republishes the
    # page: the two seats stay sold.
    record = StockRecord.objects.get(product=session.product)
    record.consume_allocation(2)
    page.refresh_from_db()
    page.save_revision().publish()
    record.refresh_from_db()
    assert record.net_stock_level == 6
    assert "6 seats left" in client.get(english.url).content.decode()


def test_a_past_session_cannot_be_booked(client, home):
    page = ExperiencePageFactory(sessions=[(in_days(-1), 8)])
    english = translate(page, "en", title="Roll incense")
    session = sessions_of(page)[0]
    assert "seats left" not in client.get(english.url).content.decode()

    response = client.post(book_url(english, session), {"quantity": 1}, follow=True)
    assert "This session has already started and can no longer be booked." in messages_in(response)
    # Nor through the shop's own "add to basket".
    record = session.product.stockrecords.get()
    client.post(f"/en/basket/add/{session.product.pk}/", {"quantity": 1, "stockrecord": record.pk})
    assert not Basket.objects.filter(lines__isnull=False).exists()


def test_a_full_session_cannot_be_booked(client, incense):
    page, english = incense
    roomy, small = sessions_of(page)
    response = client.post(book_url(english, small), {"quantity": 4}, follow=True)
    assert "Only 3 seats are left in this session." in messages_in(response)

    StockRecord.objects.filter(product=small.product).update(num_allocated=3)
    html = client.get(english.url).content.decode()
    assert "Full" in html
    response = client.post(book_url(english, small), {"quantity": 1}, follow=True)
    assert "This session is full." in messages_in(response)
    assert not Basket.objects.filter(lines__isnull=False).exists()


def test_calendar_file_for_a_session(client, incense):
    page, english = incense
    session = sessions_of(page)[0]
    response = client.get(english.url + english.reverse_subpage("calendar", args=(session.pk,)))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    text = body.decode().replace("\r\n ", "")  # unfold
    start = session.starts_at.astimezone(datetime.UTC)
    assert f"DTSTART:{start:%Y%m%dT%H%M%SZ}" in text
    end = start + datetime.timedelta(minutes=150)
    assert f"DTEND:{end:%Y%m%dT%H%M%SZ}" in text
    assert f"UID:experience-session-{session.pk}@" in text
    assert "SUMMARY:Roll star-anise incense" in text
    assert "LOCATION:Nhà văn hóa bản Nà Phiêng" in text
    assert "GEO:22.285400;106.460600" in text
    assert "URL:http://localhost/en/" in text
    assert text.count("BEGIN:VEVENT") == 1


def test_json_ld_has_an_event_with_an_offer_per_session(client, incense):
    page, english = incense
    roomy, small = sessions_of(page)
    StockRecord.objects.filter(product=small.product).update(num_allocated=3)
    html = client.get(english.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    first, second = data["@graph"]
    assert first["@type"] == "Event"
    assert first["name"] == "Roll star-anise incense"
    assert first["startDate"] == roomy.local_start.isoformat()
    assert first["startDate"].endswith("+07:00")
    assert first["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 22.2854,
        "longitude": 106.4606,
    }
    assert first["organizer"]["@type"] == "Person"
    assert first["offers"] == {
        "@type": "Offer",
        "price": "350000",
        "priceCurrency": "VND",
        "availability": "https://schema.org/InStock",
        "validThrough": roomy.local_start.isoformat(),
        "url": f"http://localhost{english.url}",
    }
    assert second["offers"]["availability"] == "https://schema.org/SoldOut"


def test_village_and_host_pages_list_their_experiences(client, home):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    first = ExperiencePageFactory(title="Se hương", village=village)
    host_html = client.get(first.host.url).content.decode()
    assert f'href="{first.url}"' in host_html
    village_html = client.get(village.url).content.decode()
    assert f'href="{first.url}"' in village_html
    with CaptureQueriesContext(connection) as one:
        client.get(village.url)
    for number in range(3):
        ExperiencePageFactory(title=f"Nhuộm chàm {number}", village=village)
    with CaptureQueriesContext(connection) as four:
        html = client.get(village.url).content.decode()
    assert html.count("Nhuộm chàm") >= 3
    assert len(four) == len(one)


def test_experience_index_shows_each_experience_with_its_next_session(client, incense):
    page, english = incense
    index = english.get_parent()
    client.get(index.url)  # the site and its locales, looked up once
    with CaptureQueriesContext(connection) as one:
        html = client.get(index.url).content.decode()
    assert "Roll star-anise incense" in html
    assert sessions_of(page)[0].local_start.strftime("%H:%M") in html
    translate(ExperiencePageFactory(title="Vẽ mặt nạ", sessions=[(in_days(5), 6)]), "en")
    with CaptureQueriesContext(connection) as two:
        client.get(index.url)
    assert len(two) == len(one)


BUYERS = 8
LAST_SEATS = 3


def prepare_booking(client, url, number):
    """A guest puts one seat in the basket and gets as far as the "place order" button."""
    response = client.post(url, party(1))
    assert response.status_code == 302 and response.url.endswith("/basket/"), response
    client.post("/checkout/", {"username": f"buyer{number}@example.com", "options": "anonymous"})
    client.get("/checkout/shipping-address/", follow=True)  # skipped: nothing to ship
    response = client.post("/checkout/payment-details/", {"method": "cash-on-delivery"})
    assert response.status_code == 302


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for each write, so bookings cannot race there.",
)
@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_bookings_for_the_last_three_seats_make_three_orders(home):
    page = ExperiencePageFactory(sessions=[(in_days(3), LAST_SEATS)])
    session = sessions_of(page)[0]
    clients = [Client() for _ in range(BUYERS)]
    for number, client in enumerate(clients):
        prepare_booking(client, book_url(page, session), number)
    # Oscar links its "no image" picture into the media folder on first use; do it once here,
    # not in eight threads at the same moment.
    MissingProductImage()
    start = threading.Barrier(BUYERS)
    outcomes = []

    def place_order(client):
        try:
            start.wait()
            response = client.post("/checkout/preview/", {"action": "place_order"})
            outcomes.append(response.status_code)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=place_order, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(outcomes) == BUYERS
    assert Order.objects.count() == LAST_SEATS
    assert outcomes.count(302) == LAST_SEATS, "the others see the preview again with an error"
    record = StockRecord.objects.get(product=session.product)
    assert (record.num_allocated, record.num_in_stock) == (LAST_SEATS, LAST_SEATS)
    assert 'name="quantity"' not in Client().get(page.url).content.decode(), "no seat to book"


def test_sessions_and_bookings_survive_the_move_out_of_revisions(transactional_db, client, home):
    """Migration 0005: the session rows, their tickets and bookings stay; revisions lose their copy
    of the sessions, so publishing an old revision can no longer undo a session's change."""
    from django.db.migrations.executor import MigrationExecutor

    page = ExperiencePageFactory(title="Se hương hồi", sessions=[(in_days(3), 8)])
    session = sessions_of(page)[0]
    prepare_booking(client, book_url(page, session), 1)
    client.post("/checkout/preview/", {"action": "place_order"})
    assert Order.objects.count() == 1
    rows = [(s.pk, s.experience_id, s.seats, s.product_id) for s in page.sessions.all()]

    executor = MigrationExecutor(connection)
    executor.migrate([("tours", "0004_experiences")])
    old = executor.loader.project_state([("tours", "0004_experiences")]).apps
    revision = old.get_model("wagtailcore", "Revision").objects.filter(object_id=str(page.pk))
    latest = revision.latest("pk")
    latest.content["sessions"] = [{"pk": session.pk, "starts_at": "2020-01-01T00:00:00Z"}]
    latest.save()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    after = ExperiencePage.objects.get(pk=page.pk)
    assert [(s.pk, s.experience_id, s.seats, s.product_id) for s in after.sessions.all()] == rows
    assert Order.objects.get().lines.get().product_id == session.product_id
    assert all("sessions" not in r.content for r in after.revisions.all())
    after.get_latest_revision().publish()
    assert sessions_of(after)[0].starts_at == session.starts_at
