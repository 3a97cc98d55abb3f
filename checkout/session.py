"""Oscar's checkout session checks, and ours: one order holds only so much of a product."""

from django.urls import reverse
from django.utils.translation import gettext as _

from oscar.apps.checkout import exceptions, session

from . import holds
from .forms import adults_only_products

ADULT_CONFIRMED = ("payment", "adult_confirmed")


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    def check_basket_is_valid(self, request):
        """Oscar's check (everything still for sale, in stock), then the most of each product one
        order may hold: the buyer goes back to the basket, which is kept, told what the most is."""
        super().check_basket_is_valid(request)
        problems = holds.too_much(request.basket)
        if problems:
            raise exceptions.FailedPreCondition(url=reverse("basket:summary"), messages=problems)

    def confirm_adult(self, confirmed):
        """Remember that the buyer said they are 18 or older (or forget it)."""
        self.checkout_session._set(*ADULT_CONFIRMED, bool(confirmed))

    def check_adult_is_confirmed(self, request):
        """A basket with alcohol goes no further than the payment step until the buyer has said
        they are 18 or older; checked again as the order is placed."""
        if adults_only_products(request.basket) and not self.checkout_session._get(
            *ADULT_CONFIRMED
        ):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-details"),
                message=_(
                    "Your basket holds alcohol, which is sold to adults only: please confirm "
                    "that you are 18 or older."
                ),
            )
