"""Search test helpers: a small shop and site with the words the issue's examples look for."""

import factory
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from search.models import Synonym
from tests.catalogue.factories import product_for_sale
from tests.pages.factories import translate
from tests.tours.factories import TourPageFactory
from tests.villages.factories import GeoparkSitePageFactory, VillagePageFactory

ProductCategory = get_model("catalogue", "ProductCategory")


class SynonymFactory(factory.django.DjangoModelFactory):
    terms = "star anise, hoa hồi, 八角"

    class Meta:
        model = Synonym


def product(title, category, price=125000, producer="HTX mẫu", description="", **fields):
    made = product_for_sale(
        title=title, price=price, partner_name=producer, description=description, **fields
    )
    ProductCategory.objects.create(product=made, category=create_from_breadcrumbs(category))
    return made


def sample_site():
    """Products, villages, a Geopark site and a tour, some translated; returns them by name."""
    SynonymFactory()
    made = {
        "ao_cham": product(
            "Áo chàm thổ cẩm", "Dệt may", 650000, "HTX Dệt chàm Bắc Sơn", "Áo nhuộm chàm thủ công."
        ),
        "khan": product(
            "Khăn thổ cẩm dệt tay", "Dệt may", 350000, "HTX Dệt chàm Bắc Sơn", "Khăn dệt tay."
        ),
        "dau_hoi": product(
            "Dầu hồi Văn Quan 100 ml",
            "Tinh dầu",
            185000,
            "HTX Hồi Văn Quan",
            "Tinh dầu chưng cất từ hoa hồi chín.",
        ),
        "hoa_hoi": product("Hoa hồi khô 500 g", "Gia vị", 95000, "HTX Hồi Văn Quan", "Phơi khô."),
        "huong": product(
            "Hương trầm Nà Phiêng", "Hương", 65000, "Tổ hợp tác hương Nà Phiêng", "Se tay."
        ),
        "huong_duong": product("Hạt hướng dương rang", "Gia vị", 40000, "Hộ mẫu", "Rang củi."),
        "village": VillagePageFactory(
            title="Làng rèn Đồng Đăng",
            slug="lang-ren-dong-dang",
            introduction="Thợ rèn ở thị trấn biên giới.",
        ),
        "incense_village": VillagePageFactory(
            title="Làng hương Nà Phiêng",
            slug="lang-huong-na-phieng",
            introduction="Hương se tay từ vỏ cây.",
        ),
        "cave": GeoparkSitePageFactory(title="Hang Thẩm Khuyên", slug="tham-khuyen"),
    }
    made["tour"] = TourPageFactory(
        title="Một ngày ở vùng hồi Văn Quan",
        slug="vung-hoi-van-quan",
        stops=[made["incense_village"]],
    )
    made["village_en"] = translate(
        made["incense_village"],
        "en",
        title="Na Phieng incense village",
        introduction="Families hand-roll incense sticks from bark and star anise.",
    )
    made["village_zh"] = translate(
        made["incense_village"],
        "zh-hans",
        title="那飘制香村",
        introduction="家家户户用树皮和八角手工搓香。",
    )
    return made
