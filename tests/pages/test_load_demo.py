"""`load_demo` builds a whole sample site, marked as sample, and running it twice adds nothing."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page

from catalogue.models import Category, Product
from pages.models import HomePage
from tours.models import TourPage
from villages.models import GeoparkSitePage, VillagePage


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "products": Product.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction that is rolled back at its end;
    each test runs in a savepoint of it, so what one test changes the next does not see."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(loaded_demo, db):
    pass


def test_demo_twice_adds_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == before


def test_demo_names_its_categories_in_english_and_chinese_and_run_again_keeps_them(demo, client):
    # A database loaded before categories were translated, and a name an editor changed since.
    Category.objects.filter(name="Dệt may").update(name_en="", name_zh_hans="")
    Category.objects.filter(name="Hương").update(name_en="Incense sticks")

    call_command("load_demo", stdout=StringIO())

    names = {
        category.name: (category.name_en, category.name_zh_hans)
        for category in Category.objects.all()
    }
    assert names["Dệt may"] == ("Textiles", "纺织品")
    assert names["Đặc sản"] == ("Specialities", "特产")
    assert names["Hương"] == ("Incense sticks", "香")
    assert all(english and chinese for english, chinese in names.values())
    # The index search.demo built names them too: the listings' category facet.
    assert "?category=Textiles" in client.get("/en/catalogue/").content.decode()
    assert ">纺织品</a>" in client.get("/zh-hans/catalogue/").content.decode()


def test_demo_is_all_sample_content(demo):
    assert VillagePage.objects.count() >= 5 * 3  # five villages, three languages
    assert GeoparkSitePage.objects.count() >= 4 * 3
    assert TourPage.objects.count() >= 3 * 3
    assert Product.objects.count() >= 8
    for model in (HomePage, VillagePage, GeoparkSitePage, TourPage):
        assert not model.objects.filter(is_sample=False).exists()
    assert not Product.objects.filter(is_sample=False).exists()
    assert not Product.objects.filter(images__isnull=True).exists()


def test_demo_pages_answer_in_every_language(demo, client):
    village = VillagePage.objects.get(slug="lang-huong-na-phieng", locale__language_code="vi")
    tour = TourPage.objects.get(slug="mot-ngay-bac-son", locale__language_code="vi")
    product = Product.objects.get(upc="MAU-00001")
    with translation.override("vi"):
        product_path = product.get_absolute_url()
    for prefix in ("", "/en", "/zh-hans"):
        for path in ("/", village.url, tour.url, product_path, "/basket/"):
            response = client.get(prefix + path if path != "/" else prefix + "/")
            assert response.status_code == 200, (prefix, path)
    assert "185.000\xa0₫" in client.get(product_path).content.decode()
    assert "₫185,000" in client.get("/en" + product_path).content.decode()


def test_demo_accounts_can_sign_in(demo, client):
    assert client.login(username="bientapvien", password="langnghe-bientap")
    assert client.get("/admin/").status_code == 200
    client.logout()
    producer = get_user_model().objects.get(username="nghenhan")
    assert producer.partners.filter(code="huong-na-phieng").exists()
    assert client.login(username="nghenhan", password="langnghe-nghenhan")


def test_demo_scale_makes_that_many_products(demo):
    call_command("load_demo", scale=60, stdout=StringIO())
    # Tickets of the sample craft experiences are products too, but not shop products.
    shop = Product.objects.exclude(product_class__slug="experience-session")
    assert shop.count() == 60
    assert all(product.stockrecords.exists() for product in shop[:60])


@pytest.mark.parametrize(
    ("prefix", "titles"),
    [
        ("", ["Chính sách đổi trả (mẫu)", "Chính sách bảo vệ dữ liệu cá nhân (mẫu)",
              "Thông tin người bán (mẫu)"]),
        ("/en", ["Returns policy (sample)", "Privacy policy (sample)",
                 "Seller information (sample)"]),
        ("/zh-hans", ["退换货政策（示例）", "隐私政策（示例）", "卖家信息（示例）"]),
    ],
)  # fmt: skip
def test_demo_shows_the_shops_rules_in_the_footer_of_every_language(demo, client, prefix, titles):
    from pages.models import StandardPage

    footer = client.get(f"{prefix}/").content.decode().split('class="site-footer"')[1]
    for title in titles:
        assert title in footer
    rules = StandardPage.objects.filter(slug__in=["chinh-sach-doi-tra", "thong-tin-nguoi-ban"])
    assert rules.count() == 6 and all(page.is_sample for page in rules)


def test_demo_rice_wine_is_sold_to_adults_only(demo):
    assert Product.objects.get(title="Rượu men lá Mẫu Sơn 750 ml").adults_only
    assert not Product.objects.get(title="Tinh dầu hồi Văn Quan 100 ml").adults_only
