from django.contrib.auth.password_validation import MinimumLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

STAFF_GROUPS = ["DCST editors", "DCST approvers", "Shop editors", "Shop managers", "Plan viewers"]


def is_staff_account(user):
    """Staff, superusers and members of the staff roles; producers and customers are not."""
    if user is None:
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    if getattr(user, "pk", None) is None:
        return False
    return user.groups.filter(name__in=STAFF_GROUPS).exists()


class StaffPasswordLengthValidator(MinimumLengthValidator):
    """A longer minimum for staff accounts, which can change the shop and the site."""

    def __init__(self, min_length=12):
        super().__init__(min_length=min_length)

    def validate(self, password, user=None):
        if is_staff_account(user):
            super().validate(password, user)

    def get_error_message(self):
        return ngettext(
            "Staff passwords must contain at least %(min_length)d character.",
            "Staff passwords must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return _("Staff accounts need a password of at least %(min_length)d characters.") % {
            "min_length": self.min_length
        }
