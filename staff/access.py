"""Who sees the way back to the staff area; imported by the settings, so it imports no models."""


def can_open_staff_area(user, *args, **kwargs):
    """The dashboard menu's access function for the staff area link (Oscar's signature)."""
    return user.is_authenticated and user.is_staff
