"""A workshop booked for three people at phone width, in English: the party's names and phone,
the cancellation policy before paying → the host opens the guest list on the phone and ticks the
three off → the guest cancels from the e-ticket within the free window and the seats return."""

import re

from django.test import Client

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import ProducerFactory
from tests.pages.factories import translate
from tests.producers.factories import producer_user
from tests.tours.factories import ExperiencePageFactory, in_days

StockRecord = get_model("partner", "StockRecord")
PHONE = {"width": 390, "height": 844}


@pytest.mark.django_db(transaction=True)
def test_party_of_three_booked_ticked_off_and_cancelled(live_server, new_tab, home):
    producer = ProducerFactory(name="HTX Hương Nà Phiêng")
    workshop = ExperiencePageFactory(
        title="Se hương hồi",
        producer=producer,
        group_min=2,
        group_max=6,
        sessions=[(in_days(5), 8)],
    )
    english = translate(workshop, "en", title="Roll star-anise incense")
    session = workshop.sessions.select_related("product").get()

    guest = new_tab(viewport=PHONE)
    guest.goto(f"{live_server.url}{english.url}")
    guest.get_by_label("Guests").fill("3")
    guest.locator(f"#session-{session.pk} button[type=submit]").click()
    assert guest.get_by_role("heading", level=1).inner_text() == "Who is coming?"
    assert guest.get_by_text(re.compile("Free cancellation until 48 hours")).first.is_visible()
    guest.get_by_label("Each guest's name, one a line").fill("Li Wei\nWang Fang\nZhang Min")
    guest.get_by_label("Lead guest's phone").fill("+86 138 0013 8000")
    guest.get_by_label("Language you prefer").select_option("zh-hans")
    guest.get_by_role("button", name="Put in my basket").click()
    guest.wait_for_url(re.compile(r"/basket/$"))
    guest.locator("a[href='/en/checkout/']").first.click()
    guest.locator("input[name=username]").fill("li@example.com")
    guest.locator("input[name=options][value=anonymous]").check()
    guest.locator("form:has(input[name=username]) button[type=submit]").click()
    guest.wait_for_url(re.compile(r"/checkout/payment-details/$"))
    guest.locator("input[name=method][value=cash-on-delivery]").check()
    guest.locator("form:has(input[name=method]) button[type=submit]").click()
    guest.wait_for_url(re.compile(r"/checkout/preview/$"))
    guest.locator("#place-order").click()
    guest.wait_for_url(re.compile(r"/checkout/thank-you/$"))
    record = StockRecord.objects.get(product=session.product)
    assert record.net_stock_level == 5, "a party of three takes three seats"
    ticket_url = guest.get_by_role("link", name=re.compile("My e-ticket")).get_attribute("href")

    # The host, signed in on the phone, opens the session's guest list and ticks each guest off.
    signed_in = Client()
    signed_in.force_login(producer_user(producer, "chuhtx"))
    host = new_tab(viewport=PHONE)
    host.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": signed_in.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    host.goto(f"{live_server.url}/en/producer/experiences/sessions/{session.pk}/guests/")
    for name in ("Li Wei", "Wang Fang", "Zhang Min"):
        button = host.get_by_role("button", name=re.compile(f"^{name}"))
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, "a target a thumb can hit"
        button.click()
        host.get_by_role("button", name=re.compile(f"✓ {name}")).wait_for()
    assert host.get_by_text("3 arrived").is_visible()

    # The guest cancels from the e-ticket, five days ahead: free, and the seats are back.
    guest.goto(f"{live_server.url}{ticket_url}")
    assert guest.locator(".ticket__qr svg").is_visible()
    guest.get_by_role("button", name="Cancel my booking").click()
    guest.get_by_text(re.compile("Booking cancelled: your seats are released")).wait_for()
    record.refresh_from_db()
    assert record.net_stock_level == 8
