"""Traceability addresses, mounted inside i18n_patterns before Oscar's shop.

`/trace/<lot>/` for every batch, and the GS1 Digital Link `/01/<GTIN>/10/<lot>` when the product
has a GTIN (the address its QR code holds).
"""

from django.urls import path, re_path

from . import trace

app_name = "trace"

LOT = r"(?P<lot_code>[A-Za-z0-9][A-Za-z0-9._-]{0,19})"

urlpatterns = [
    path("trace/<str:lot_code>/", trace.batch_page, name="batch"),
    path("trace/<str:lot_code>/qr.png", trace.qr_code, {"kind": "png"}, name="qr-png"),
    path("trace/<str:lot_code>/qr.svg", trace.qr_code, {"kind": "svg"}, name="qr-svg"),
    path("trace/<str:lot_code>/labels/", trace.label_sheet, name="labels"),
    path("trace/<str:lot_code>/certificates/<int:pk>/", trace.certificate, name="certificate"),
    re_path(rf"^01/(?P<gtin>\d{{8,14}})/10/{LOT}/?$", trace.batch_page, name="digital-link"),
]
