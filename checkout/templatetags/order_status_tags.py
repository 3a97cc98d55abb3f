"""Order statuses as buyers read them, in their language."""

from django import template

from checkout import statuses

register = template.Library()


@register.filter
def order_status_label(status):
    """`{{ order.status|order_status_label }}`: the buyer's label of a stored status."""
    return statuses.label(status)


@register.filter
def with_status_label(order):
    """`{% with order=order|with_status_label %}`: Oscar's templates then show the label."""
    return statuses.LabelledOrder(order)


@register.simple_tag
def transfer_received(order):
    """When staff recorded a bank-transfer order's money as arrived (its "Paid" payment event),
    or None: `{% transfer_received order as received %}`."""
    if not order.sources.filter(source_type__code="bank-transfer").exists():
        return None
    event = order.payment_events.filter(event_type__name="Paid").order_by("date_created").first()
    return event.date_created if event else None
