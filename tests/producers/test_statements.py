"""The monthly statement: a producer's orders of a month, what the site collected on the
producer's behalf (and so owes), what the producer collected, what is still out, cancellations;
on screen, printable, as XLSX; staff read every producer's."""

import datetime
from decimal import Decimal
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

import pytest
from openpyxl import load_workbook
from oscar.core.loading import get_model

from checkout import statuses
from checkout.payment import BANK_TRANSFER, CASH_ON_DELIVERY, VNPAY
from producers import sales

from .factories import order_of

SourceType = get_model("payment", "SourceType")
Source = get_model("payment", "Source")

pytestmark = pytest.mark.django_db

EACH = Decimal(90000)  # two of the product at 45.000 ₫


def paid_by(order, method, status):
    source_type, _ = SourceType.objects.get_or_create(code=method, defaults={"name": method})
    Source.objects.create(
        order=order, source_type=source_type, amount_allocated=order.total_incl_tax
    )
    order.status = status
    order.save()
    return order


@pytest.fixture
def month(world_a):
    """This month's orders of producer A, one per way its money can be; the world's own order
    moved to last month."""
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    old = world_a["order"]
    old.date_placed = timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(9)))
    old.save()
    product = world_a["product"]
    product.stockrecords.update(num_in_stock=1000)
    orders = {
        "vnpay": paid_by(order_of(product), VNPAY, statuses.PAID),
        "transfer": paid_by(order_of(product), BANK_TRANSFER, statuses.PAID),
        "awaited": paid_by(order_of(product), BANK_TRANSFER, statuses.AWAITING_TRANSFER),
        "cash_delivered": paid_by(order_of(product), CASH_ON_DELIVERY, statuses.COMPLETE),
        "cash_on_its_way": paid_by(order_of(product), CASH_ON_DELIVERY, statuses.SHIPPED),
        "cancelled": paid_by(order_of(product), CASH_ON_DELIVERY, statuses.CANCELLED),
    }
    return {"month": timezone.localdate().replace(day=1), "last": last_month, **orders}


def url(month, suffix="", language="/en"):
    return f"{language}/producer/statements/{month.year}/{month.month}/{suffix}"


def test_the_statement_splits_the_month_by_who_holds_the_money(world_a, month):
    statement = sales.statement(world_a["producer"], month["month"])
    assert len(statement.orders) == 6, "last month's order is not in this month's"
    assert statement.ordered == 5 * EACH
    assert statement.collected_by_site == 2 * EACH  # VNPay, a confirmed transfer
    assert statement.collected_by_producer == EACH  # cash, delivered
    assert statement.to_collect == EACH  # cash, the parcel on its way
    assert statement.awaiting == EACH  # a transfer not yet received
    assert statement.cancelled == EACH and statement.cancelled_orders == 1
    assert statement.owed == 2 * EACH


def test_only_the_producers_own_lines_count(world_a, world_b, month):
    world_b["product"].stockrecords.update(num_in_stock=1000)
    mixed = paid_by(order_of(world_a["product"], world_b["product"]), VNPAY, statuses.PAID)
    statement = sales.statement(world_a["producer"], month["month"])
    order = next(o for o in statement.orders if o.number == str(mixed.number))
    assert [title for title, _q, _a in order.lines] == ["Hương quế Nà Phiêng"]
    assert statement.collected_by_site == 3 * EACH
    other = sales.statement(world_b["producer"], month["month"])
    assert [o.number for o in other.orders] == [str(world_b["order"].number), str(mixed.number)]
    assert other.owed == EACH


def test_the_statement_agrees_with_the_sales_page(client, world_a, month):
    """Both read producers/sales.py: this month's paid money is the sales page's once last
    month's order is cancelled."""
    last_months = world_a["order"]
    last_months.status = statuses.CANCELLED
    last_months.save()
    client.force_login(world_a["user"])
    response = client.get("/en/producer/sales/")
    money = {str(label): amount for label, amount in response.context["money"]}
    statement = sales.statement(world_a["producer"], month["month"])
    assert money["Paid"] == statement.collected_by_site + statement.collected_by_producer
    assert money["Awaiting transfer or online payment"] == statement.awaiting
    assert money["To be collected (cash on delivery, pay on the day)"] == statement.to_collect


