"""What a visitor of the English and Chinese pages reads: the site's name and contact in their
language, prices in đồng in their form with an approximate amount in their currency, a batch's
trace in their language, and each place under the glossary's one name (issue 17)."""

import datetime
from decimal import Decimal

from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from pages import memo
from pages.glossary import name_of
from pages.models import ExchangeRates, PlaceName, SiteSettings
from tests.catalogue.factories import (
    BatchFactory,
    BatchStepFactory,
    ProducerFactory,
    product_for_sale,
)
from tests.site.untranslated import untranslated, visible_text


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load currency_filters %}" + source).render(Context(context))


@pytest.fixture
def rates(db):
    rates = ExchangeRates.load()
    rates.vnd_per_cny = Decimal("3650")
    rates.vnd_per_usd = Decimal("26300")
    rates.vnd_per_eur = Decimal("30500")
    rates.rates_date = datetime.date(2026, 11, 30)
    rates.save()
    return rates


# --- Prices -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_vnd_reads_in_each_languages_form_without_rates():
    assert render("{{ 185000|currency }}", "vi") == "185.000\xa0₫"
    assert render("{{ 185000|currency }}", "en") == "₫185,000"
    assert render("{{ 185000|currency }}", "zh-hans") == "₫185,000"


def test_approximate_amount_in_the_visitors_currency_beside_the_price(rates):
    chinese = render("{{ 185000|currency }}", "zh-hans")
    assert chinese.startswith('₫185,000 <small class="price__approx"')
    assert "≈ ¥51</small>" in chinese  # 185,000 / 3,650 = 50.7
    assert "≈ $7</small>" in render("{{ 185000|currency }}", "en")  # / 26,300 = 7.03
    # Vietnamese pages: the price alone, and no rate read.
    with CaptureQueriesContext(connection) as queries:
        assert render("{{ 185000|currency }}", "vi") == "185.000\xa0₫"
    assert len(queries) == 0


def test_english_pages_show_euros_when_staff_choose_them(rates):
    rates.english_currency = ExchangeRates.Currency.EUR
    rates.save()
    assert "≈ €6</small>" in render("{{ 185000|currency }}", "en")  # / 30,500 = 6.07


def test_small_amounts_keep_cents_and_other_currencies_get_no_approximation(rates):
    assert "≈ $0.76" in render("{{ 20000|currency }}", "en")
    assert render('{{ 12|currency:"USD" }}', "en") == "$12.00"


def test_plain_text_e_mails_get_the_approximation_without_markup(rates):
    text = render("{% autoescape off %}{{ 185000|currency }}{% endautoescape %}", "zh-hans")
    assert text == "₫185,000 (≈ ¥51)"


def test_no_approximation_where_staff_set_no_rate(db):
    assert render("{{ 185000|currency }}", "zh-hans") == "₫185,000"


def test_the_rates_are_read_once_however_many_prices_a_request_shows(rates):
    memo.start_request()
    try:
        with CaptureQueriesContext(connection) as queries:
            html = render("{{ 100000|currency }} {{ 120000|currency }} {{ 5|currency }}", "en")
    finally:
        memo.finish_request()
    assert html.count("price__approx") == 3
    assert len(queries) == 1


def test_the_footer_says_what_the_approximate_amounts_are_and_the_day_of_their_rate(
    client, home, rates
):
    html = client.get("/zh-hans/").content.decode()
    assert "按 2026年11月30日 的汇率换算" in html
    assert "exchange rate" not in client.get("/").content.decode()


# --- The site's name and contact -----------------------------------------------------------------


