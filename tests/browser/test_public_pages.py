"""The public pages in a real browser, as a visitor reads them.

Home, village, tour, product, search, a batch's trace page, basket and checkout: in Vietnamese at
1280 px, in English and Chinese on a 390 px phone, one test per language. On each page, in one
visit: no CSP violation in the console, no serious axe-core finding, and (English and Chinese) no
interface string left untranslated in the text the browser shows (tests/site/untranslated.py;
what an editor has not translated yet is marked lang="vi" and left out). One tab, reused from
page to page. axe-core comes
from node_modules (`npm ci`, run by `make install`) and is evaluated in the page through the
browser's debugging protocol, which the page's policy does not restrict: nothing is fetched while
the test runs. With SCREENSHOTS=1 (`make screenshots`) each page's screenshot is kept in
test-artifacts/public-pages/ to be looked at.
"""

import re
from pathlib import Path

import pytest

from tests import demo
from tests.browser.visitor import SCREENSHOTS, VISIBLE_TEXT, check_out_as_guest
from tests.site.untranslated import proper_names, untranslated_text

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "public-pages"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
AXE_RUN = (
    "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    ".filter(v => ['serious', 'critical'].includes(v.impact))"
    ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)"
    ".map(n => n.target.join(' ')).join(', '))"
)


def demo_addresses(language):
    from catalogue.models import Product
    from tours.models import TourPage
    from villages.models import VillagePage

    prefix = "" if language == "vi" else f"/{language}"
    village = VillagePage.objects.live().get(
        locale__language_code=language, slug="lang-huong-na-phieng"
    )
    tour = TourPage.objects.live().filter(locale__language_code=language).order_by("pk").first()
    product = Product.objects.get(title="Áo chàm thổ cẩm")
    return {
        "home": f"{prefix}/",
        "village": village.url,
        "tour": tour.url,
        "product": f"{prefix}{product.get_absolute_url()}",
        "search": f"{prefix}/search/?q=ao+cham",
        "trace": f"{prefix}{product.batches.order_by('pk').first().get_absolute_url()}",
    }


def walk(tab, base, language, check):
    """Visit every page of the list, then put a product in the basket and start the checkout."""
    addresses = demo_addresses(language)
    prefix = "" if language == "vi" else f"/{language}"
    for name, path in addresses.items():
        tab.goto(f"{base}{path}")
        check(name, tab)
    tab.goto(f"{base}{addresses['product']}")
    tab.locator("#add_to_basket_form button[type=submit]").click()
    tab.goto(f"{base}{prefix}/basket/")
    check("basket", tab)
    tab.goto(f"{base}{prefix}/checkout/")
    check_out_as_guest(tab, "khach@example.com")
    tab.wait_for_url(re.compile(r"/checkout/shipping-address/$"))
    check("checkout", tab)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "language, viewport",
    [("vi", DESKTOP), ("en", PHONE), ("zh-hans", PHONE)],
    ids=["vi", "en", "zh-hans"],
)
def test_public_pages_break_no_csp_rule_pass_axe_and_read_in_the_visitors_language(
    live_server, new_tab, settings, language, viewport
):
    settings.MAP_TILE_URL = ""
    demo.load()
    names = proper_names()
    axe = AXE.read_text(encoding="utf-8") if AXE.exists() else None
    if SCREENSHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    tab = new_tab(viewport=viewport)
    console = []
    tab.on("console", lambda message: console.append(message.text))
    tab.on("pageerror", lambda error: console.append(f"error: {error}"))

    def check(name, tab):
        # 1. The policy as the browser applies it: anything refused is reported in the console.
        refused = [
            text
            for text in console
            if "Content Security Policy" in text or text.startswith("error:")
        ]
        problems.extend(f"{language} {name}: {text}" for text in refused)
        console.clear()
        # 2. What the visitor reads, in their language.
        if language != "vi":
            found = untranslated_text(tab.evaluate(VISIBLE_TEXT), language, names)
            problems.extend(f"{language} {name}: {text}" for text in found)
        # 3. axe-core, evaluated through the debugging protocol (the policy does not apply).
        if axe:
            if not tab.evaluate("() => typeof axe !== 'undefined'"):
                tab.evaluate(axe)
            found = tab.evaluate(AXE_RUN)
            problems.extend(f"{language} {name}: {violation}" for violation in found)
        # With SCREENSHOTS=1: the phone pages whole, to be looked at; the desktop one as seen.
        if SCREENSHOTS:
            shot = SHOTS / f"{language}-{name}.png"
            tab.screenshot(path=str(shot), full_page=viewport is PHONE)

    walk(tab, live_server.url, language, check)

    # 4. Every section in reach: one row that wraps on a desktop, a Menu button on a phone.
    desktop, phone = new_tab(viewport={"width": 1366, "height": 900}), new_tab(viewport=PHONE)
    prefix = "" if language == "vi" else f"/{language}"
    problems.extend(
        f"{language}: {problem}"
        for problem in menu_problems(desktop, phone, live_server.url + prefix)
    )

    assert problems == [], "\n".join(problems)
    if not axe:
        pytest.skip(f"CSP and languages checked; accessibility skipped: no {AXE} (run `npm ci`)")


def menu_problems(desktop, phone, home):
    problems = []
    tab = desktop
    tab.goto(f"{home}/")
    links = tab.locator(".main-nav a")
    if links.count() < 8:
        problems.append(f"the menu has {links.count()} links, not the 7 sections and the shop")
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        if not links.nth(index).is_visible() or box["x"] < 0 or box["x"] + box["width"] > 1366:
            problems.append(f"desktop: {links.nth(index).inner_text()!r} is off-screen")

    tab = phone
    tab.goto(f"{home}/")
    button = tab.locator(".main-nav summary")
    if links.count() and tab.locator(".main-nav a").first.is_visible():
        problems.append("phone: the menu is not folded into its button")
    if button.bounding_box()["height"] < 44:
        problems.append("phone: the Menu button is smaller than a finger")
    button.click()
    hidden = [
        tab.locator(".main-nav a").nth(index).inner_text()
        for index in range(tab.locator(".main-nav a").count())
        if not tab.locator(".main-nav a").nth(index).is_visible()
    ]
    if hidden:
        problems.append(f"phone: opened, the menu still hides {hidden}")
    return problems
