"""A buyer on a phone, in Vietnamese: search "ao cham" → product → basket → cash on delivery → thanks."""

import re
from io import StringIO

from django.core.management import call_command

import pytest

PHONE = {"width": 390, "height": 844}


@pytest.mark.django_db(transaction=True)
def test_buyer_searches_without_accents_and_pays_cash_on_delivery(live_server, new_tab, settings):
    from oscar.core.loading import get_model

    settings.MAP_TILE_URL = ""
    call_command("load_demo", stdout=StringIO())
    page = new_tab(viewport=PHONE, is_mobile=True, has_touch=True)

    page.goto(f"{live_server.url}/")
    # The header's box is a combobox once its suggestions script runs.
    search = page.get_by_role("combobox", name="Tìm sản phẩm, làng nghề và tuyến du lịch")
    search.fill("ao cham")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=ao"))
    page.get_by_role("link", name="Áo chàm thổ cẩm").first.click()

    assert page.get_by_role("heading", level=1).inner_text() == "Áo chàm thổ cẩm"
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.get_by_role("link", name=re.compile("Giỏ hàng")).first.click()
    page.wait_for_url(re.compile(r"/basket/$"))
    assert page.locator("#basket_formset").get_by_text("Áo chàm thổ cẩm").first.is_visible()
    page.locator("a[href='/checkout/']").first.click()

    page.wait_for_url(re.compile(r"/checkout/"))
    page.locator("input[name=username]").fill("hoa@example.com")
    page.locator("input[name=options][value=anonymous]").check()
    page.locator("form:has(input[name=username]) button[type=submit]").click()

    page.wait_for_url(re.compile(r"/checkout/shipping-address/$"))
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

    # One shipping method is chosen for the buyer; otherwise pick home delivery.
    page.wait_for_url(re.compile(r"/checkout/(shipping-method|payment-details)/$"))
    if "shipping-method" in page.url:
        page.locator("form:has([name=method_code]) button[type=submit]").first.click()
        page.wait_for_url(re.compile(r"/checkout/payment-details/$"))
    page.locator("input[name=method][value=cash-on-delivery]").check()
    page.locator("form:has(input[name=method]) button[type=submit]").click()

    page.wait_for_url(re.compile(r"/checkout/preview/$"))
    page.locator("#place-order").click()

    page.wait_for_url(re.compile(r"/checkout/thank-you/$"))
    Order = get_model("order", "Order")
    order = Order.objects.get()
    assert order.number in page.locator("main").inner_text()
    assert order.shipping_address.line4 == "Phường Kỳ Lừa"
    assert order.lines.get().title == "Áo chàm thổ cẩm"
