"""A craftswoman on her phone (390 × 844): signs in, changes her price and stock as she writes them,
the shop shows them, and she adds a batch whose code the site suggests."""

import re

import pytest

from tests.producers.factories import PASSWORD, producer_world


@pytest.mark.django_db(transaction=True)
def test_producer_changes_stock_on_a_phone_and_the_product_page_shows_it(
    live_server, browser, home
):
    world = producer_world("Tổ hợp tác hương Nà Phiêng", "lan", "Hương quế Nà Phiêng")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/en/accounts/login/?next=/en/producer/")
        login = page.locator("#login_form")
        login.get_by_label("Email address").fill(world["user"].email)
        login.get_by_label("Password").fill(PASSWORD)
        login.get_by_role("button", name=re.compile("Log ?in|Sign in", re.I)).click()
        page.wait_for_url(re.compile(r"/en/producer/$"))

        # The order placed for her product was told to her (console and e-mail backends here).
        page.goto(f"{live_server.url}/en/producer/alerts/")
        assert (
            page.locator("#recent-alerts")
            .get_by_text(str(world["order"].number))
            .first.is_visible()
        )

        page.get_by_role("navigation", name="Producer’s space").get_by_role(
            "link", name="Products"
        ).click()
        page.get_by_role("link", name=re.compile("Hương quế Nà Phiêng")).click()
        page.get_by_label("Price (đồng)").fill("70.000")  # as every Vietnamese writes it
        page.get_by_label("Available to sell").fill("3")
        page.get_by_role("button", name="Save price and stock").click()
        assert page.get_by_text("Price and stock saved").is_visible()
        # Nothing on the page is wider than the phone.
        page.screenshot(path="/tmp/helper_producers_phone.png", full_page=True)
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 15)"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide

        page.get_by_role("link", name="See it as buyers do").click()
        assert page.get_by_text(re.compile(r"3 available")).first.is_visible()
        assert page.get_by_text("₫70,000").first.is_visible()

        # A batch whose code is left to the site: made from its production date.
        page.goto(f"{live_server.url}/en/producer/batches/new/")
        page.locator("#id_product").select_option(label="Hương quế Nà Phiêng")
        page.locator("#id_production_date").fill("2026-12-01")
        page.get_by_label("Quantity produced").fill("1.200")  # a dot between thousands
        page.get_by_role("button", name=re.compile("Save")).click()
        assert page.get_by_role("heading", name=re.compile("L20261201-1")).is_visible()
    finally:
        context.close()
