"""Public traceability: the page a QR code on the package opens, the code itself, label sheets.

What a buyer sees follows Circular 02/2024/TT-BKHCN: product name and image, producer and its
address, production date, trademark, codes and lot number, expiry date; one step back (where the
raw materials came from) and one step forward (who sells it).
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from oscar.core.loading import get_model

from pages.text import slugify

from . import qr
from .storage import file_response

Batch = get_model("catalogue", "Batch")
BatchCertificate = get_model("catalogue", "BatchCertificate")

LABELS_PER_SHEET = 24
MAX_LABELS = 200


def find_batch(lot_code, gtin=None):
    """The batch with this lot code (and, from a Digital Link, this product GTIN), or None."""
    batches = Batch.objects.select_related("product", "product__producer", "product__village")
    batch = batches.filter(lot_code=lot_code).first()
    if batch is None:
        return None
    if gtin is not None and batch.product.gtin != gtin.zfill(14):
        return None
    return batch


def scan_address(request, batch):
    """The absolute address printed in the QR code, in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(batch.get_absolute_url())


def is_published(product):
    """Whether the public may see this product's batches (awaiting an editor, or hidden: no)."""
    return product.is_public or bool(product.own_page_url())


def works_for(user, producer):
    return producer is not None and producer.users.filter(pk=user.pk).exists()


def not_genuine(request, code):
    return render(request, "oscar/catalogue/trace/not_genuine.html", {"code": code}, status=404)


@require_safe
@never_cache
def batch_page(request, lot_code, gtin=None):
    """What scanning the package shows; counts the scan. Unknown codes are not genuine."""
    batch = find_batch(lot_code, gtin)
    if batch is None:
        return not_genuine(request, f"{gtin}/{lot_code}" if gtin else lot_code)
    product = batch.product
    if not is_published(product):
        # Awaiting an editor or hidden by staff: its name and text are not approved facts.
        code = f"{gtin}/{lot_code}" if gtin else lot_code
        return render(
            request, "oscar/catalogue/trace/not_published.html", {"code": code}, status=404
        )
    if request.method == "GET" and not request.user.is_staff:
        batch.record_scan()
    context = {
        "batch": batch,
        "product": product,
        "producer": product.producer,
        "village": product.localized_village(),
        "steps": batch.steps.all(),
        "certificates": batch.certificates.all(),
        "scan_address": scan_address(request, batch),
    }
    return render(request, "oscar/catalogue/trace/batch.html", context)


@require_safe
def certificate(request, lot_code, pk):
    """A batch's certificate file: a PDF downloaded as an attachment, a photo of it shown.

    Public once the batch's product is; before that, for its producer and the staff only.
    """
    item = get_object_or_404(
        BatchCertificate.objects.select_related("batch__product__producer"),
        pk=pk,
        batch__lot_code=lot_code,
    )
    product = item.batch.product
    public = is_published(product)
    user = request.user
    if not public and not (
        user.is_authenticated and (user.is_staff or works_for(user, product.producer))
    ):
        raise Http404
    response = file_response(item.file, slugify(item.title)[:60] or f"certificate-{item.pk}")
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response


@require_safe
def qr_code(request, lot_code, kind):
    batch = find_batch(lot_code)
    if batch is None:
        return not_genuine(request, lot_code)
    address = scan_address(request, batch)
    if kind == "png":
        response = HttpResponse(qr.png(address), content_type="image/png")
    else:
        response = HttpResponse(qr.svg(address), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="{batch.lot_code}.{kind}"'
    response["Cache-Control"] = "public, max-age=86400"
    return response


@login_required
@require_safe
def label_sheet(request, lot_code):
    """A printable A4 sheet of labels for a batch, for staff and the producer's own accounts."""
    batch = find_batch(lot_code)
    if batch is None:
        return not_genuine(request, lot_code)
    producer = batch.product.producer
    allowed = request.user.is_staff or works_for(request.user, producer)
    if not allowed:
        raise PermissionDenied(_("Only the producer and the shop's staff print labels."))
    try:
        count = int(request.GET.get("count", LABELS_PER_SHEET))
    except ValueError:
        count = LABELS_PER_SHEET
    count = max(1, min(count, MAX_LABELS))
    address = scan_address(request, batch)
    context = {
        "batch": batch,
        "product": batch.product,
        "producer": producer,
        "address": address,
        "qr_svg": qr.svg_inline(address, scale=3),
        "labels": range(count),
    }
    return render(request, "oscar/catalogue/trace/labels.html", context)
