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
