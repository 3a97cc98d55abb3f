"""The start page of the producer's space."""

from django.utils import timezone
from django.views.generic import TemplateView

from oscar.core.loading import get_model

from checkout.fulfilment import shipped_event_type
from checkout.statuses import CANCELLED

from ..names import given_name
from .base import ProducerMixin

ProductChange = get_model("catalogue", "ProductChange")


class HomeView(ProducerMixin, TemplateView):
    """The start page: what needs doing (orders to send, changes waiting) and where to go."""

    template_name = "producers/home.html"

    def get_context_data(self, **kwargs):
        event_type = shipped_event_type()
        own = self.order_lines().exclude(order__status=CANCELLED)
        shipped_lines = own.filter(shipping_event_quantities__event__event_type=event_type)
        return super().get_context_data(
            given_name=given_name(self.request.user),
            product_count=self.products().count(),
            waiting_changes=ProductChange.objects.filter(
                product__producer=self.producer, state=ProductChange.State.PENDING
            ).count(),
            rejected_changes=ProductChange.objects.filter(
                product__producer=self.producer, state=ProductChange.State.REJECTED
            ).count(),
            orders_to_send=own.exclude(pk__in=shipped_lines).values("order").distinct().count(),
            batch_count=self.batches().count(),
            upcoming_sessions=self.sessions().filter(starts_at__gt=timezone.now()).count(),
            **kwargs,
        )
