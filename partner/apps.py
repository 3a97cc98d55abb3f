from django.contrib.auth.signals import user_logged_in

import oscar.apps.partner.apps as apps


def remember_producer(sender, request, user, **kwargs):
    """Note in the session whether the person works for a producer, for the header's link
    to the producer's space (no query on every page)."""
    if request is not None and hasattr(request, "session"):
        request.session["is_producer"] = user.partners.exists()


class PartnerConfig(apps.PartnerConfig):
    name = "partner"

    def ready(self):
        super().ready()
        from . import changes  # noqa: F401  (what a change of stock or a producer touches)

        user_logged_in.connect(remember_producer, dispatch_uid="partner.remember_producer")
