"""Who changed a price, a stock level or an order's status, and when: recorded and shown."""

from decimal import Decimal

from django.utils import timezone

import pytest
from auditlog.models import LogEntry
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from tests.catalogue.factories import product_for_sale
from tests.staff.factories import member

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")


def admin_form_data(response):
    """The values a Django admin change form would post back unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = value
    return data


def test_a_price_change_through_the_admin_records_who_the_old_and_new_price_and_when(client):
    product = product_for_sale(price=125000, stock=10)
    record = product.stockrecords.get()
    manager = member("Shop managers")
    client.force_login(manager)
    url = f"/django-admin/partner/stockrecord/{record.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(price="150000", num_in_stock="8")
    before = timezone.now()

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    record.refresh_from_db()
    assert record.price == Decimal("150000")
    entry = LogEntry.objects.get_for_object(record).latest("timestamp")
    assert entry.actor == manager
    assert entry.timestamp >= before
    assert Decimal(entry.changes_dict["price"][0]) == Decimal("125000")
    assert Decimal(entry.changes_dict["price"][1]) == Decimal("150000")
    assert entry.changes_dict["num_in_stock"] == ["10", "8"]

    log = client.get("/staff/audit/", {"object": str(record.pk)}).content.decode()
    assert manager.username in log
    assert "150000" in log


def test_an_order_status_change_in_the_dashboard_is_recorded(client):
    order = create_order()
    manager = member("Shop managers")
    client.force_login(manager)
    old_status = order.status

    client.post(
        f"/dashboard/orders/{order.number}/",
        {"order_action": "change_order_status", "new_status": "Being processed"},
    )

    order.refresh_from_db()
    assert order.status == "Being processed"
    entry = LogEntry.objects.get_for_object(order).latest("timestamp")
    assert entry.actor == manager
    assert entry.changes_dict["status"] == [old_status, "Being processed"]


def test_the_audit_log_filters_by_object_and_is_for_shop_managers_only(client):
    first = product_for_sale(title="Hương quế Nà Phiêng", price=50000)
    second = product_for_sale(title="Tinh dầu hồi", price=90000)
    for product, title in [(first, "Hương trầm Nà Phiêng"), (second, "Tinh dầu hồi Văn Quan")]:
        product.title = title
        product.save()

    client.force_login(member("Shop managers"))
    page = client.get("/staff/audit/", {"object": "trầm"}).content.decode()
    assert "Hương trầm Nà Phiêng" in page
    assert "Tinh dầu hồi Văn Quan" not in page

    client.force_login(member("Shop editors"))
    assert client.get("/staff/audit/").status_code == 403
