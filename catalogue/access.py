"""Who may moderate producers' changes; imported by the settings, so it imports no models."""

MODERATE_PERMISSION = "catalogue.moderate_productchange"


def can_moderate(user, *args, **kwargs):
    """The dashboard menu's access function for the moderation queue (Oscar's signature)."""
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)
