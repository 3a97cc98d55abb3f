from django import template

from producers import statuses

register = template.Library()


@register.filter
def producer_status(status):
    """A stored order or line status as the producer reads it, in the active language."""
    return statuses.label(status)
