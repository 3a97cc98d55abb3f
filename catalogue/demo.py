"""Sample producers and OCOP products of the sample villages, with batches, for `load_demo`."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import transaction

from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalogue.models import gtin_check_digit
from pages.demo import draw
from villages.models import VillagePage

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Country = get_model("address", "Country")
Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")

# code: kind, commune, address, contact person (all sample data)
PRODUCER_DETAILS = {
    "hoi-van-quan": ("cooperative", "xã Văn Quan", "Thôn Bản Châu, xã Văn Quan", "Hoàng Văn Minh"),
    "huong-na-phieng": (
        "cooperative",
        "xã Tràng Định",
        "Bản Nà Phiêng, xã Tràng Định",
        "Hoàng Thị Lan",
    ),
    "ruou-cong-son": ("household", "xã Công Sơn", "Thôn Khuổi Cấp, xã Công Sơn", "Triệu Văn Sơn"),
    "det-cham-bac-son": (
        "cooperative",
        "xã Bắc Sơn",
        "Thôn Long Hưng, xã Bắc Sơn",
        "Lương Thị Mai",
    ),
    "mat-na-mai-pha": (
        "household",
        "phường Kỳ Lừa",
        "Khối Mai Pha, phường Kỳ Lừa",
        "Nông Văn Tuấn",
    ),
}

PRODUCERS = [
    ("HTX Hồi Văn Quan (mẫu)", "hoi-van-quan"),
    ("Tổ hợp tác hương Nà Phiêng (mẫu)", "huong-na-phieng"),
    ("Hộ nấu rượu men lá Công Sơn (mẫu)", "ruou-cong-son"),
    ("HTX Dệt chàm Bắc Sơn (mẫu)", "det-cham-bac-son"),
    ("Hộ làm mặt nạ Mai Pha (mẫu)", "mat-na-mai-pha"),
]

# title, category, producer code, price in đồng, stock, picture (motif, palette), description
PRODUCTS = [
    (
        "Tinh dầu hồi Văn Quan 100 ml",
        "Đặc sản > Tinh dầu và gia vị",
        "hoi-van-quan",
        185000,
        40,
        ("sticks", "anise"),
        "Tinh dầu chưng cất từ hoa hồi chín của vùng hồi Văn Quan, chỉ dẫn địa lý từ năm 2007.",
    ),
    (
        "Hoa hồi khô Văn Quan 500 g",
        "Đặc sản > Tinh dầu và gia vị",
        "hoi-van-quan",
        120000,
        60,
        ("sticks", "earth"),
        "Hoa hồi phơi khô tự nhiên, cánh đều, thơm đậm.",
    ),
    (
        "Hương trầm Nà Phiêng (bó 100 nén)",
        "Hương",
        "huong-na-phieng",
        65000,
        120,
        ("sticks", "anise"),
        "Hương se tay từ bột vỏ cây và hoa hồi, không hóa chất tạo màu.",
    ),
    (
        "Rượu men lá Mẫu Sơn 750 ml",
        "Đặc sản > Rượu",
        "ruou-cong-son",
        150000,
        30,
        ("mountains", "forest"),
        "Rượu gạo ủ men lá rừng của người Dao, chưng cất trong nồi đồng.",
    ),
    (
        "Áo chàm thổ cẩm",
        "Dệt may",
        "det-cham-bac-son",
        650000,
        12,
        ("brocade", "indigo"),
        "Áo nhuộm chàm thủ công, viền thổ cẩm dệt tay.",
    ),
    (
        "Khăn thổ cẩm dệt tay",
        "Dệt may",
        "det-cham-bac-son",
        350000,
        25,
        ("brocade", "earth"),
        "Khăn dệt trên khung gỗ với hoa văn truyền thống của người Tày.",
    ),
    (
        "Mặt nạ mèo sư tử Mai Pha",
        "Thủ công mỹ nghệ",
        "mat-na-mai-pha",
        480000,
        8,
        ("brocade", "anise"),
        "Mặt nạ bồi giấy, vẽ tay, dùng cho múa sư tử mèo hoặc treo trang trí.",
    ),
    (
        "Thạch đen Tràng Định 1 kg",
        "Đặc sản > Thực phẩm khô",
        "huong-na-phieng",
        45000,
        80,
        ("tiles", "stone"),
        "Thạch đen nấu từ cây thạch đen trồng ở Tràng Định.",
    ),
]

# The categories of PRODUCTS, by Vietnamese name: English and Chinese names.
CATEGORY_NAMES = {
    "Đặc sản": ("Specialities", "特产"),
    "Tinh dầu và gia vị": ("Essential oils and spices", "精油与香料"),
    "Rượu": ("Rice spirits", "米酒"),
    "Thực phẩm khô": ("Dried foods", "干货"),
    "Hương": ("Incense", "香"),
    "Dệt may": ("Textiles", "纺织品"),
    "Thủ công mỹ nghệ": ("Handicrafts", "手工艺品"),
}

# By product number: village slug, craft, OCOP (stars, certificate date) or None, geographical
# indication, collective trademark, English and Chinese title and description.
DETAILS = {
    1: (
        "hoi-van-quan",
        "Chưng cất tinh dầu hồi",
        (4, datetime.date(2024, 6, 14)),
        "Hồi Văn Quan",
        "",
        (
            "Văn Quan star anise oil 100 ml",
            "Oil distilled from ripe star anise of Văn Quan, a geographical indication since 2007.",
        ),
        ("文关八角油 100毫升", "用文关成熟八角蒸馏的精油，2007年起受地理标志保护。"),
    ),
    2: (
        "hoi-van-quan",
        "Phơi sấy hoa hồi",
        (3, datetime.date(2023, 9, 20)),
        "Hồi Văn Quan",
        "",
        (
            "Văn Quan dried star anise 500 g",
            "Star anise dried in the sun, even petals, strong scent.",
        ),
        ("文关干八角 500克", "自然晒干的八角，瓣匀香浓。"),
    ),
    3: (
        "lang-huong-na-phieng",
        "Làm hương",
        (3, datetime.date(2024, 11, 5)),
        "",
        "Hương Nà Phiêng",
        (
            "Nà Phiêng incense (100 sticks)",
            "Hand-rolled incense of bark powder and star anise, no dyes.",
        ),
        ("那飘手工香（100支）", "用树皮粉和八角手工搓制的香，不含色素。"),
    ),
    4: (
        "ruou-men-la-mau-son",
        "Nấu rượu men lá",
        (4, datetime.date(2023, 12, 1)),
        "",
        "Rượu Mẫu Sơn",
        (
            "Mẫu Sơn leaf-yeast rice wine 750 ml",
            "Rice wine of the Dao, fermented with forest-leaf yeast and distilled in copper pots.",
        ),
        ("母山叶曲米酒 750毫升", "瑶族用山林叶曲发酵、铜锅蒸馏的米酒。"),
    ),
    5: (
        "",
        "Dệt thổ cẩm, nhuộm chàm",
        None,
        "",
        "",
        ("Indigo-dyed brocade shirt", "Hand-dyed indigo shirt trimmed with hand-woven brocade."),
        ("蓝靛织锦上衣", "手工蓝靛染色上衣，镶手织织锦边。"),
    ),
    6: (
        "",
        "Dệt thổ cẩm",
        (3, datetime.date(2025, 3, 18)),
        "",
        "",
        (
            "Hand-woven brocade scarf",
            "A scarf woven on a wooden loom with traditional Tày patterns.",
        ),
        ("手工织锦围巾", "在木织机上织成的围巾，带岱族传统花纹。"),
    ),
    7: (
        "mat-na-meo-su-tu-mai-pha",
        "Làm mặt nạ giấy bồi",
        None,
        "",
        "",
        (
            "Mai Pha cat-lion mask",
            "Papier-mâché mask painted by hand, for the cat-lion dance or the wall.",
        ),
        ("梅坡猫狮面具", "手绘纸糊面具，用于猫狮舞或挂饰。"),
    ),
    8: (
        "",
        "Nấu thạch đen",
        (4, datetime.date(2024, 8, 8)),
        "",
        "",
        (
            "Tràng Định black jelly 1 kg",
            "Black jelly cooked from the black-jelly herb grown in Tràng Định.",
        ),
        ("长定黑凉粉 1公斤", "用长定种植的仙草熬制的黑凉粉。"),
    ),
}

# Steps of a batch, in days before its production date: (kind, days before, place, what was done)
STEPS = {
    "food": [
        ("harvest", 20, "Vườn của hộ thành viên", "Thu hái nguyên liệu chín, phân loại tại vườn."),
        ("processing", 7, "Xưởng của cơ sở", "Sơ chế, chế biến theo quy trình của cơ sở."),
        (
            "testing",
            3,
            "Trung tâm kiểm nghiệm (mẫu)",
            "Lấy mẫu kiểm nghiệm chỉ tiêu an toàn thực phẩm.",
        ),
        ("packing", 0, "Xưởng của cơ sở", "Đóng gói, dán nhãn và tem truy xuất."),
    ],
    "craft": [
        ("harvest", 30, "Rừng và nương của bản", "Khai thác, thu gom nguyên liệu tự nhiên."),
        ("processing", 10, "Nhà của nghệ nhân", "Làm thủ công từng sản phẩm."),
        ("packing", 0, "Xưởng của cơ sở", "Kiểm tra, đóng gói và dán tem truy xuất."),
    ],
}
ORIGINS = {
    "food": "Nguyên liệu do các hộ thành viên trồng và thu hái trong xã (dữ liệu mẫu).",
    "craft": "Nguyên liệu tự nhiên khai thác tại địa phương, mua của các hộ trong bản (dữ liệu mẫu).",
}


@transaction.atomic
def load(demo):
    product_class, _ = ProductClass.objects.get_or_create(
        slug="san-pham-lang-nghe",
        defaults={"name": "Sản phẩm làng nghề", "requires_shipping": True, "track_stock": True},
    )
    _vietnam()
    partners = {}
    for name, code in PRODUCERS:
        partners[code], _ = Partner.objects.get_or_create(code=code, defaults={"name": name})
        _describe_producer(partners[code], PRODUCER_DETAILS[code])
    made = 0
    for number, (title, category, producer, price, stock, picture, description) in enumerate(
        PRODUCTS, start=1
    ):
        made += _product(
            demo,
            product_class,
            partners[producer],
            f"MAU-{number:05d}",
            title,
            category,
            price,
            stock,
            picture,
            description,
        )
    _translate_categories()
    villages = {
        page.slug: page
        for page in VillagePage.objects.filter(locale__language_code="vi", is_sample=True)
    }
    batches = 0
    for number in range(1, len(PRODUCTS) + 1):
        product = Product.objects.get(upc=f"MAU-{number:05d}")
        _describe(product, number, partners[PRODUCTS[number - 1][2]], villages)
        batches += _batches(product, number)
    made += _scaled(demo, product_class, partners)
    _producer_account(partners["huong-na-phieng"], "nghenhan", "Hoàng Thị", "Lan")
    # A second producer's account, to check by hand that producers never see each other's data.
    _producer_account(partners["hoi-van-quan"], "nghenhan2", "Lộc Văn", "Phúc")
    demo.say(
        f"Products: {Product.objects.filter(is_sample=True).count()} ({made} new), "
        f"batches: {batches} new"
    )


def _translate_categories():
    """English and Chinese names of the sample categories, where they have none yet."""
    leaves = {create_from_breadcrumbs(spec[1]) for spec in PRODUCTS}
    for category in {node for leaf in leaves for node in leaf.get_ancestors_and_self()}:
        english, chinese = CATEGORY_NAMES[category.name]
        names = {
            field: name
            for field, name in (("name_en", english), ("name_zh_hans", chinese))
            if not getattr(category, field)
        }
        if names:
            # Not save(): that re-indexes each product of the category, and search.demo rebuilds
            # the whole index after this step anyway.
            Category.objects.filter(pk=category.pk).update(**names)


def _vietnam():
    """Vietnam, the country the shop ships to."""
    Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Viet Nam",
            "is_shipping_country": True,
        },
    )


def _describe_producer(partner, details):
    kind, commune, address, contact = details
    if partner.commune:
        return
    partner.kind = kind
    partner.commune = commune
    partner.address = f"{address}, tỉnh Lạng Sơn (địa chỉ mẫu)"
    partner.contact_name = contact
    partner.email = f"{partner.code}@langnghe.example"
    partner.description = "Cơ sở mẫu cho trang trình diễn."
    partner.save()


def sample_gtin(number):
    """A GTIN-13 with Vietnam's prefix 893 and a made-up company number (sample only)."""
    digits = f"8939999{number:05d}"
    return digits + gtin_check_digit(digits)


