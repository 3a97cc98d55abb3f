"""Oscar's checkout session checks, and ours: one order holds only so much of a product."""

from django.urls import reverse

from oscar.apps.checkout import exceptions, session

from . import holds


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    def check_basket_is_valid(self, request):
        """Oscar's check (everything still for sale, in stock), then the most of each product one
        order may hold: the buyer goes back to the basket, which is kept, told what the most is."""
        super().check_basket_is_valid(request)
        problems = holds.too_much(request.basket)
        if problems:
            raise exceptions.FailedPreCondition(url=reverse("basket:summary"), messages=problems)
