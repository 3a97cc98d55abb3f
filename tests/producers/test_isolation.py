"""Nothing leaks across producers: producer B and an anonymous visitor try every endpoint of the
producer's space, and the Oscar dashboard, on producer A's objects, and change nothing."""

import pytest
from oscar.core.loading import get_model

from tours.models import ExperiencePage, ExperienceSession

from .test_producer_space import edit_form, photo, shop_editor  # noqa: F401

Product = get_model("catalogue", "Product")
ProductChange = get_model("catalogue", "ProductChange")
Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")
ShippingEvent = get_model("order", "ShippingEvent")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def snapshot(world):
    """Everything of producer A that a request could change."""
    product = Product.objects.get(pk=world["product"].pk)
    record = product.stockrecords.get()
    batch = Batch.objects.get(pk=world["batch"].pk)
    experience = ExperiencePage.objects.get(pk=world["experience"].pk)
    return {
        "product": (product.title, product.description, product.is_public),
        "stock": (record.price, record.num_in_stock),
        "batch": (batch.lot_code, batch.quantity, batch.product_id),
        "steps": list(BatchStep.objects.filter(batch=batch).values_list("pk", "place")),
        "certificates": list(BatchCertificate.objects.filter(batch=batch).values_list("pk")),
        "batches": Batch.objects.filter(product=product).count(),
        "changes": ProductChange.objects.count(),
        "images": product.images.count(),
        "shipping": ShippingEvent.objects.filter(order=world["order"]).count(),
        "sessions": list(
            ExperienceSession.objects.filter(experience=experience)
            .order_by("pk")
            .values_list("pk", "starts_at", "seats")
        ),
        "revision": experience.latest_revision_id,
        "tickets": list(
            StockRecord.objects.filter(product__experience_session__experience=experience)
            .order_by("pk")
            .values_list("pk", "num_in_stock")
        ),
    }


def space_requests(a):
    """(method, path, data) for each endpoint of the producer's space on A's objects."""
    product, batch, step = a["product"].pk, a["batch"].pk, a["step"].pk
    certificate, number, line = a["certificate"].pk, a["order"].number, a["line"].pk
    experience, session = a["experience"].pk, a["session"].pk
    a_session = {"date": "2031-03-01", "time": "08:00", "seats": "1"}
    return [
        ("get", f"/producer/products/{product}/", None),
        ("post", f"/producer/products/{product}/", edit_form(a["product"], title="Đã sửa")),
        (
            "post",
            f"/producer/products/{product}/",
            {**edit_form(a["product"]), "new_photos": "PHOTO"},
        ),
        ("post", f"/producer/products/{product}/stock/", {"price": "1000", "num_in_stock": "0"}),
        ("get", f"/producer/batches/{batch}/", None),
        (
            "post",
            f"/producer/batches/{batch}/",
            {
                "product": product,
                "lot_code": "HACKED",
                "production_date": "2026-01-01",
                "quantity": "1",
            },
        ),
        (
            "post",
            f"/producer/batches/{batch}/steps/",
            {"kind": "other", "date": "2026-01-01", "place": "X"},
        ),
        ("post", f"/producer/batches/{batch}/certificates/", {"title": "X", "file": "PDF"}),
        ("get", f"/producer/steps/{step}/", None),
        (
            "post",
            f"/producer/steps/{step}/",
            {"kind": "other", "date": "2026-01-01", "place": "Đã sửa"},
        ),
        ("post", f"/producer/steps/{step}/delete/", {}),
        ("post", f"/producer/certificates/{certificate}/delete/", {}),
        ("get", f"/producer/orders/{number}/", None),
        ("post", f"/producer/orders/{number}/", {"tracking_number": "X1", "lines": [line]}),
        ("get", f"/producer/experiences/{experience}/sessions/new/", None),
        ("post", f"/producer/experiences/{experience}/sessions/new/", a_session),
        ("get", f"/producer/experiences/sessions/{session}/", None),
        ("post", f"/producer/experiences/sessions/{session}/", a_session),
        ("post", f"/producer/experiences/sessions/{session}/cancel/", {}),
    ]


