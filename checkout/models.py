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
