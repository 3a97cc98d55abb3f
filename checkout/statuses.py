"""Order and line statuses: stored as these English names, shown to buyers in their language.

The pipelines themselves are `OSCAR_ORDER_STATUS_PIPELINE` and `OSCAR_LINE_STATUS_PIPELINE`
in the settings; every status named there has a label here.
"""

from django.utils.translation import pgettext_lazy

AWAITING_CONFIRMATION = "Awaiting confirmation"
PENDING = "Pending"
AWAITING_TRANSFER = "Awaiting transfer"
AWAITING_PAYMENT = "Awaiting payment"
UNDER_REVIEW = "Under review"
PAID = "Paid"
BEING_PROCESSED = "Being processed"
SHIPPED = "Shipped"
COMPLETE = "Complete"
CANCELLED = "Cancelled"

LABELS = {
    AWAITING_CONFIRMATION: pgettext_lazy("order status", "Awaiting your confirmation"),
    PENDING: pgettext_lazy("order status", "Received"),
    AWAITING_TRANSFER: pgettext_lazy("order status", "Awaiting your bank transfer"),
    AWAITING_PAYMENT: pgettext_lazy("order status", "Awaiting payment"),
    UNDER_REVIEW: pgettext_lazy("order status", "Payment under review"),
    PAID: pgettext_lazy("order status", "Paid"),
    BEING_PROCESSED: pgettext_lazy("order status", "Being prepared"),
    SHIPPED: pgettext_lazy("order status", "Shipped"),
    COMPLETE: pgettext_lazy("order status", "Delivered"),
    CANCELLED: pgettext_lazy("order status", "Cancelled"),
}


def label(status):
    """What a buyer reads for a stored status; an unknown status is shown as it is stored."""
    return LABELS.get(status, status)


class LabelledOrder:
    """An order whose `status` reads as the buyer's label; everything else is the order's.

    Lets Oscar's own account templates be extended rather than copied.
    """

    def __init__(self, order):
        self._order = order

    def __getattr__(self, name):
        return getattr(self._order, name)

    @property
    def status(self):
        return label(self._order.status)
