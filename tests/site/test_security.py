"""Security of the public site: no inline script, hostile text escaped, CSRF on every form."""

import json
from html.parser import HTMLParser

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string
from django.test import Client

import pytest
from oscar.core.loading import get_model
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import features

from tests.catalogue.factories import product_for_sale
from tests.checkout.conftest import ADDRESS, checkout
from tests.tours.factories import TourPageFactory
from tests.villages.factories import VillagePageFactory

ProductReview = get_model("reviews", "ProductReview")

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'


class ScriptFinder(HTMLParser):
    """Collects inline scripts and `on…=` handlers, what a CSP without unsafe-inline refuses."""

    def __init__(self):
        super().__init__()
        self.inline = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.inline += [f"<{tag} {name}=…>" for name in attributes if name.startswith("on")]
        if tag == "script" and not attributes.get("src"):
            kind = attributes.get("type", "text/javascript")
            if kind not in ("application/ld+json", "application/json"):  # data, not script
                self._in_script = True
        if tag == "a" and (attributes.get("href") or "").lower().startswith("javascript:"):
            self.inline.append(f"<a href={attributes['href']}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(f"<script>{data.strip()[:60]}")


def inline_scripts(response):
    finder = ScriptFinder()
    finder.feed(response.content.decode())
    return finder.inline


def policy(response):
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


# --- Content-Security-Policy -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/", "/catalogue/", "/basket/", "/search/?q=hồi"])
def test_public_pages_allow_scripts_from_this_host_only(client, home, path):
    response = client.get(path)
    assert response.status_code == 200
    scripts = policy(response)["script-src"]
    assert scripts == ["'self'"]
    assert policy(response)["object-src"] == ["'none'"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/dashboard/login/", "/en/dashboard/login/"])
def test_staff_areas_are_left_out_of_the_strict_policy(client, home, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert "script-src" not in response["Content-Security-Policy"], "their inline scripts run"


def test_map_tiles_host_is_allowed_for_images():
    from django.conf import settings

    images = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    assert "https://tile.openstreetmap.org" in images


@pytest.mark.django_db
def test_public_pages_carry_no_inline_script(client, home, vietnam):
    village = VillagePageFactory()
    tour = TourPageFactory(stops=[village])
    product = product_for_sale(title="Áo chàm Bắc Sơn", village=village)
    pages = ["/", "/en/", village.url, tour.url, product.get_absolute_url(), "/search/?q=ao"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert inline_scripts(response) == [], path

    stockrecord = product.stockrecords.get()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk})
    assert inline_scripts(client.get("/basket/")) == []
    client.post("/checkout/", {"username": "hoa@example.com", "options": "anonymous"})
    assert inline_scripts(client.get("/checkout/shipping-address/")) == []
    client.post("/checkout/shipping-address/", ADDRESS)
    client.post("/checkout/shipping-method/", {"method_code": "delivery"})
    client.post("/checkout/payment-details/", {"method": "cash-on-delivery"})
    assert inline_scripts(client.get("/checkout/preview/")) == []
    thanks = client.post("/checkout/preview/", {"action": "place_order"}, follow=True)
    assert "Print this page" in thanks.content.decode() or "In trang" in thanks.content.decode()
    assert inline_scripts(thanks) == []


# --- Hostile input ---------------------------------------------------------------------------


def escaped(response):
    html = response.content.decode()
    return SCRIPT not in html and "<img src=x onerror" not in html


def rich_text(text):
    """What Wagtail's editor stores when an editor types `text` into a paragraph."""
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    converter = ContentstateConverter(features.get_default_features())
    return converter.to_database_format(json.dumps(contentstate))


@pytest.mark.django_db
def test_hostile_village_text_is_shown_as_text(client, home):
    village = VillagePageFactory(
        title=f"Làng {SCRIPT}",
        introduction=f"Giới thiệu {IMAGE}",
        body=[("paragraph", rich_text(f"Câu chuyện {SCRIPT} {IMAGE}"))],
    )
    TourPageFactory(title=f"Tuyến {IMAGE}", stops=[village])
    for path in [village.url, village.get_parent().url, "/", f"/search/?q={SCRIPT}"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert escaped(response), path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(village.url).content.decode()


@pytest.mark.django_db
def test_hostile_review_is_shown_as_text(client, home, django_user_model):
    product = product_for_sale()
    user = django_user_model.objects.create_user("khach", "khach@example.com", "mat-khau-dai")
    client.force_login(user)
    response = client.post(
        f"/catalogue/{product.slug}_{product.pk}/reviews/add/",
        {"title": f"Tuyệt {SCRIPT}", "score": 5, "body": f"Đẹp {IMAGE}"},
    )
    assert response.status_code == 302
    ProductReview.objects.update(status=ProductReview.APPROVED)
    client.logout()
    response = client.get(product.get_absolute_url())
    assert "Tuyệt" in response.content.decode()
    assert escaped(response)


@pytest.mark.django_db
def test_hostile_address_is_shown_as_text(client, home, vietnam):
    product = product_for_sale()
    thanks = checkout(client, product, address={**ADDRESS, "line1": f"Số 12 {SCRIPT} {IMAGE}"})
    assert thanks.status_code == 200
    assert "Số 12" in thanks.content.decode()
    assert escaped(thanks)


# --- CSRF ------------------------------------------------------------------------------------


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def public_forms(product):
    stockrecord = product.stockrecords.get()
    return [
        (f"/basket/add/{product.pk}/", {"quantity": 1, "stockrecord": stockrecord.pk}),
        ("/checkout/", {"username": "hoa@example.com", "options": "anonymous"}),
        ("/accounts/login/", {"login-username": "a@example.com", "login-password": "x"}),
        ("/accounts/register/", {"email": "b@example.com", "password1": "x", "password2": "x"}),
        (f"/catalogue/{product.slug}_{product.pk}/reviews/add/", {"title": "t", "score": 5}),
        ("/en/basket/", {}),
    ]


@pytest.mark.django_db
def test_every_public_form_refuses_a_post_without_its_csrf_token(strict_client, home, vietnam):
    product = product_for_sale()
    for path, data in public_forms(product):
        assert strict_client.post(path, data).status_code == 403, path


@pytest.mark.django_db
def test_a_post_with_the_token_from_the_page_is_accepted(strict_client, home, vietnam):
    product = product_for_sale()
    strict_client.get(product.get_absolute_url())
    token = strict_client.cookies["csrftoken"].value
    stockrecord = product.stockrecords.get()
    response = strict_client.post(
        f"/basket/add/{product.pk}/",
        {"quantity": 1, "stockrecord": stockrecord.pk, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_messages_show_a_product_name_as_text_and_only_marked_messages_as_markup():
    hostile = '<meta http-equiv="refresh" content="0;url=https://lua-dao.example">Hương quế'
    shown = render_to_string(
        "partials/messages.html",
        {
            "messages": [
                Message(constants.SUCCESS, f"Đã lưu {hostile}."),
                Message(constants.SUCCESS, "<strong>Hương quế</strong> đã vào giỏ", "safe"),
            ]
        },
    )

    assert "<meta" not in shown
    assert "&lt;meta http-equiv" in shown
    assert "<strong>Hương quế</strong> đã vào giỏ" in shown, (
        "Oscar's basket messages keep their markup"
    )
    assert 'class="message message--success"' in shown


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/", "/dashboard/login/"])
def test_staff_areas_have_a_policy_against_plugins_framing_and_foreign_forms(client, path):
    policy = client.get(path)["Content-Security-Policy"]

    for directive in ("object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"):
        assert directive in policy
    assert "form-action 'self'" in policy
