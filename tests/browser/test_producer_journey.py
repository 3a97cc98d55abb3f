"""A craftswoman on her phone (390 × 844), in Vietnamese: signs in with a code sent to her phone,
sees the alert of a new order, reads the order in Vietnamese although it was bought in English,
changes her price and stock as she writes them, adds a batch whose code the site suggests,
declares an OCOP rating that waits for an editor, and reads the month's statement."""

import re

from django.utils import translation
from django.utils.translation import gettext

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from checkout import statuses
from checkout.payment import VNPAY
from notifications import backends
from producers import statuses as producer_statuses
from tests.producers.factories import order_of, producer_world
from tests.producers.test_statements import paid_by
from themes.templatetags.prices import currency

ProductChange = get_model("catalogue", "ProductChange")

ENGLISH_TITLE = "Na Phieng cinnamon incense"


def vi(text):
    with translation.override("vi"):
        return gettext(text)


def in_dong(amount):
    with translation.override("vi"):
        return str(currency(amount, "VND"))


@pytest.fixture
def sent_sms(monkeypatch):
    """What the console backend sends (the outbox blanks a one-time code once it is sent)."""
    sent = []
    send = backends.ConsoleBackend.send

    def record(self, message):
        sent.append(message)
        return send(self, message)

    monkeypatch.setattr(backends.ConsoleBackend, "send", record)
    return sent


@pytest.mark.django_db(transaction=True)
def test_producer_runs_her_shop_from_a_phone_in_vietnamese(live_server, browser, home, sent_sms):
    world = producer_world("Tổ hợp tác hương Nà Phiêng", "lan", "Hương quế Nà Phiêng")
    producer, product = world["producer"], world["product"]
    producer.phone = "+84912345678"
    producer.save()
    product.title_en = ENGLISH_TITLE
    product.save()
    with translation.override("en"):  # a buyer from abroad
        order = paid_by(order_of(product), VNPAY, statuses.PAID)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, locale="vi-VN"
    )
    page = context.new_page()
    try:
        # Signed in with the code sent to her phone, typed as she writes her number.
        page.goto(f"{live_server.url}/accounts/login/?next=/producer/")
        page.locator("#phone-signin-link").click()
        page.locator("#id_phone").fill("0912 345 678")
        page.locator("#phone-signin button[type=submit]").click()
        page.wait_for_url(re.compile(r"/producer/sign-in/code/$"))
        assert [message.to for message in sent_sms] == ["+84912345678"]
        code = re.search(r"\b(\d{6})\b", sent_sms[0].text).group(1)
        page.locator("#id_code").fill(code)
        page.locator("#code-signin button[type=submit]").click()
        page.wait_for_url(re.compile(r"/producer/$"))

        # The order placed for her product was told to her.
        page.goto(f"{live_server.url}/producer/alerts/")
        assert page.locator("#recent-alerts").get_by_text(str(order.number)).first.is_visible()

        # The order reads in Vietnamese: her product's name and its status.
        page.goto(f"{live_server.url}/producer/orders/{order.number}/")
        main = page.locator("#main")
        assert main.get_by_text("Hương quế Nà Phiêng").first.is_visible()
        assert ENGLISH_TITLE not in main.inner_text()
        with translation.override("vi"):
            status = str(producer_statuses.label(order.status))
        assert main.locator(".state").first.inner_text() == status

        # Price and stock as every Vietnamese writes them.
        page.goto(f"{live_server.url}/producer/products/{product.pk}/")
        page.locator("#id_price").fill("70.000")
        page.locator("#id_num_in_stock").fill("3")
        page.get_by_role("button", name=vi("Save price and stock")).click()
        expect(page.get_by_text(vi("Price and stock saved. Buyers see them now."))).to_be_visible()
        # Nothing on the page is wider than the phone.
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 15)"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide

        # A self-declared OCOP rating waits for an editor; buyers keep the approved one.
        page.get_by_text(vi("Village, craft and OCOP certificate")).click()
        page.locator("#id_ocop_stars").select_option("4")
        page.locator("#id_ocop_certificate_number").fill("125/QĐ-UBND")
        page.locator("#id_ocop_certified_on").fill("2026-01-15")
        page.get_by_role("button", name=vi("Save and send for approval")).click()
        expect(page.get_by_text(vi("Waiting for an editor’s approval"))).to_be_visible()
        claims = vi("Self-declared, awaiting verification by an editor:")
        expect(page.get_by_text(claims)).to_be_visible()
        change = ProductChange.objects.get(product=product, state=ProductChange.State.PENDING)
        assert change.proposed["ocop_stars"] == 4
        product.refresh_from_db()
        assert product.ocop_stars != 4

        page.get_by_role("link", name=vi("See it as buyers do")).click()
        expect(page.get_by_text(re.compile(r"70\.000\s*₫")).first).to_be_visible()

        # A batch whose code is left to the site: made from its production date.
        page.goto(f"{live_server.url}/producer/batches/new/")
        page.locator("#id_product").select_option(label="Hương quế Nà Phiêng")
        page.locator("#id_production_date").fill("2026-12-01")
        page.locator("#id_quantity").fill("1.200")  # a dot between thousands
        page.locator("main form button[type=submit], #main form button[type=submit]").first.click()
        expect(page.get_by_role("heading", name=re.compile("L20261201-1")).first).to_be_visible()

        # The month's statement: both orders, the VNPay one owed to her by the site.
        page.goto(f"{live_server.url}/producer/statements/")
        for placed in (world["order"], order):
            expect(page.locator("#statement").get_by_text(str(placed.number)).first).to_be_visible()
        ordered = sum(
            line.line_price_incl_tax
            for placed in (world["order"], order)
            for line in placed.lines.filter(partner=producer)
        )
        assert page.locator("#statement-ordered").inner_text() == in_dong(ordered)
        owed = sum(line.line_price_incl_tax for line in order.lines.filter(partner=producer))
        assert page.locator("#statement-owed").inner_text() == in_dong(owed)
        assert page.locator("[data-behaviours=print]").is_visible()
        page.screenshot(path="/tmp/helper_producer_statement.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    except Exception:
        page.screenshot(path="/tmp/helper_producer_journey_failed.png", full_page=True)
        raise
    finally:
        context.close()
