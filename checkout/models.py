"""Oscar's checkout has no models; ours keeps the language each order was placed in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from oscar.apps.checkout.models import *  # noqa: F403


class OrderLanguage(models.Model):
    """The language the buyer placed an order in: its e-mails are written in it.

    Oscar's Order has no language field, and forking the order app for one would be heavy.
    """

    order = models.OneToOneField(
        "order.Order",
        on_delete=models.CASCADE,
        related_name="buyer_language",
        verbose_name=_("order"),
    )
    language = models.CharField(_("language"), max_length=15, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("language of an order")
        verbose_name_plural = _("languages of orders")

    def __str__(self):
        return f"{self.order.number}: {self.language}"


def language_of(order):
    """The language an order's e-mails are written in: the buyer's, else the site's default."""
    try:
        return order.buyer_language.language
    except OrderLanguage.DoesNotExist:
        return settings.LANGUAGE_CODE


def remember_language(order, language):
    """Store `language` (e.g. "zh-hans") for `order`, falling back to the site's default."""
    known = {code for code, _name in settings.LANGUAGES}
    language = language if language in known else settings.LANGUAGE_CODE
    OrderLanguage.objects.update_or_create(order=order, defaults={"language": language})


class BuyerContact(models.Model):
    """A buyer's e-mail address or phone number, normalised, and the orders placed with it.

    Orders are placed before they are paid, so each one holds stock: the open ones of a contact
    are counted under its row lock (checkout/holds.py), so that two placed at the same moment
    cannot both slip under the limit.
    """

    key = models.CharField(_("contact"), max_length=255, unique=True)
    orders = models.ManyToManyField("order.Order", related_name="buyer_contacts", blank=True)

    class Meta:
        verbose_name = _("buyer's contact")
        verbose_name_plural = _("buyers' contacts")

    def __str__(self):
        return self.key
