"""Sample producers and OCOP products of the sample villages, for `load_demo`."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import transaction

from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from pages.demo import draw

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

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


@transaction.atomic
def load(demo):
    product_class, _ = ProductClass.objects.get_or_create(
        slug="san-pham-lang-nghe",
        defaults={"name": "Sản phẩm làng nghề", "requires_shipping": True, "track_stock": True},
    )
    partners = {}
    for name, code in PRODUCERS:
        partners[code], _ = Partner.objects.get_or_create(code=code, defaults={"name": name})
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
    made += _scaled(demo, product_class, partners)
    _producer_account(partners["huong-na-phieng"])
    demo.say(f"Products: {Product.objects.filter(is_sample=True).count()} ({made} new)")


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


def _producer_account(partner):
    """A craftsperson's account, a user of the producer (an Oscar partner)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="nghenhan",
        defaults={
            "email": "nghenhan@langnghe.example",
            "first_name": "Hoàng Thị",
            "last_name": "Lan",
        },
    )
    if created:
        user.set_password("langnghe-nghenhan")
        user.save()
    partner.users.add(user)
    user.user_permissions.add(
        Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")
    )