def test_the_producer_reads_the_statement_on_screen_with_print_and_xlsx(client, world_a, month):
    client.force_login(world_a["user"])
    response = client.get("/en/producer/statements/")
    assert response.status_code == 302 and response["Location"] == url(month["month"])
    response = client.get(url(month["month"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert str(month["vnpay"].number) in page and str(month["cancelled"].number) in page
    assert "₫180,000" in page, "owed: the VNPay and the transfer orders"
    assert 'data-behaviours="print"' in page and "statement.css" in page
    assert url(month["month"], "xlsx/") in page
    # The months with orders to choose from, this one marked.
    assert url(month["last"]) in page
    assert 'aria-current="page"' in page
    # In Vietnamese: VND without decimals, the product in Vietnamese.
    page = client.get(url(month["month"], language="")).content.decode()
    assert "180.000" in page and "Hương quế Nà Phiêng" in page and "180.000,00" not in page


def test_the_xlsx_has_the_figures_in_dong_and_one_row_per_line(client, world_a, month):
    client.force_login(world_a["user"])
    response = client.get(url(month["month"], "xlsx/"))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("Producer", "Tổ hợp tác hương Nà Phiêng")
    figures = {row[0]: row[1] for row in rows[3:10]}
    assert figures["Owed to you by the site"] == 180000
    assert figures["Collected by you (cash on delivery, pay on the day)"] == 90000
    assert figures["Cancelled"] == 90000
    assert sheet["B10"].number_format == '#,##0 "₫"'
    heading = rows.index(
        (
            "Date",
            "Order",
            "Status",
            "Payment",
            "Who holds the money",
            "Product",
            "Quantity",
            "Amount",
        )
    )
    lines = rows[heading + 1 :]
    assert len(lines) == 6
    numbers = {line[1]: line for line in lines}
    vnpay = numbers[str(month["vnpay"].number)]
    assert vnpay[4] == "the site" and vnpay[5] == "Hương quế Nà Phiêng" and vnpay[7] == 90000
    assert numbers[str(month["cancelled"].number)][4] == "cancelled"
    assert isinstance(vnpay[0], datetime.datetime)
    assert sheet.column_dimensions["F"].width >= 40, "full product names readable"


def staff_member(with_permission=True):
    user = get_user_model().objects.create_user("ketoan", "ketoan@example.vn", "x", is_staff=True)
    if with_permission:
        user.user_permissions.add(Permission.objects.get(codename="view_order"))
    return user


def test_staff_list_every_producer_of_the_month_and_open_their_statements(
    client, world_a, world_b, month
):
    client.force_login(staff_member())
    response = client.get(
        f"/en/producer/statements/all/{month['month'].year}/{month['month'].month}/"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tổ hợp tác hương Nà Phiêng" in page
    assert "HTX Hồi Văn Quan" in page, "B's own order of this month"
    producer = world_a["producer"]
    link = url(month["month"]) + f"?producer={producer.pk}"
    assert link in page
    statement_page = client.get(link).content.decode()
    assert str(month["vnpay"].number) in statement_page
    assert url(month["month"], "xlsx/") + f"?producer={producer.pk}" in statement_page
    xlsx = client.get(url(month["month"], "xlsx/") + f"?producer={producer.pk}")
    assert load_workbook(BytesIO(xlsx.content)).active["B2"].value == producer.name
    # A staff member who works for no producer is taken to the list.
    assert "/statements/all/" in client.get("/en/producer/statements/")["Location"]


def test_a_producer_never_reads_another_producers_statement(client, world_a, world_b, month):
    client.force_login(world_b["user"])
    page = client.get(url(month["month"]) + f"?producer={world_a['producer'].pk}").content.decode()
    assert str(month["vnpay"].number) not in page, "its own statement, not A's"
    assert "HTX Hồi Văn Quan" in page
    xlsx = client.get(url(month["month"], "xlsx/") + f"?producer={world_a['producer'].pk}")
    assert load_workbook(BytesIO(xlsx.content)).active["B2"].value == "HTX Hồi Văn Quan"
    listing = client.get(
        f"/en/producer/statements/all/{month['month'].year}/{month['month'].month}/"
    )
    assert listing.status_code == 403


def test_staff_without_the_orders_permission_and_strangers_are_refused(client, world_a, month):
    client.force_login(staff_member(with_permission=False))
    listing = f"/en/producer/statements/all/{month['month'].year}/{month['month'].month}/"
    assert client.get(listing).status_code == 403
    assert (
        client.get(url(month["month"]) + f"?producer={world_a['producer'].pk}").status_code == 403
    )
    client.logout()
    response = client.get(url(month["month"]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_month_that_does_not_exist_is_not_found(client, world_a):
    client.force_login(world_a["user"])
    assert client.get("/en/producer/statements/2026/13/").status_code == 404


def test_the_statement_is_found_from_the_sales_page_and_the_staff_area(client, world_a, month):
    client.force_login(world_a["user"])
    assert 'href="/en/producer/statements/"' in client.get("/en/producer/sales/").content.decode()
    client.force_login(staff_member())
    page = client.get("/staff/").content.decode()
    this = month["month"]
    assert f'href="/producer/statements/all/{this.year}/{this.month}/"' in page
