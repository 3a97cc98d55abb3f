from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phonenumber_field.modelfields import PhoneNumberField


class AlertSettings(models.Model):
    """Which alerts a producer wants, and how: chosen in the producer's space (Alerts)."""

    producer = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="alert_settings"
    )
    new_order = models.BooleanField(_("a new order"), default=True)
    cancellation = models.BooleanField(_("an order cancelled"), default=True)
    booking = models.BooleanField(_("a workshop booked or its booking cancelled"), default=True)
    low_stock = models.BooleanField(_("stock running low"), default=True)
    low_stock_level = models.PositiveIntegerField(
        _("low when fewer than"), default=3, help_text=_("units left to sell")
    )
    by_email = models.BooleanField(_("by e-mail"), default=True)
    by_sms = models.BooleanField(_("by SMS"), default=False)
    by_zalo = models.BooleanField(_("by Zalo"), default=False)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = PhoneNumberField(_("phone for SMS and Zalo"), blank=True)

    class Meta:
        verbose_name = _("alert settings")
        verbose_name_plural = _("alert settings")

    def __str__(self):
        return str(self.producer)


class SignInCode(models.Model):
    """A one-time code sent to a phone to sign in (producers/signin.py): stored hashed, valid for
    minutes, used once. A code asked for a number that belongs to nobody is written too (with no
    user, never sent), so that the answer and the throttle say nothing of who is registered."""

    phone = models.CharField(max_length=20, db_index=True)  # E.164
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    wrong_tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.phone} {self.created_at:%Y-%m-%d %H:%M}"


class SignInPhone(models.Model):
    """One row per phone that asked for a code, locked while its recent codes are counted and a
    new one is written: two requests at the same moment cannot both pass the limit (there is
    always a row to lock, even before the first code)."""

    phone = models.CharField(max_length=20, primary_key=True)  # E.164

    def __str__(self):
        return self.phone
