"""A buyer on a phone, in Vietnamese and in English: search without accents → product page (OCOP
badge, delivery fee) → a basket with two producers' parcels → guest checkout, the commune picked
from the province's list → the VietQR page with its copy buttons → the order followed by number
and phone. Each step is read for untranslated interface strings and kept as a screenshot in
test-artifacts/buyer-journey/. The same checkout with JavaScript off is
tests/checkout/test_buyer_journey_without_js.py."""

import re

from django.utils import translation

import pytest

from tests import demo
from tests.browser.visitor import PHONE, Reader, check_out_as_guest, pay_with, prefix, say
from tests.site.untranslated import proper_names


def open_result(page, title):
    page.get_by_role("link", name=title).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == title


@pytest.mark.django_db(transaction=True)
def test_buyer_follows_two_parcels_from_search_to_the_order_page_in_vi_and_en(
    live_server, new_tab, settings
):
    from oscar.core.loading import get_model

    from checkout import statuses

    Product = get_model("catalogue", "Product")
    settings.MAP_TILE_URL = ""
    settings.VIETQR_BANK_BIN = "970436"
    settings.VIETQR_ACCOUNT_NUMBER = "0011001234567"
    settings.VIETQR_ACCOUNT_NAME = "TRUNG TAM XUC TIEN LANG SON"
    demo.load()
    # What the buyer types stays as typed; a postal address is written as the carrier reads it.
    address = ["Nguyễn Thị Hoa", "Số 12 đường Trần Đăng Ninh", "Phường Kỳ Lừa", "Việt Nam"]
    reader = Reader("buyer-journey", names=[*proper_names(), *address])
    Order = get_model("order", "Order")
    for language in ("vi", "en"):
        with translation.override(language):
            clothes = Product.objects.get(title="Áo chàm thổ cẩm").get_title()
            anise_oil = Product.objects.get(title="Tinh dầu hồi Văn Quan 100 ml").get_title()
        page = new_tab(
            viewport=PHONE,
            is_mobile=True,
            has_touch=True,
            permissions=["clipboard-read", "clipboard-write"],
        )

        site = f"{live_server.url}{prefix(language)}"
        page.goto(f"{site}/")
        # The header's box is a combobox once its suggestions script runs.
        label = say("Search products, villages and tours", language)
        search = page.get_by_role("combobox", name=label)
        search.fill("ao cham")  # as a guidebook writes it, without its accents
        search.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q=ao"))
        reader.read(page, language, "1-search")
        open_result(page, clothes)
        reader.read(page, language, "2-product")
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()

        # A second producer's product, its OCOP badge and its fee to the buyer's province.
        page.goto(f"{site}/search/?q=dau+hoi")
        open_result(page, anise_oil)
        assert page.locator(".product-badge--ocop").first.is_visible()
        page.locator("#delivery-province").select_option("Lạng Sơn")
        page.locator(".product-delivery__form button[type=submit]").click()
        assert "₫" in page.locator("#delivery-quote").inner_text()
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()

        page.goto(f"{site}/basket/")
        assert page.locator(".basket-parcel").count() == 2, "one parcel per producer"
        assert page.locator(".basket-parcels__vietnam").is_visible()
        reader.read(page, language, "3-basket")
        page.locator(f"a[href='{prefix(language)}/checkout/']").first.click()

        page.wait_for_url(re.compile(r"/checkout/"))
        check_out_as_guest(page, "hoa@example.com")

        page.wait_for_url(re.compile(r"/checkout/shipping-address/$"))
        assert page.locator("input[name=receive][value=delivery]").is_checked()
        reader.read(page, language, "4-address")
        for name, value in {
            "first_name": "Nguyễn",
            "last_name": "Thị Hoa",
            "state": "Lạng Sơn",
            "line4": "Phường Kỳ Lừa",
            "line1": "Số 12 đường Trần Đăng Ninh",
            "phone_number": "0912 345 678",
        }.items():
            field = page.locator(f"form [name={name}]")
            if name == "line4":
                # The province's communes are loaded into the list once the province is chosen.
                field.locator(f"option[value='{value}']").wait_for(state="attached")
            if field.evaluate("element => element.tagName") == "SELECT":
                field.select_option(value)
            else:
                field.fill(value)
        page.locator("form:has([name=line1]) button[type=submit]").last.click()

        page.wait_for_url(
            re.compile(r"/checkout/(shipping-method|payment-method|payment-details)/$")
        )
        if "shipping-method" in page.url:
            page.locator("form:has([name=method_code]) button[type=submit]").first.click()
        page.wait_for_url(re.compile(r"/checkout/payment-details/$"))
        pay_with(page, "bank-transfer")
        reader.read(page, language, "5-preview")
        page.locator("#place-order").click()

        page.wait_for_url(re.compile(r"/checkout/thank-you/$"))
        order = Order.objects.latest("pk")
        assert order.shipping_address.line4 == "Phường Kỳ Lừa"
        assert len({line.partner_id for line in order.lines.all()}) == 2
        qr = page.locator("section.vietqr")
        assert qr.locator(".vietqr__code svg").is_visible()
        copy = qr.locator("button.copy-button")
        assert copy.count() >= 4, "bank, account number, holder, amount and message"
        qr.locator("dd:has(code) button.copy-button").click()  # the transfer message
        assert page.evaluate("navigator.clipboard.readText()") == f"LANGNGHE {order.number}"
        reader.read(page, language, "6-vietqr")

        page.locator("a.follow-order-link").click()
        page.wait_for_url(re.compile(r"/checkout/follow/\?number="))
        assert page.locator("input[name=number]").input_value() == order.number
        page.locator("input[name=contact]").fill("0912 345 678")
        page.locator("form:has(input[name=contact]) button[type=submit]").click()
        page.wait_for_url(re.compile(rf"/checkout/follow/{order.number}/$"))
        with translation.override(language):
            waiting = str(statuses.label(statuses.AWAITING_TRANSFER))
        assert waiting in page.locator("main").inner_text()
        assert page.locator("article.parcel").count() == 2
        reader.read(page, language, "7-followed")

    reader.assert_all_translated()
