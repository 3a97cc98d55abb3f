"""Oscar's basket forms, with a name for each line's quantity box (screen readers say which)."""

from django.utils.translation import gettext

from oscar.apps.basket import forms


class BasketLineForm(forms.BasketLineForm):
    def __init__(self, strategy, *args, **kwargs):
        super().__init__(strategy, *args, **kwargs)
        self.fields["quantity"].widget.attrs["aria-label"] = gettext("Quantity of %(product)s") % {
            "product": self.instance.product.get_title()
        }
