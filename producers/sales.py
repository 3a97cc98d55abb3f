"""A producer's sales figures, shared by the sales page and the monthly statement: what was
ordered per product and where the money of each order is (paid, to be collected, awaited), and
who holds it (the site, or the producer who collected the cash)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.utils import timezone

from oscar.core.loading import get_model

from checkout.payment import CASH_ON_DELIVERY
from checkout.statuses import CANCELLED

from . import statuses as producer_statuses

Product = get_model("catalogue", "Product")
Source = get_model("payment", "Source")
Line = get_model("order", "Line")

# Who holds the money of a paid order: the site (online payment, confirmed transfer), which owes
# it to the producer, or the producer (cash on delivery, pay on the day).
BY_SITE = "site"
BY_PRODUCER = "producer"


def payment_method(order):
    """The payment method (its first payment source's code) of the order `order` refers to."""
    return Subquery(
        Source.objects.filter(order=OuterRef(order)).order_by("pk").values("source_type__code")[:1]
    )


def not_cancelled(lines):
    return lines.exclude(order__status=CANCELLED)


def per_product(lines):
    """One row per product (whatever language each line was bought in, and so titled): orders,
    units and revenue, the product's title in the active language."""
    rows = list(
        lines.values("product_id")
        .annotate(
            line_title=Max("title"),
            orders=Count("order", distinct=True),
            units=Sum("quantity"),
            revenue=Sum("line_price_incl_tax"),
        )
        .order_by("-revenue", "product_id")
    )
    products = Product.objects.select_related("parent").in_bulk([row["product_id"] for row in rows])
    for row in rows:
        product = products.get(row["product_id"])
        row["title"] = product.get_title() if product else row["line_title"]
    return rows


def totals(lines):
    return lines.aggregate(
        orders=Count("order", distinct=True),
        units=Sum("quantity"),
        revenue=Sum("line_price_incl_tax"),
    )


def holder(state, method):
    """Who holds the money of an order whose money is in `state`: BY_SITE, BY_PRODUCER or None
    (nobody yet: awaited, or cash still to be collected)."""
    if state != producer_statuses.PAID:
        return None
    return BY_PRODUCER if method == CASH_ON_DELIVERY else BY_SITE


def money_per_order(lines):
    """{order id: (status, method, money state, total of these lines)} for the orders of `lines`."""
    rows = (
        lines.annotate(method=payment_method("order"))
        .values("order_id", "order__status", "method")
        .annotate(total=Sum("line_price_incl_tax"))
        .order_by()
    )
    return {
        row["order_id"]: (
            row["order__status"],
            row["method"],
            producer_statuses.money_state(row["order__status"], row["method"])
            if row["order__status"] != CANCELLED
            else None,
            row["total"] or Decimal(0),
        )
        for row in rows
    }


def where_money_is(lines):
    """{money state: amount} of the lines' orders not cancelled, every state present."""
    money = dict.fromkeys(producer_statuses.MONEY_STATES, Decimal(0))
    for _status, _method, state, total in money_per_order(not_cancelled(lines)).values():
        money[state] += total
    return money


def months_with_orders(lines):
    """The first day of each month (local time) in which `lines` were ordered, latest first."""
    return sorted(
        {
            timezone.localtime(placed).date().replace(day=1)
            for placed in lines.values_list("order__date_placed", flat=True).distinct()
        },
        reverse=True,
    )


def month_bounds(month):
    """The aware start of `month` (a date on its first day) and of the month after it."""
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(month, datetime.time(), tzinfo=zone),
        datetime.datetime.combine(following, datetime.time(), tzinfo=zone),
    )


@dataclass
class StatementOrder:
    number: str
    placed: datetime.datetime
    status: str
    method: str
    state: str | None  # None: cancelled
    holder: str | None
    total: Decimal
    lines: list = field(default_factory=list)  # (title, quantity, total)

    @property
    def cancelled(self):
        return self.state is None


@dataclass
class Statement:
    """One producer's orders of one month and who holds their money."""

    producer: object
    month: datetime.date
    orders: list
    ordered: Decimal = Decimal(0)  # not cancelled
    collected_by_site: Decimal = Decimal(0)
    collected_by_producer: Decimal = Decimal(0)
    to_collect: Decimal = Decimal(0)
    awaiting: Decimal = Decimal(0)
    cancelled: Decimal = Decimal(0)
    cancelled_orders: int = 0

    @property
    def owed(self):
        """What the site owes the producer: the money it collected on the producer's behalf."""
        return self.collected_by_site


def statement(producer, month):
    """The statement of `producer` for `month` (a date on the month's first day): the orders
    placed that month with the producer's lines of each, in the active language."""
    from checkout.payment import NAMES

    start, end = month_bounds(month)
    lines = Line.objects.filter(
        partner=producer, order__date_placed__gte=start, order__date_placed__lt=end
    )
    money = money_per_order(lines)
    orders = {}
    rows = lines.select_related("order", "product__parent").order_by(
        "order__date_placed", "order_id", "pk"
    )
    result = Statement(producer=producer, month=month, orders=[])
    for line in rows:
        order = orders.get(line.order_id)
        if order is None:
            status, method, state, total = money[line.order_id]
            order = orders[line.order_id] = StatementOrder(
                number=line.order.number,
                placed=timezone.localtime(line.order.date_placed),
                status=str(producer_statuses.label(status)),
                method=str(NAMES.get(method, method or "")),
                state=state,
                holder=holder(state, method),
                total=total,
            )
            result.orders.append(order)
            if state is None:
                result.cancelled += total
                result.cancelled_orders += 1
            else:
                result.ordered += total
                if order.holder == BY_SITE:
                    result.collected_by_site += total
                elif order.holder == BY_PRODUCER:
                    result.collected_by_producer += total
                elif state == producer_statuses.TO_COLLECT:
                    result.to_collect += total
                else:
                    result.awaiting += total
        title = line.product.get_title() if line.product else line.title
        order.lines.append((title, line.quantity, line.line_price_incl_tax))
    return result
