from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from oscar.apps.catalogue.admin import *  # noqa: F403
from oscar.core.loading import get_model

Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")


class BatchStepInline(admin.TabularInline):
    model = BatchStep
    extra = 1


class BatchCertificateInline(admin.TabularInline):
    """Certificates are added from the producer's space, which checks the file; here they are
    listed with a link to the view that serves them (a private file has no address of its own)."""

    model = BatchCertificate
    extra = 0
    fields = ("title", "issued_by", "download")
    readonly_fields = ("download",)

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, certificate):
        if not certificate.pk:
            return ""
        return format_html(
            '<a href="{}">{}</a>', certificate.get_absolute_url(), certificate.file.name
        )


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ("lot_code", "product", "production_date", "expiry_date", "scan_count")
    list_filter = ("production_date",)
    search_fields = ("lot_code", "product__title", "product__upc", "product__gtin")
    autocomplete_fields = ("product",)
    readonly_fields = ("scan_count", "last_scanned_at")
    inlines = [BatchStepInline, BatchCertificateInline]
