"""The ways to pay that pages may promise: only those checkout takes now (checkout.payment)."""

from django import template

from checkout import payment

register = template.Library()


@register.simple_tag
def payment_methods(parcel=True):
    """`{% payment_methods parcel=False as methods %}`: the methods on offer, named for a parcel
    or for workshop tickets (each has `code`, `name` and `description`)."""
    return payment.offered(parcel)
