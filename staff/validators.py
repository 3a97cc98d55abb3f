from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from producers.access import producer_of

from .models import Invitation

STAFF_GROUPS = ["DCST editors", "DCST approvers", "Shop editors", "Shop managers", "Plan viewers"]


def is_staff_account(user):
    """Staff, superusers and members of the staff roles; producers and customers are not."""
    if user is None:
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    roles = getattr(user, "roles_being_given", None)  # ticked in Wagtail's user form (users.py)
    if roles is not None:
        return any(group.name in STAFF_GROUPS for group in roles)
    if getattr(user, "pk", None) is None:
        return False
    return user.groups.filter(name__in=STAFF_GROUPS).exists()


def is_producer_account(user):
    """A producer's person, or someone accepting an invitation to become one (an account not
    saved yet, whose address an open invitation names: it joins the producer once saved)."""
    if user is None:
        return False
    if getattr(user, "pk", None) is not None:
        return producer_of(user) is not None
    email = getattr(user, "email", "")
    return bool(email) and (
        Invitation.objects.filter(
            email__iexact=email,
            accepted_at__isnull=True,
            created_at__gt=timezone.now() - Invitation.lifetime(),
        ).exists()
    )


class AccountPasswordLengthValidator(MinimumLengthValidator):
    """A longer minimum for the accounts that can change the shop and the site: staff and
    producers. Buyers keep Django's ordinary minimum (MinimumLengthValidator, listed before)."""

    def __init__(self, min_length=12):
        super().__init__(min_length=min_length)

    def validate(self, password, user=None):
        if len(password) >= self.min_length:
            return
        if is_staff_account(user):
            message = ngettext(
                "Staff passwords must contain at least %(min_length)d character.",
                "Staff passwords must contain at least %(min_length)d characters.",
                self.min_length,
            )
        elif is_producer_account(user):
            message = ngettext(
                "Producer passwords must contain at least %(min_length)d character.",
                "Producer passwords must contain at least %(min_length)d characters.",
                self.min_length,
            )
        else:
            return
        raise ValidationError(
            message, code="password_too_short", params={"min_length": self.min_length}
        )

    def get_help_text(self):
        return _(
            "Staff and producer accounts need a password of at least %(min_length)d characters."
        ) % {"min_length": self.min_length}
