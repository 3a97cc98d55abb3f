"""Shop factories: Oscar's own (they load our forked models through get_model), plus ours."""

from decimal import Decimal

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


def product_for_sale(title="Tinh dầu hồi Văn Quan", price=125000, stock=10, **fields):
    """A public product with one stock record at a whole-đồng price."""
    return create_product(title=title, price=Decimal(price), num_in_stock=stock, **fields)