def with_files(data):
    if data is None:
        return None
    data = dict(data)
    if data.get("new_photos") == "PHOTO":
        data["new_photos"] = [photo()]
    if data.get("file") == "PDF":
        from django.core.files.uploadedfile import SimpleUploadedFile

        data["file"] = SimpleUploadedFile("x.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    return data


def test_another_producer_gets_404_on_every_endpoint_and_changes_nothing(client, world_a, world_b):
    before = snapshot(world_a)
    client.force_login(world_b["user"])
    for method, path, data in space_requests(world_a):
        response = getattr(client, method)(path, with_files(data))
        assert response.status_code == 404, (method, path, response.status_code)
    assert snapshot(world_a) == before


def test_anonymous_visitor_is_sent_to_sign_in_and_changes_nothing(client, world_a):
    before = snapshot(world_a)
    extra = [
        ("get", path, None)
        for path in (
            "/producer/",
            "/producer/products/",
            "/producer/products/new/",
            "/producer/batches/",
            "/producer/batches/new/",
            "/producer/orders/",
            "/producer/sales/",
            "/producer/changes/",
            "/producer/experiences/",
        )
    ]
    for method, path, data in space_requests(world_a) + extra:
        response = getattr(client, method)(path, with_files(data))
        assert response.status_code == 302, (method, path)
        assert response["Location"].startswith("/accounts/login/"), (method, path)
    assert snapshot(world_a) == before


def test_lists_and_forms_of_another_producer_show_none_of_its_things(client, world_a, world_b):
    a = world_a
    client.force_login(world_b["user"])
    for path in (
        "/producer/",
        "/producer/products/",
        "/producer/products/new/",
        "/producer/batches/",
        "/producer/batches/new/",
        f"/producer/batches/{world_b['batch'].pk}/",
        "/producer/orders/",
        "/producer/sales/",
        "/producer/changes/",
        "/producer/experiences/",
        f"/producer/experiences/{world_b['experience'].pk}/sessions/new/",
        f"/producer/experiences/sessions/{world_b['session'].pk}/",
    ):
        page = client.get(path).content.decode()
        assert a["product"].title not in page, path
        assert a["batch"].lot_code not in page, path
        assert str(a["order"].number) not in page, path
        assert a["experience"].title not in page, path


def test_a_batch_cannot_be_made_for_another_producers_product(client, world_a, world_b):
    client.force_login(world_b["user"])
    before = Batch.objects.filter(product=world_a["product"]).count()
    response = client.post(
        "/producer/batches/new/",
        {
            "product": world_a["product"].pk,
            "lot_code": "B-STEALS",
            "production_date": "2026-01-01",
            "quantity": "1",
        },
    )
    assert response.status_code == 200 and "product" in response.context["form"].errors
    batch = world_b["batch"]
    client.post(
        f"/producer/batches/{batch.pk}/",
        {
            "product": world_a["product"].pk,
            "lot_code": batch.lot_code,
            "production_date": "2026-01-01",
            "quantity": "1",
        },
    )
    batch.refresh_from_db()
    assert batch.product == world_b["product"]
    assert Batch.objects.filter(product=world_a["product"]).count() == before


def test_an_order_line_of_another_producer_cannot_be_marked_sent(client, world_a, world_b):
    from .factories import order_of

    both = order_of(world_a["product"], world_b["product"])
    line_a = both.lines.get(partner=world_a["producer"])
    client.force_login(world_b["user"])
    response = client.post(
        f"/producer/orders/{both.number}/", {"tracking_number": "X1", "lines": [line_a.pk]}
    )
    assert response.status_code == 200 and "lines" in response.context["ship_form"].errors
    assert not ShippingEvent.objects.filter(order=both).exists()


DASHBOARD = [
    "/dashboard/",
    "/dashboard/catalogue/",
    "/dashboard/catalogue/products/{product}/",
    "/dashboard/catalogue/products/{product}/delete/",
    "/dashboard/catalogue/stock-alerts/",
    "/dashboard/orders/",
    "/dashboard/orders/{number}/",
    "/dashboard/orders/{number}/notes/",
    "/dashboard/orders/statistics/",
    "/dashboard/reviews/",
    "/dashboard/users/",
    "/dashboard/partners/",
    "/dashboard/offers/",
    "/dashboard/vouchers/",
    "/dashboard/reports/",
    "/dashboard/pages/",
    "/dashboard/ranges/",
    "/dashboard/comms/",
    "/dashboard/shipping/",
    "/dashboard/moderation/",
    "/dashboard/moderation/{change}/",
]


def test_producers_reach_nothing_of_oscars_dashboard(client, world_a, world_b):
    """Producers work in their space; the dashboard's product form would skip moderation."""
    change = ProductChange.objects.create(product=world_a["product"], proposed={"title": "X"})
    before = snapshot(world_a)
    client.force_login(world_b["user"])
    for template in DASHBOARD:
        path = template.format(
            product=world_a["product"].pk, number=world_a["order"].number, change=change.pk
        )
        for method in ("get", "post"):
            response = getattr(client, method)(path, {"approve": "1"} if method == "post" else None)
            assert response.status_code in (302, 403, 404, 405), (method, path)
            if response.status_code == 302:
                assert "/login/" in response["Location"], (method, path)
    change.refresh_from_db()
    assert change.is_pending
    assert snapshot(world_a) == before
