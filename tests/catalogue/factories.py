"""Shop factories: Oscar's own (they load our forked models through get_model), plus ours."""

import datetime
from decimal import Decimal

import factory
from oscar.core.loading import get_model
from oscar.test.factories import (  # noqa: F401  (re-exported for the suite)
    BasketFactory,
    CategoryFactory,
    PartnerFactory,
    ProductClassFactory,
    ProductFactory,
    ProductImageFactory,
    StockRecordFactory,
    create_product,
)

Partner = get_model("partner", "Partner")
Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")


def product_for_sale(title="Tinh dầu hồi Văn Quan", price=125000, stock=10, **fields):
    """A public product with one stock record at a whole-đồng price."""
    return create_product(title=title, price=Decimal(price), num_in_stock=stock, **fields)


class ProducerFactory(PartnerFactory):
    """A producer: an Oscar partner with its kind, commune and contact."""

    name = factory.Sequence(lambda n: f"HTX hồi Văn Quan số {n}")
    kind = Partner.Kind.COOPERATIVE
    commune = "xã Văn Quan"
    address = "Thôn Bản Châu, xã Văn Quan, tỉnh Lạng Sơn"
    contact_name = "Hoàng Văn Minh"
    # Each producer its own number (mobile 098 …), as a sign-in by phone expects.
    phone = factory.Sequence(lambda n: f"+8498{n % 10**7:07d}")

    class Meta:
        model = Partner


def ocop_product(stars=4, certified_on=datetime.date(2024, 5, 10), **fields):
    """A product for sale with an OCOP rating."""
    product = product_for_sale(**fields)
    product.ocop_stars = stars
    product.ocop_certificate_number = "123/QĐ-UBND"
    product.ocop_certified_on = certified_on
    product.save()
    return product


class BatchFactory(factory.django.DjangoModelFactory):
    product = factory.LazyFunction(product_for_sale)
    lot_code = factory.Sequence(lambda n: f"VQ24-{n:04d}")
    production_date = datetime.date(2026, 10, 1)
    expiry_date = datetime.date(2028, 10, 1)
    raw_material_origin = "Hoa hồi chín thu hái ở thôn Bản Châu, xã Văn Quan"
    quantity = 500
    unit = "chai"

    class Meta:
        model = Batch


class BatchStepFactory(factory.django.DjangoModelFactory):
    batch = factory.SubFactory(BatchFactory)
    kind = BatchStep.Kind.HARVEST
    date = datetime.date(2026, 9, 20)
    place = "Thôn Bản Châu"
    description = "Thu hái hoa hồi chín"

    class Meta:
        model = BatchStep


class BatchCertificateFactory(factory.django.DjangoModelFactory):
    batch = factory.SubFactory(BatchFactory)
    title = "Phiếu kiểm nghiệm"
    issued_by = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Lạng Sơn"
    file = factory.django.FileField(filename="kiem-nghiem.pdf", data=b"%PDF-1.4 sample")

    class Meta:
        model = BatchCertificate
