"""Oscar's partner app, forked: producers (cooperatives, households, companies) and stock that never oversells."""

from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord
from phonenumber_field.modelfields import PhoneNumberField

from .exceptions import InsufficientStock


class Partner(AbstractPartner):
    """A producer: a cooperative, a household or a company of a craft village."""

    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Cooperative")
        HOUSEHOLD = "household", _("Household business")
        COMPANY = "company", _("Company")

    kind = models.CharField(
        _("kind of producer"), max_length=20, choices=Kind.choices, default=Kind.HOUSEHOLD
    )
    commune = models.CharField(
        _("commune or ward"),
        max_length=120,
        blank=True,
        help_text=_("Since July 2025: e.g. xã Văn Quan."),
    )
    address = models.CharField(_("address"), max_length=250, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    description = models.TextField(_("about the producer"), blank=True)


class StockRecord(AbstractStockRecord):
    def allocate(self, quantity):
        """Hold `quantity` for an order, or raise InsufficientStock when fewer are left.

        One conditional UPDATE: concurrent checkouts queue on the row lock and each sees the
        others' allocations, so the last units are never sold twice.
        """
        if not self.can_track_allocations:
            return
        self.pre_save_signal()
        held = (
            type(self)
            .objects.filter(pk=self.pk)
            .filter(num_in_stock__gte=Coalesce(F("num_allocated"), 0) + quantity)
            .update(num_allocated=Coalesce(F("num_allocated"), 0) + quantity)
        )
        if not held:
            raise InsufficientStock(self.product.get_title())
        self.refresh_from_db(fields=["num_allocated"])
        self.post_save_signal()


from oscar.apps.partner.models import *  # noqa: E402, F403
