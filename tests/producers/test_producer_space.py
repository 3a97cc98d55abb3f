"""The issue's "done when", through the producer's space as a craftswoman would use it."""

import io
import re
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from oscar.core.loading import get_model
from PIL import Image

from .factories import PASSWORD, order_of, producer_product

Product = get_model("catalogue", "Product")
ProductChange = get_model("catalogue", "ProductChange")
Batch = get_model("catalogue", "Batch")
ShippingEvent = get_model("order", "ShippingEvent")

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    response = client.post(
        "/accounts/login/",
        {"login-username": user.email, "login-password": PASSWORD, "login_submit": "1"},
    )
    assert response.status_code == 302, "signed in"


def shop_editor():
    editor = get_user_model().objects.create_user("bientap", "bientap@example.com", PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="moderate_productchange"))
    return editor


def edit_form(product, **changes):
    """The product form as the producer's phone sends it, with `changes` typed in."""
    data = {
        "title": product.title,
        "description": re.sub(r"<[^>]+>", "", product.description),
        "title_en": product.title_en,
        "description_en": "",
        "title_zh_hans": product.title_zh_hans,
        "description_zh_hans": "",
        "craft": product.craft,
        "village": "",
        "ocop_stars": "",
        "ocop_certificate_number": "",
        "ocop_certified_on": "",
    }
    data.update(changes)
    return data


def photo(name="anh.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "brown").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_producer_keeps_its_listing_current_and_cannot_reach_another_producer(
    client, world_a, world_b, mailoutbox, django_capture_on_commit_callbacks
):
    product, user = world_a["product"], world_a["user"]
    public_url = product.get_absolute_url()
    sign_in(client, user)
    assert client.get("/producer/").status_code == 200

    # Price and stock: live at once.
    response = client.post(
        f"/producer/products/{product.pk}/stock/", {"price": "52000", "num_in_stock": "7"}
    )
    assert response.status_code == 302
    page = client.get(public_url).content.decode()
    assert "52.000\xa0₫" in page
    record = product.stockrecords.get()
    assert (record.price, record.net_stock_level) == (Decimal(52000), 7)
    assert record.num_in_stock == 7 + 2, "the 2 units ordered and not yet sent stay held"

    # The description: the public keeps the approved text until a shop editor approves.
    response = client.post(
        f"/producer/products/{product.pk}/",
        edit_form(product, description="Hương quế làm thủ công, phơi nắng ba ngày."),
    )
    assert response.status_code == 302
    assert "Hương quế se tay, thơm dịu." in client.get(public_url).content.decode()
    assert "phơi nắng ba ngày" not in client.get(public_url).content.decode()
    own_page = client.get(f"/en/producer/products/{product.pk}/").content.decode()
    assert "Waiting for an editor" in own_page
    assert "phơi nắng ba ngày" in own_page, "the producer sees what it proposed"

    editor_client = client.__class__()
    editor_client.force_login(shop_editor())
    queue = editor_client.get("/dashboard/moderation/").content.decode()
    assert product.title in queue
    change = ProductChange.objects.get(product=product, state="pending")
    detail = editor_client.get(f"/dashboard/moderation/{change.pk}/").content.decode()
    assert "Hương quế se tay" in detail and "phơi nắng ba ngày" in detail, "a diff of both"
    editor_client.post(f"/dashboard/moderation/{change.pk}/", {"approve": "1"})
    page = client.get(public_url).content.decode()
    assert "phơi nắng ba ngày" in page
    assert "se tay, thơm dịu" not in page

    # A batch with a trace step; its public trace page shows it.
    response = client.post(
        "/producer/batches/new/",
        {
            "product": product.pk,
            "lot_code": "NP26-0042",
            "production_date": "2026-11-02",
            "expiry_date": "",
            "raw_material_origin": "Vỏ quế rừng xã Thất Khê",
            "quantity": "300",
            "unit": "bó",
        },
    )
    batch = Batch.objects.get(lot_code="NP26-0042")
    assert response.status_code == 302 and batch.product == product
    client.post(
        f"/producer/batches/{batch.pk}/steps/",
        {
            "kind": "processing",
            "date": "2026-11-03",
            "place": "Bản Nà Phiêng",
            "description": "Se hương",
        },
    )
    trace = client.get("/trace/NP26-0042/")
    assert trace.status_code == 200
    assert "Bản Nà Phiêng" in trace.content.decode()

    # An order line marked sent, with the tracking number; only the buyer's address is shown.
    order, line = world_a["order"], world_a["line"]
    detail = client.get(f"/producer/orders/{order.number}/").content.decode()
    assert "Trần Đăng Ninh" in detail and "0912" in detail.replace(" ", "").replace("+84", "0")
    assert order.email not in detail, "nothing of the buyer beyond the delivery address"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/producer/orders/{order.number}/",
            {"tracking_number": "VTP2611300042", "lines": [line.pk]},
        )
    assert response.status_code == 302
    event = ShippingEvent.objects.get(order=order)
    assert event.event_type.code == "shipped" and event.notes == "VTP2611300042"
    assert list(event.lines.all()) == [line]
    line.refresh_from_db()
    assert line.status == "Shipped"
    assert any("VTP2611300042" in mail.body for mail in mailoutbox), "the buyer is told"
    assert "VTP2611300042" in client.get(f"/producer/orders/{order.number}/").content.decode()

    # Another producer's product and order, by URL: not found.
    other = world_b
    assert client.get(f"/producer/products/{other['product'].pk}/").status_code == 404
    assert client.get(f"/producer/orders/{other['order'].number}/").status_code == 404
    assert client.get(f"/dashboard/catalogue/products/{other['product'].pk}/").status_code in (
        302,
        403,
    )
    assert client.get(f"/dashboard/orders/{other['order'].number}/").status_code in (302, 403)


