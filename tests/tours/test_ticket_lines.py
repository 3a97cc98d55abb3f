"""A workshop ticket's line in the visitor's language: the party under translated labels, the
language by its name, never the shop's Vietnamese option names."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

import pytest
from oscar.core.loading import get_model

from tests.catalogue.factories import ProducerFactory, product_for_sale
from tests.producers.factories import order_of
from tests.tours.factories import ExperiencePageFactory, in_days
from tests.tours.test_bookings import PARTY, book_url
from tours.templatetags.experiences import line_summary

Order = get_model("order", "Order")
Option = get_model("catalogue", "Option")

pytestmark = pytest.mark.django_db

# The party as the line says it: the labels (English, or Chinese once translated), the language
# by its name in the visitor's language.
PARTY_TEXT = {
    "en": ["Guests: Li Wei, Wang Fang, Zhang Min", "Language: Chinese"],
    "zh-hans": ["客人：Li Wei、Wang Fang、Zhang Min", "中文"],  # a Chinese list takes 、
}


def ticket_line(html):
    """The text of the ticket's line: the element holding the guests' names."""
    found = re.findall(r">([^<]*Li Wei[^<]*)<", html)
    assert found, "the line names the party"
    return found[0]


@pytest.fixture
def workshop(home):
    page = ExperiencePageFactory(
        title="Se hương hồi", producer=ProducerFactory(), sessions=[(in_days(5), 8)]
    )
    return {"page": page, "session": page.sessions.get()}


def to_preview(client, prefix, workshop):
    client.post(book_url(workshop["page"], workshop["session"]), PARTY)
    client.post(f"{prefix}/checkout/", {"username": "li@example.com", "options": "anonymous"})
    client.get(f"{prefix}/checkout/shipping-address/", follow=True)
    client.post(f"{prefix}/checkout/payment-details/", {"method": "cash-on-delivery"})
    return client.get(f"{prefix}/checkout/preview/")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_preview_and_thank_you_show_the_party_in_the_visitors_language(
    client, workshop, language, django_capture_on_commit_callbacks
):
    preview = to_preview(client, f"/{language}", workshop)
    assert preview.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        thanks = client.post(
            f"/{language}/checkout/preview/", {"action": "place_order"}, follow=True
        )
    for response in (preview, thanks):
        html = response.content.decode()
        line = ticket_line(html)
        for text in PARTY_TEXT[language]:
            assert text in line
        assert "8613800138000" in line, "the buyer's own page shows the lead guest's phone"
        assert "Khách" not in html and "Ngôn ngữ" not in html
        assert "= &#x27;zh-hans&#x27;" not in html and "'zh-hans'" not in html


def test_the_guest_order_page_shows_the_party_in_chinese_without_the_phone(
    client, workshop, django_capture_on_commit_callbacks
):
    to_preview(client, "/zh-hans", workshop)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/zh-hans/checkout/preview/", {"action": "place_order"})
    order = Order.objects.get()
    with translation.override("zh-hans"):
        url = reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    session = client.session
    session["anon_order_email"] = "li@example.com"  # Oscar asks the guest for it first
    session.save()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    html = response.content.decode()
    line = ticket_line(html)
    assert "Li Wei、Wang Fang、Zhang Min" in line and "中文" in line and "zh-hans" not in line
    assert "Khách" not in html and "Ngôn ngữ" not in html
    assert "8613800138000" not in html, "the link can be passed on: no phone on it"


def test_the_account_order_page_shows_the_party_in_english(
    client, workshop, django_capture_on_commit_callbacks
):
    to_preview(client, "/en", workshop)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/checkout/preview/", {"action": "place_order"})
    user = get_user_model().objects.create_user("li", email="li@example.com", password="x-y-z-w")
    Order.objects.update(user=user, guest_email="")
    client.force_login(user)
    html = client.get(f"/en/accounts/orders/{Order.objects.get().number}/").content.decode()
    line = ticket_line(html)
    assert "Guests: Li Wei, Wang Fang, Zhang Min" in line and "Language: Chinese" in line
    assert "Khách" not in html and "Ngôn ngữ" not in html


def test_a_plain_product_line_reads_as_oscar_writes_it(settings):
    order = order_of(product_for_sale(title="Tinh dầu hồi Văn Quan"))
    line = order.lines.get()
    gift = Option.objects.create(code="gift-note", name="Lời chúc", type=Option.TEXT)
    line.attributes.create(option=gift, type=gift.name, value="Chúc mừng năm mới")
    with translation.override("en"):
        assert line_summary(line) == line.description
        assert line_summary(line) == "Tinh dầu hồi Văn Quan (Lời chúc = 'Chúc mừng năm mới')"
