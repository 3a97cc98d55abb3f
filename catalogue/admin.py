from django.contrib import admin

from oscar.apps.catalogue.admin import *  # noqa: F403
from oscar.core.loading import get_model

Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")


class BatchStepInline(admin.TabularInline):
    model = BatchStep
    extra = 1


class BatchCertificateInline(admin.TabularInline):
    model = BatchCertificate
    extra = 0


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ("lot_code", "product", "production_date", "expiry_date", "scan_count")
    list_filter = ("production_date",)
    search_fields = ("lot_code", "product__title", "product__upc", "product__gtin")
    autocomplete_fields = ("product",)
    readonly_fields = ("scan_count", "last_scanned_at")
    inlines = [BatchStepInline, BatchCertificateInline]
