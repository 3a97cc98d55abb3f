from django.utils.translation import gettext as _

from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.partner.exceptions import *  # noqa: F403


class InsufficientStock(UnableToPlaceOrder):
    """Fewer units are left than the order asks for; the order is not placed."""

    def __init__(self, title):
        super().__init__(_("Sorry, “%(title)s” has just sold out.") % {"title": title})