def _describe(product, number, producer, villages):
    """OCOP rating, village, producer, badges and translations of a sample product."""
    village, craft, ocop, indication, trademark, english, chinese = DETAILS[number]
    product.producer = producer
    product.village = villages.get(village)
    product.craft = craft
    product.geographical_indication = indication
    product.collective_trademark = trademark
    product.title_en, product.description_en = english[0], f"<p>{english[1]}</p>"
    product.title_zh_hans, product.description_zh_hans = chinese[0], f"<p>{chinese[1]}</p>"
    if ocop:
        product.ocop_stars, product.ocop_certified_on = ocop
        product.ocop_certificate_number = f"{100 + number}/QĐ-UBND (mẫu)"
    if number % 2:
        product.gtin = sample_gtin(number)
    product.save()


def _batches(product, number):
    """Two production batches with their dated steps, the older one first."""
    kind = "food" if number in (1, 2, 4, 8) else "craft"
    made = 0
    for lot, produced in (("A", datetime.date(2026, 6, 2)), ("B", datetime.date(2026, 10, 12))):
        lot_code = f"MAU{number}-{produced:%y%m}{lot}"
        if Batch.objects.filter(lot_code=lot_code).exists():
            continue
        batch = Batch.objects.create(
            product=product,
            lot_code=lot_code,
            production_date=produced,
            expiry_date=produced + datetime.timedelta(days=730) if kind == "food" else None,
            raw_material_origin=ORIGINS[kind],
            quantity=200 + 50 * number,
            unit="sản phẩm",
        )
        for step, days, place, what in STEPS[kind]:
            BatchStep.objects.create(
                batch=batch,
                kind=step,
                date=produced - datetime.timedelta(days=days),
                place=place,
                description=what,
            )
        made += 1
    return made


