"""What the audit log records: who changed a product, a price, a stock level or an order's status.

django-auditlog keeps one entry per save or delete of these models, with the signed-in user taken
from the request by its middleware. Stock held for an order is updated in the database directly
(partner.StockRecord.allocate) and is not a change anyone made by hand, so it is not logged.
"""

from auditlog.registry import auditlog
from oscar.core.loading import get_model

AUDITED = {
    ("catalogue", "Product"): [
        "title",
        "title_en",
        "title_zh_hans",
        "description",
        "description_en",
        "description_zh_hans",
        "is_public",
        # What the product claims to buyers: its OCOP rating, origin, producer and barcode.
        "ocop_stars",
        "ocop_certificate_number",
        "ocop_certified_on",
        "village",
        "producer",
        "gtin",
    ],
    ("partner", "StockRecord"): ["price", "num_in_stock", "partner_sku"],
    ("order", "Order"): ["status"],
    ("order", "Line"): ["status"],
}


def register():
    for (app_label, model_name), fields in AUDITED.items():
        model = get_model(app_label, model_name)
        names = {field.name for field in model._meta.get_fields()}
        auditlog.register(model, include_fields=[name for name in fields if name in names])


def audited_content_types():
    from django.contrib.contenttypes.models import ContentType

    models = [get_model(app_label, name) for app_label, name in AUDITED]
    return ContentType.objects.get_for_models(*models).values()
