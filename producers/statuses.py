"""Orders as the producer reads them: each status in the producer's words, and where the money is."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from checkout import statuses
from checkout.payment import CASH_ON_DELIVERY

# The buyer's labels say "your confirmation", "your bank transfer": to the producer it is the
# buyer's. Every other status reads as the buyer's label does.
PRODUCER_LABELS = {
    statuses.AWAITING_CONFIRMATION: pgettext_lazy(
        "order status, to the producer", "Awaiting the buyer’s confirmation"
    ),
    statuses.AWAITING_TRANSFER: pgettext_lazy(
        "order status, to the producer", "Awaiting the buyer’s bank transfer"
    ),
}


def label(status):
    """What the producer reads for a stored status, in the active language."""
    return PRODUCER_LABELS.get(status) or statuses.label(status)


PAID = "paid"
TO_COLLECT = "to_collect"
AWAITING = "awaiting"

MONEY_STATES = {
    PAID: _("Paid"),
    TO_COLLECT: _("To be collected (cash on delivery, pay on the day)"),
    AWAITING: _("Awaiting transfer or online payment"),
}

WAITING_FOR_MONEY = {statuses.AWAITING_TRANSFER, statuses.AWAITING_PAYMENT, statuses.UNDER_REVIEW}
MONEY_RECEIVED = {statuses.PAID, statuses.BEING_PROCESSED, statuses.SHIPPED, statuses.COMPLETE}


def money_state(status, method):
    """Where the money of an order (not cancelled) is: paid, to be collected, or awaited.

    Cash is collected by the courier or the host: it counts as paid once the order is delivered.
    A transfer or an online payment not yet confirmed is awaited, whatever comes next.
    """
    if status in WAITING_FOR_MONEY:
        return AWAITING
    if method == CASH_ON_DELIVERY:
        return PAID if status == statuses.COMPLETE else TO_COLLECT
    if status in MONEY_RECEIVED:
        return PAID
    return TO_COLLECT
