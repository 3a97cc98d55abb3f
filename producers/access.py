"""Who works for which producer."""


def producer_of(user):
    """The producer (partner) a user works for, or None. A person works for one producer."""
    if not user.is_authenticated:
        return None
    return user.partners.order_by("pk").first()
