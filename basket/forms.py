"""Oscar's basket forms, with a name for each line's quantity box (screen readers say which);
a workshop ticket's number of guests is changed by booking again, never in the basket."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from oscar.apps.basket import forms

from tours.booking import is_ticket


class BasketLineForm(forms.BasketLineForm):
    def __init__(self, strategy, *args, **kwargs):
        super().__init__(strategy, *args, **kwargs)
        self.fields["quantity"].widget.attrs["aria-label"] = gettext("Quantity of %(product)s") % {
            "product": self.instance.product.get_title()
        }
        self.is_ticket = is_ticket(self.instance.product)
        if self.is_ticket:  # the party's names, phone and seats were checked for this number
            self.fields["quantity"].widget.attrs["readonly"] = True

    def clean_quantity(self):
        quantity = super().clean_quantity()
        if self.is_ticket and quantity not in (0, self.instance.quantity):
            raise ValidationError(
                gettext(
                    "The number of guests is part of the booking: remove this line and book "
                    "again for another number."
                )
            )
        return quantity
