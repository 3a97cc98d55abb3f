"""What a change of a producer or of stock touches (pages/changes.py)."""

from django.db.models import Q

from oscar.core.loading import get_model

from pages.changes import Shown, register

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")

# A stock record (price, stock) is part of its product: its page, listings and search entry.
register(StockRecord, part_of=lambda records: [record.product for record in records])
# A producer's name shows on its products' pages, listings and search results (the producer facet).
register(
    Partner,
    part_of=lambda partners: Product.objects.filter(
        Q(producer__in=partners) | Q(stockrecords__partner__in=partners)
    ).distinct(),
    shown_at=lambda partners: Shown(groups={"catalogue", "search", "products"}),
)
