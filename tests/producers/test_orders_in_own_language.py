"""Orders and sales read in the producer's language, whatever language the buyer bought in, with
the money split by where it is: paid, to be collected, awaiting a transfer."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from oscar.core.loading import get_model

from checkout import statuses
from checkout.payment import BANK_TRANSFER, CASH_ON_DELIVERY, VNPAY

from .factories import order_of

SourceType = get_model("payment", "SourceType")
Source = get_model("payment", "Source")

pytestmark = pytest.mark.django_db

ENGLISH_TITLE = "Na Phieng cinnamon incense"


def paid_by(order, method, status):
    source_type, _ = SourceType.objects.get_or_create(code=method, defaults={"name": method})
    Source.objects.create(
        order=order, source_type=source_type, amount_allocated=order.total_incl_tax
    )
    order.status = status
    order.save()
    return order


@pytest.fixture
def product(world_a):
    product = world_a["product"]
    product.title_en = ENGLISH_TITLE
    product.save()
    product.stockrecords.update(num_in_stock=1000)  # enough for every order of these tests
    return product


def english_order(product):
    with translation.override("en"):
        return order_of(product)


def test_a_line_bought_in_english_reads_in_vietnamese_in_the_vietnamese_space(
    client, world_a, product
):
    order = english_order(product)
    assert order.lines.get().title == ENGLISH_TITLE, "the buyer's language, as bought"
    client.force_login(world_a["user"])
    page = client.get(f"/producer/orders/{order.number}/").content.decode()
    assert "Hương quế Nà Phiêng" in page and ENGLISH_TITLE not in page
    page = client.get(f"/en/producer/orders/{order.number}/").content.decode()
    assert ENGLISH_TITLE in page, "the English space reads the English title"


def test_sales_are_one_row_per_product_whatever_language_it_was_bought_in(client, world_a, product):
    english_order(product)
    with translation.override("zh-hans"):
        order_of(product)
    client.force_login(world_a["user"])
    response = client.get("/producer/sales/")
    rows = response.context["per_product"]
    assert [(row["title"], row["orders"], row["units"]) for row in rows] == [
        ("Hương quế Nà Phiêng", 3, 6)
    ]
    assert ENGLISH_TITLE not in response.content.decode()


def test_statuses_read_in_the_producers_language(client, world_a, product):
    paid_by(world_a["order"], VNPAY, statuses.PAID)
    paid_by(english_order(product), BANK_TRANSFER, statuses.AWAITING_TRANSFER)
    client.force_login(world_a["user"])
    page = client.get("/producer/orders/").content.decode()
    assert "Đã thanh toán" in page
    assert ">Paid<" not in page and ">Awaiting transfer<" not in page
    page = client.get("/en/producer/orders/").content.decode()
    assert "Awaiting the buyer’s bank transfer" in page, "the buyer's transfer, not the producer's"
    order = english_order(product)
    page = client.get(f"/producer/orders/{order.number}/").content.decode()
    assert "Đã nhận" in page and ">Pending<" not in page


def test_sales_split_the_money_into_paid_to_collect_and_awaited(client, world_a, product):
    paid_by(world_a["order"], CASH_ON_DELIVERY, statuses.PENDING)  # 90.000 to collect
    paid_by(order_of(product), CASH_ON_DELIVERY, statuses.COMPLETE)  # delivered: collected
    paid_by(order_of(product), VNPAY, statuses.PAID)
    paid_by(english_order(product), BANK_TRANSFER, statuses.AWAITING_TRANSFER)
    paid_by(order_of(product), BANK_TRANSFER, statuses.CANCELLED)  # counted nowhere
    client.force_login(world_a["user"])
    response = client.get("/en/producer/sales/")
    money = [(str(label), amount) for label, amount in response.context["money"]]
    assert money == [
        ("Paid", Decimal(180000)),
        ("To be collected (cash on delivery, pay on the day)", Decimal(90000)),
        ("Awaiting transfer or online payment", Decimal(90000)),
    ]
    page = response.content.decode()
    assert "To be collected" in page and "Awaiting transfer" in page


@pytest.mark.parametrize("path", ["/producer/orders/", "/producer/sales/"])
def test_order_pages_ask_the_same_queries_for_many_orders(
    client, world_a, product, path, django_assert_max_num_queries
):
    client.force_login(world_a["user"])
    paid_by(english_order(product), BANK_TRANSFER, statuses.AWAITING_TRANSFER)
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    for _ in range(5):
        paid_by(english_order(product), VNPAY, statuses.PAID)
        paid_by(order_of(product), CASH_ON_DELIVERY, statuses.PENDING)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(path)
