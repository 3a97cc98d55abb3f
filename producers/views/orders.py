"""Orders (only the producer's own lines of each) and sales."""

from decimal import Decimal

from django.contrib import messages
from django.db.models import Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from oscar.apps.order.exceptions import InvalidShippingEvent
from oscar.core.loading import get_model

from checkout import statuses
from checkout.fulfilment import NOT_SHIPPABLE, mark_shipped, shipped_event_type
from tours.booking import is_ticket

from .. import sales
from .. import statuses as producer_statuses
from ..forms import ShipForm
from .base import ProducerMixin

Order = get_model("order", "Order")


# The buyer's street address and phone reach the producer only once the order is to be sent: paid,
# cash on delivery received ("Pending") or later. An order awaiting its payment or transfer,
# cancelled, or in any other status (one under review included) shows its province only.
ADDRESS_SHOWN = {
    statuses.PENDING,
    statuses.PAID,
    statuses.BEING_PROCESSED,
    statuses.SHIPPED,
    statuses.COMPLETE,
}


def shows_address(order):
    return order.status in ADDRESS_SHOWN


class OrderListView(ProducerMixin, ListView):
    template_name = "producers/order_list.html"
    context_object_name = "orders"
    paginate_by = 30

    def get_queryset(self):
        own = Q(lines__partner=self.producer)
        return (
            Order.objects.filter(own)
            .annotate(
                own_units=Sum("lines__quantity", filter=own),
                own_total=Sum("lines__line_price_incl_tax", filter=own),
            )
            .select_related("shipping_address")
            .order_by("-date_placed")
        )


class OrderDetailView(ProducerMixin, TemplateView):
    """Only this producer's lines of the order, and where to send them."""

    template_name = "producers/order_detail.html"

    def get_order(self):
        orders = Order.objects.filter(lines__partner=self.producer).distinct()
        return get_object_or_404(
            orders.select_related("shipping_address"), number=self.kwargs["number"]
        )

    def own_lines(self, order):
        return order.lines.filter(partner=self.producer).select_related("product").order_by("pk")

    def unshipped(self, order, event_type):
        """Lines still to send: a workshop ticket is never sent (the guest comes to the host)."""
        return [
            line
            for line in self.own_lines(order).select_related("product__product_class")
            if not (line.product and is_ticket(line.product))
            and line.shipping_event_quantity(event_type) < line.quantity
        ]

    def get_context_data(self, **kwargs):
        order = self.order
        event_type = shipped_event_type()
        lines = list(
            self.own_lines(order)
            .select_related("product__product_class", "product__experience_session")
            .prefetch_related("shipping_events")
        )
        for line in lines:
            events = [
                event
                for event in line.shipping_events.all()
                if event.event_type_id == event_type.pk
            ]
            line.shipped_quantity = line.shipping_event_quantity(event_type)
            line.tracking_numbers = [event.notes for event in events if event.notes]
            line.is_ticket = bool(line.product) and is_ticket(line.product)
            line.session = (
                getattr(line.product, "experience_session", None) if line.is_ticket else None
            )
        unshipped = self.unshipped(order, event_type)
        if unshipped and order.status not in NOT_SHIPPABLE:
            kwargs.setdefault(
                "ship_form",
                ShipForm(
                    lines=self.own_lines(order).filter(pk__in=[line.pk for line in unshipped])
                ),
            )
        shown = shows_address(order)
        return super().get_context_data(
            order=order,
            lines=lines,
            address=order.shipping_address if shown else None,
            province=order.shipping_address.state if order.shipping_address else "",
            own_total=sum((line.line_price_incl_tax for line in lines), Decimal(0)),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        self.order = self.get_order()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.order = order = self.get_order()
        event_type = shipped_event_type()
        unshipped = self.unshipped(order, event_type)
        form = ShipForm(
            request.POST,
            lines=self.own_lines(order).filter(pk__in=[line.pk for line in unshipped]),
        )
        if order.status in NOT_SHIPPABLE or not form.is_valid():
            messages.error(request, _("Nothing was marked: please correct what is marked below."))
            return self.render_to_response(self.get_context_data(ship_form=form))
        try:
            mark_shipped(
                order,
                list(form.cleaned_data["lines"]),
                form.cleaned_data["tracking_number"],
                user=request.user,
            )
        except InvalidShippingEvent as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(ship_form=form))
        messages.success(request, _("Marked as sent. The buyer is told by e-mail."))
        return HttpResponseRedirect(reverse("producer:order-detail", args=[order.number]))


class SalesView(ProducerMixin, TemplateView):
    """Orders, units and money per product, the money split by where it is (paid, to be
    collected, awaited), and how often each batch's QR code was scanned."""

    template_name = "producers/sales.html"

    def get_context_data(self, **kwargs):
        lines = sales.not_cancelled(self.order_lines())
        money = sales.where_money_is(lines)
        batches = self.batches().select_related("product").order_by("-scan_count", "lot_code")
        return super().get_context_data(
            per_product=sales.per_product(lines),
            totals=sales.totals(lines),
            money=[
                (label, money[state]) for state, label in producer_statuses.MONEY_STATES.items()
            ],
            batches=batches[:100],
            total_scans=self.batches().aggregate(total=Sum("scan_count"))["total"] or 0,
            **kwargs,
        )