@pytest.mark.django_db
def test_site_name_and_contact_in_the_visitors_language(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.address = "Phường Lương Văn Tri, tỉnh Lạng Sơn"
    site_settings.address_en = "Lương Văn Tri ward, Lạng Sơn province"
    site_settings.save()

    english = client.get("/en/").content.decode()
    assert "<title>" in english and "Craft villages of Lạng Sơn</title>" in english
    assert '<span class="brand__name">Craft villages of Lạng Sơn</span>' in english
    assert "Lạng Sơn Department of Culture, Sports and Tourism" in english
    assert "Lương Văn Tri ward, Lạng Sơn province" in english
    vietnamese = client.get("/").content.decode()
    assert '<span class="brand__name">Làng nghề Lạng Sơn</span>' in vietnamese
    assert "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn" in vietnamese


@pytest.mark.django_db
def test_untranslated_contact_shows_the_vietnamese_marked_as_such(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.address = "Phường Lương Văn Tri, tỉnh Lạng Sơn"
    site_settings.address_zh_hans = ""
    site_settings.save()
    html = client.get("/zh-hans/").content.decode()
    assert '<span lang="vi">Phường Lương Văn Tri, tỉnh Lạng Sơn</span>' in html
    assert '<small class="untranslated">' in html


# --- The trace page ------------------------------------------------------------------------------


@pytest.fixture
def batch(home):
    batch = BatchFactory(
        lot_code="VQ2610-01",
        product=product_for_sale(title="Tinh dầu hồi Văn Quan", title_en="Văn Quan star anise oil"),
        unit="sản phẩm",
        unit_en="items",
        unit_zh_hans="件",
        quantity=250,
        raw_material_origin="Hoa hồi chín thu hái ở thôn Bản Châu",
        raw_material_origin_zh_hans="文关乡板州村采摘的成熟八角",
    )
    BatchStepFactory(
        batch=batch,
        place="Thôn Bản Châu",
        place_en="Bản Châu hamlet",
        place_zh_hans="板州村",
        description="Thu hái hoa hồi chín",
        description_en="Ripe star anise picked",
        description_zh_hans="采摘成熟八角",
    )
    return batch


def test_trace_page_steps_materials_and_unit_in_chinese(client, batch):
    html = client.get("/zh-hans/trace/VQ2610-01/").content.decode()
    assert "250 件" in html
    assert "板州村" in html and "采摘成熟八角" in html
    assert "文关乡板州村采摘的成熟八角" in html
    assert "sản phẩm" not in html and "Thu hái" not in html


def test_trace_page_marks_what_is_not_translated_yet(client, batch):
    html = client.get("/en/trace/VQ2610-01/").content.decode()
    assert "250 items" in html and "Bản Châu hamlet" in html
    # No English for the raw materials yet: the Vietnamese, marked, with a note in English.
    assert '<span lang="vi">Hoa hồi chín thu hái ở thôn Bản Châu</span>' in html
    assert "(in Vietnamese)" in html
    assert untranslated(html, "en", names=["Văn Quan", "Bản Châu", "Lạng Sơn"]) == []


def test_vietnamese_trace_page_is_unchanged(client, batch):
    html = client.get("/trace/VQ2610-01/").content.decode()
    assert "250 sản phẩm" in html and "Thôn Bản Châu" in html
    assert 'lang="vi">Hoa' not in html


# --- The glossary --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_glossary_names_a_place_in_each_language_and_leaves_unknown_names_alone():
    PlaceName.objects.create(
        name="xã Tràng Định",
        kind=PlaceName.Kind.COMMUNE,
        name_en="Tràng Định commune",
        name_zh_hans="长定乡",
    )
    with translation.override("zh-hans"):
        assert name_of("xã Tràng Định") == "长定乡"
        assert name_of("xã Không Có") == "xã Không Có"
    with translation.override("en"):
        assert name_of("xã Tràng Định") == "Tràng Định commune"
    with translation.override("vi"):
        assert name_of("xã Tràng Định") == "xã Tràng Định"


def test_trace_page_writes_the_producers_commune_as_the_glossary_does(client, batch):
    PlaceName.objects.create(name="xã Văn Quan", name_en="Văn Quan commune", name_zh_hans="文关乡")
    batch.product.producer = ProducerFactory(address="", commune="xã Văn Quan")
    batch.product.save()
    assert "文关乡" in client.get("/zh-hans/trace/VQ2610-01/").content.decode()


# --- The checker itself --------------------------------------------------------------------------


def test_the_checker_finds_vietnamese_left_on_an_english_page_but_not_marked_fallbacks():
    page = (
        "<html><head><title>Nà Phiêng</title><script>var s = 'Giỏ hàng';</script></head>"
        "<body><p>Giỏ hàng của bạn</p><p lang='vi'>Làng hương <b>Nà Phiêng</b></p>"
        "<p>Nà Phiêng incense village</p></body></html>"
    )
    assert visible_text(page) == ["Nà Phiêng", "Giỏ hàng của bạn", "Nà Phiêng incense village"]
    problems = untranslated(page, "en", names=["Nà Phiêng"])
    assert len(problems) == 1 and "Giỏ" in problems[0]


# --- The admin -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_keep_the_glossary_and_the_rates_in_the_admin(client, home):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("quantri", "quantri@langnghe.example", "x")
    client.force_login(admin)
    PlaceName.objects.create(name="Nà Phiêng", name_en="Nà Phiêng", name_zh_hans="那平")
    listing = client.get("/admin/snippets/pages/placename/")
    assert listing.status_code == 200
    assert "那平" in listing.content.decode()
    form = client.get("/admin/settings/pages/exchangerates/", follow=True)
    assert form.status_code == 200
    assert 'name="vnd_per_cny"' in form.content.decode()
