"""A workshop page promises only the ways to pay checkout takes, named for a ticket."""

import re

import pytest

from tests.pages.factories import translate
from tests.tours.factories import ExperiencePageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_workshop(home):
    page = ExperiencePageFactory(title="Se hương hồi", sessions=[(in_days(3), 8)])
    return translate(page, "en", title="Roll star-anise incense")


def ways_to_pay(client, page):
    html = client.get(page.url).content.decode()
    listed = re.search(r'class="session__pay">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r"<li>(.*?)</li>", listed), html


def test_without_vnpay_the_workshop_promises_no_card(client, english_workshop):
    methods, html = ways_to_pay(client, english_workshop)
    assert methods == ["Pay your host on the day"]
    assert "card" not in re.sub(r"<[^>]+>", " ", html.split("</h1>", 1)[1]).lower()


def test_with_vnpay_and_a_bank_account_the_workshop_lists_them(client, english_workshop, settings):
    settings.VNPAY_TMN_CODE = "LANGNG01"
    settings.VNPAY_HASH_SECRET = "TESTSECRETKEYFORVNPAY0123456789AB"
    settings.VIETQR_BANK_BIN = "970436"
    settings.VIETQR_ACCOUNT_NUMBER = "0011001234567"
    methods, html = ways_to_pay(client, english_workshop)
    assert methods == [
        "Pay your host on the day",
        "Bank transfer (VietQR)",
        "VNPay (bank card, banking app or e-wallet)",
        "International card (Visa, Mastercard, JCB)",
    ]
    assert "Cash on delivery" not in html
