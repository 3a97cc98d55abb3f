"""Sample producers and OCOP products of the sample villages, with batches, for `load_demo`.

The content is in `demo_data/`: the producers, the products (`vi`, `en`, `zh-hans`: title and
description; OCOP rating, village, craft, badges, price, stock, the picture drawn for it, and which
kind of batches it has), the categories' names in English and Chinese, the batches of each kind
(`batches.json`: lots, origin of the raw material, steps in days before the production date), and
the names of the extra products and producers made for `--scale` (`scaled.json`).
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import transaction

from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalogue.models import gtin_check_digit
from pages.demo import draw, read_demo_data
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

PRODUCERS = read_demo_data("catalogue", "producers")
# Numbered from 1 in this order: MAU-00001, MAU-00002…
PRODUCTS = read_demo_data("catalogue", "products")
# The categories of PRODUCTS, by Vietnamese name: English and Chinese names.
CATEGORY_NAMES = read_demo_data("catalogue", "categories")
BATCHES = read_demo_data("catalogue", "batches")
SCALED = read_demo_data("catalogue", "scaled")


@transaction.atomic
def load(demo):
    product_class, _ = ProductClass.objects.get_or_create(
        slug="san-pham-lang-nghe",
        defaults={"name": "Sản phẩm làng nghề", "requires_shipping": True, "track_stock": True},
    )
    _vietnam()
    partners = {}
    for spec in PRODUCERS:
        code = spec["code"]
        partners[code], _ = Partner.objects.get_or_create(
            code=code, defaults={"name": spec["name"]}
        )
        _describe_producer(partners[code], spec)
    made = 0
    for number, spec in enumerate(PRODUCTS, start=1):
        made += _product(demo, product_class, partners[spec["producer"]], f"MAU-{number:05d}", spec)
    _translate_categories()
    villages = {
        page.slug: page
        for page in VillagePage.objects.filter(locale__language_code="vi", is_sample=True)
    }
    batches = 0
    for number in range(1, len(PRODUCTS) + 1):
        product = Product.objects.get(upc=f"MAU-{number:05d}")
        spec = PRODUCTS[number - 1]
        _describe(product, number, spec, partners[spec["producer"]], villages)
        batches += _batches(product, number, spec["batches"])
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
    leaves = {create_from_breadcrumbs(spec["category"]) for spec in PRODUCTS}
    for category in {node for leaf in leaves for node in leaf.get_ancestors_and_self()}:
        translated = CATEGORY_NAMES[category.name]
        names = {
            field: translated[code]
            for field, code in (("name_en", "en"), ("name_zh_hans", "zh-hans"))
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


def _describe_producer(partner, spec):
    if partner.commune:
        return
    for name in ("kind", "commune", "address", "contact_name", "email", "description"):
        setattr(partner, name, spec[name])
    partner.save()


def sample_gtin(number):
    """A GTIN-13 with Vietnam's prefix 893 and a made-up company number (sample only)."""
    digits = f"8939999{number:05d}"
    return digits + gtin_check_digit(digits)


def _describe(product, number, spec, producer, villages):
    """OCOP rating, village, producer, badges and translations of a sample product."""
    product.producer = producer
    product.village = villages.get(spec["village"])
    product.craft = spec["craft"]
    product.geographical_indication = spec["geographical_indication"]
    product.collective_trademark = spec["collective_trademark"]
    product.adults_only = spec.get("adults_only", False)
    english, chinese = spec["en"], spec["zh-hans"]
    product.title_en, product.description_en = english["title"], f"<p>{english['description']}</p>"
    product.title_zh_hans = chinese["title"]
    product.description_zh_hans = f"<p>{chinese['description']}</p>"
    if ocop := spec["ocop"]:
        product.ocop_stars = ocop["stars"]
        product.ocop_certified_on = datetime.date.fromisoformat(ocop["certified_on"])
        product.ocop_certificate_number = ocop["certificate_number"]
    if number % 2:
        product.gtin = sample_gtin(number)
    product.save()


def _batches(product, number, kind):
    """The production batches of a product, the older one first, with their dated steps."""
    spec = BATCHES["kinds"][kind]
    made = 0
    texts = ("place", "description")
    for lot in BATCHES["lots"]:
        produced = datetime.date.fromisoformat(lot["produced"])
        lot_code = f"MAU{number}-{produced:%y%m}{lot['lot']}"
        if Batch.objects.filter(lot_code=lot_code).exists():
            continue
        keeps = spec["keeps_days"]
        batch = Batch.objects.create(
            product=product,
            lot_code=lot_code,
            production_date=produced,
            expiry_date=produced + datetime.timedelta(days=keeps) if keeps else None,
            raw_material_origin=spec["raw_material_origin"],
            raw_material_origin_en=spec["raw_material_origin_en"],
            raw_material_origin_zh_hans=spec["raw_material_origin_zh_hans"],
            quantity=200 + 50 * number,
            unit=BATCHES["unit"],
            unit_en=BATCHES["unit_en"],
            unit_zh_hans=BATCHES["unit_zh_hans"],
        )
        for step in spec["steps"]:
            BatchStep.objects.create(
                batch=batch,
                kind=step["kind"],
                date=produced - datetime.timedelta(days=step["days_before"]),
                **{name: value for name, value in step.items() if name.startswith(texts)},
            )
        made += 1
    return made


def _product(demo, product_class, partner, upc, spec):
    if Product.objects.filter(upc=upc).exists():
        return 0
    title = spec["vi"]["title"]
    product = Product.objects.create(
        upc=upc,
        title=title,
        description=f"<p>{spec['vi']['description']}</p>",
        product_class=product_class,
        is_sample=True,
    )
    ProductCategory.objects.create(
        product=product, category=create_from_breadcrumbs(spec["category"])
    )
    StockRecord.objects.create(
        product=product,
        partner=partner,
        partner_sku=upc,
        price=Decimal(spec["price"]),
        num_in_stock=spec["stock"],
    )
    motif, palette = spec["picture"]["motif"], spec["picture"]["palette"]
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
        Partner.objects.get_or_create(
            code=f"mau-{n}", defaults={"name": SCALED["producer_name"].format(number=n)}
        )[0]
        for n in range(1, max(0, demo.scale // 20 - len(partners)) + 1)
    ]
    categories = [create_from_breadcrumbs(spec["category"]) for spec in PRODUCTS]
    pictures = {(spec["picture"]["motif"], spec["picture"]["palette"]) for spec in PRODUCTS}
    shared_images = []
    for motif, palette in pictures:
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
                title=SCALED["product_title"].format(title=base["vi"]["title"], number=index),
                slug=f"mau-{index}",
                description=f"<p>{base['vi']['description']}</p>",
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
                price=Decimal(base["price"] + 1000 * (index % 50)),
                num_in_stock=index % 40,
            )
        )
        images.append(
            ProductImage(
                product=product,
                original=shared_images[index % len(shared_images)],
                caption=base["vi"]["title"],
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