def test_order_page_shows_only_the_producers_own_lines(client, world_a, world_b):
    both = order_of(world_a["product"], world_b["product"])
    client.force_login(world_a["user"])
    page = client.get(f"/producer/orders/{both.number}/").content.decode()
    assert world_a["product"].title in page
    assert world_b["product"].title not in page


def test_new_product_is_hidden_until_an_editor_approves_it(client, world_a):
    client.force_login(world_a["user"])
    response = client.post(
        "/producer/products/new/",
        edit_form(
            Product(title="Hương trầm Nà Phiêng", description=""),
            description="Hương trầm se tay.",
            price="60000",
            num_in_stock="12",
            new_photos=[photo()],
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    product = Product.objects.get(title="Hương trầm Nà Phiêng")
    assert not product.is_public and product.producer == world_a["producer"]
    assert product.stockrecords.get().num_in_stock == 12
    client.logout()
    assert client.get(product.get_absolute_url()).status_code == 404

    change = product.changes.get()
    assert change.is_new and change.images.count() == 1
    change.approve(shop_editor())
    product.refresh_from_db()
    assert product.is_public and product.images.count() == 1
    assert client.get(product.get_absolute_url()).status_code == 200


def test_rejected_change_tells_the_producer_why(client, world_a):
    product = world_a["product"]
    client.force_login(world_a["user"])
    client.post(f"/producer/products/{product.pk}/", edit_form(product, title="HƯƠNG SIÊU RẺ!!!"))
    change = ProductChange.objects.get(product=product)
    editor_client = client.__class__()
    editor_client.force_login(shop_editor())
    editor_client.post(
        f"/dashboard/moderation/{change.pk}/",
        {"reject": "1", "reason": "Tên sản phẩm không viết hoa toàn bộ."},
    )
    product.refresh_from_db()
    assert product.title == "Hương quế Nà Phiêng"
    for url in (f"/producer/products/{product.pk}/", "/producer/changes/"):
        page = client.get(url).content.decode()
        assert "Tên sản phẩm không viết hoa toàn bộ." in page
        assert "state--rejected" in page or "message--error" in page


def test_photo_change_waits_and_price_stays_when_a_photo_is_bad(client, world_a):
    product = world_a["product"]
    client.force_login(world_a["user"])
    bad = SimpleUploadedFile("anh.jpg", b"this is a text file", content_type="image/jpeg")
    response = client.post(
        f"/en/producer/products/{product.pk}/",
        edit_form(product, description="Mô tả mới rất dài", new_photos=[bad]),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "not a photo we can read" in page
    assert "Mô tả mới rất dài" in page, "what was typed stays in the form"
    assert not ProductChange.objects.exists(), "nothing half-saved"

    client.post(f"/producer/products/{product.pk}/", edit_form(product, new_photos=[photo()]))
    change = ProductChange.objects.get()
    assert change.images.count() == 1 and product.images.count() == 0
    change.approve(shop_editor())
    assert product.images.count() == 1


def test_sales_show_orders_units_revenue_and_scans(client, world_a, world_b):
    batch = world_a["batch"]
    batch.record_scan()
    batch.record_scan()
    client.force_login(world_a["user"])
    page = client.get("/producer/sales/").content.decode()
    assert "90.000\xa0₫" in page, "2 × 45.000 ₫, whole đồng"
    assert batch.lot_code in page
    assert world_b["batch"].lot_code not in page
    assert world_b["product"].title not in page


def test_someone_who_is_no_producer_is_refused(client, world_a):
    customer = get_user_model().objects.create_user("khach", "khach@example.com", PASSWORD)
    client.force_login(customer)
    assert client.get("/producer/").status_code == 403


def test_product_list_queries_do_not_grow_with_products(client, world_a):
    client.force_login(world_a["user"])
    producer = world_a["producer"]

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/producer/products/").status_code == 200
        return len(queries)

    count()  # the first request of a session loads what later ones find cached
    few = count()
    for number in range(6):
        producer_product(producer, title=f"Hương mẫu {number}")
    assert count() == few


def test_an_editor_sees_markup_a_producer_typed_as_written_not_hidden(client, world_a):
    product, user = world_a["product"], world_a["user"]
    sign_in(client, user)
    typed = '<meta http-equiv="refresh" content="0;url=https://lua-dao.example">Hương quế'
    client.post(f"/producer/products/{product.pk}/", edit_form(product, title=typed))
    change = ProductChange.objects.get(product=product, state="pending")

    editor_client = client.__class__()
    editor_client.force_login(shop_editor())
    detail = editor_client.get(f"/dashboard/moderation/{change.pk}/").content.decode()

    # Shown as typed, not stripped to an innocent "Hương quế": the editor sees the markup.
    assert "&lt;meta http-equiv=&quot;refresh&quot;" in detail
    assert '<meta http-equiv="refresh"' not in detail