def _product(
    demo, product_class, partner, upc, title, category, price, stock, picture, description
):
    if Product.objects.filter(upc=upc).exists():
        return 0
    product = Product.objects.create(
        upc=upc,
        title=title,
        description=f"<p>{description}</p>",
        product_class=product_class,
        is_sample=True,
    )
    ProductCategory.objects.create(product=product, category=create_from_breadcrumbs(category))
    StockRecord.objects.create(
        product=product,
        partner=partner,
        partner_sku=upc,
        price=Decimal(price),
        num_in_stock=stock,
    )
    motif, palette = picture
    image = ContentFile(
        draw(palette, motif, seed=title, size=(900, 900)), name=f"{upc.lower()}.jpg"
    )
    ProductImage.objects.create(product=product, original=image, caption=title, display_order=0)
    return 1


def _scaled(demo, product_class, partners):
    """For `--scale N`: N products in all, in bulk, sharing a few drawn pictures."""
    wanted = demo.scale - len(PRODUCTS)
    if wanted <= 0:
        return 0
    existing = set(Product.objects.filter(upc__startswith="MAU-").values_list("upc", flat=True))
    producers = list(partners.values()) + [
        Partner.objects.get_or_create(code=f"mau-{n}", defaults={"name": f"Cơ sở mẫu số {n}"})[0]
        for n in range(1, max(0, demo.scale // 20 - len(partners)) + 1)
    ]
    categories = [create_from_breadcrumbs(spec[1]) for spec in PRODUCTS]
    shared_images = []
    for motif, palette in {spec[5] for spec in PRODUCTS}:
        path = ProductImage._meta.get_field("original").storage.save(
            f"images/products/mau-{motif}-{palette}.jpg",
            ContentFile(draw(palette, motif, seed=motif + palette, size=(900, 900))),
        )
        shared_images.append(path)
    new = []
    for index in range(len(PRODUCTS) + 1, demo.scale + 1):
        upc = f"MAU-{index:05d}"
        if upc in existing:
            continue
        base = PRODUCTS[index % len(PRODUCTS)]
        new.append(
            Product(
                upc=upc,
                title=f"{base[0]} – lô mẫu {index}",
                slug=f"mau-{index}",
                description=f"<p>{base[6]}</p>",
                product_class=product_class,
                structure=Product.STANDALONE,
                is_public=True,
                is_sample=True,
            )
        )
    Product.objects.bulk_create(new, batch_size=1000)
    created = Product.objects.filter(upc__in=[product.upc for product in new]).only("pk", "upc")
    links, stock, images = [], [], []
    for product in created:
        index = int(product.upc.split("-")[1])
        base = PRODUCTS[index % len(PRODUCTS)]
        links.append(ProductCategory(product=product, category=categories[index % len(categories)]))
        stock.append(
            StockRecord(
                product=product,
                partner=producers[index % len(producers)],
                partner_sku=product.upc,
                price=Decimal(base[3] + 1000 * (index % 50)),
                num_in_stock=index % 40,
            )
        )
        images.append(
            ProductImage(
                product=product, original=shared_images[index % len(shared_images)], caption=base[0]
            )
        )
    ProductCategory.objects.bulk_create(links, batch_size=1000)
    StockRecord.objects.bulk_create(stock, batch_size=1000)
    ProductImage.objects.bulk_create(images, batch_size=1000)
    return len(new)


def _producer_account(partner, username, first_name, last_name):
    """A craftsperson's account, a user of the producer (an Oscar partner): it works in the
    producer's space (/producer/), not in Oscar's dashboard, whose product form skips moderation."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@langnghe.example",
            "first_name": first_name,
            "last_name": last_name,
        },
    )
    if created:
        user.set_password(f"langnghe-{username}")
        user.save()
    partner.users.add(user)
    user.user_permissions.remove(
        Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")
    )
