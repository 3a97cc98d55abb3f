"""After a request that published a source page, offer to update the translations it left behind.

Whatever published it — the page editor, a workflow approval through its modal or the dashboard,
a bulk action — the page's publishing noted the stale translations (translations.py); the offer
is made here, once, at the end of that request, so no view can miss it. It must run inside
Django's MessageMiddleware, which stores the message for the next page.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.admin import messages as admin_messages
from wagtail.users.models import UserProfile

from .translations import TranslationState, language_names, published_with_stale_translations


class OfferTranslationUpdatesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        published_with_stale_translations()  # nothing left over from an earlier request
        response = self.get_response(request)
        user = getattr(request, "user", None)
        told = published_with_stale_translations()
        if told and user is not None and user.is_authenticated:
            # In the admin's language of the user, as Wagtail's own messages are.
            with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
                for page, stale in told:
                    offer_to_update(request, page, stale)
        return response


def offer_to_update(request, page, stale):
    state = TranslationState(page, page, stale=stale)
    sync_url = state.sync_url
    if sync_url and request.user.has_perm("wagtail_localize.submit_translation"):
        buttons = [admin_messages.button(sync_url, _("Update the translations"))]
    else:  # copied by hand: each is edited on its own
        buttons = [
            admin_messages.button(
                reverse("wagtailadmin_pages:edit", args=[translation.pk]),
                language_names([translation]),
            )
            for translation in stale
        ]
    admin_messages.warning(
        request,
        _("“%(page)s” is published: its translations are now out of date (%(languages)s).")
        % {"page": page.get_admin_display_title(), "languages": language_names(stale)},
        buttons=buttons,
    )
