from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_SALT = "staff.invitation"


class Invitation(models.Model):
    """An e-mail inviting a person to manage a producer's listings; its link works once."""

    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=150)
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("producer"),
    )
    language = models.CharField(_("language"), max_length=10, default="vi")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.partner}"

    @staticmethod
    def lifetime():
        return timedelta(days=getattr(settings, "STAFF_INVITATION_DAYS", 7))

    @property
    def expires_at(self):
        return self.created_at + self.lifetime()

    def token(self):
        return signing.dumps({"id": self.pk, "email": self.email}, salt=INVITATION_SALT)

    @classmethod
    def from_token(cls, token):
        """The invitation a link names, or raise signing.BadSignature (SignatureExpired if old)."""
        data = signing.loads(token, salt=INVITATION_SALT, max_age=cls.lifetime().total_seconds())
        try:
            return cls.objects.select_related("partner").get(pk=data["id"], email=data["email"])
        except (cls.DoesNotExist, KeyError, TypeError) as error:
            raise signing.BadSignature("no such invitation") from error
