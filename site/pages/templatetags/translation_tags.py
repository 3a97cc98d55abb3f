"""The admin's word on a page's translations: out of date, and where to update them."""

from django import template
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..memo import request_memo
from ..translations import language_names, translation_state, translation_states

register = template.Library()


def _listed_state(page):
    """The state of a page in a page list, read with its siblings' in one go per request."""
    memo = request_memo()
    if memo is None:
        return translation_state(page)
    parent_path = page.path[: -Page.steplen]
    key = ("translation-states", parent_path)
    if key not in memo:
        siblings = Page.objects.filter(path__startswith=parent_path, depth=page.depth)
        memo[key] = translation_states(siblings)
    return memo[key].get(page.pk) or translation_state(page)


@register.inclusion_tag("wagtailadmin/shared/translation_status.html", takes_context=True)
def translation_status(context, page, offer_update=False):
    """A status tag when `page` is an out-of-date translation, or a source with some; with
    `offer_update`, a link to update them for an editor who may (wagtail-localize's sync)."""
    state = translation_state(page) if offer_update else _listed_state(page)
    label = title = ""
    if state.out_of_date:
        label = _("Out of date")
        title = _("The %(language)s page was published after this translation was updated.") % {
            "language": language_names([state.source]),
        }
    elif state.stale and offer_update:  # the header: short, the languages in its title
        label = _("Translations out of date")
        title = _("Translations out of date: %(languages)s") % {
            "languages": language_names(state.stale)
        }
    elif state.stale:
        label = _("Translations out of date: %(languages)s") % {
            "languages": language_names(state.stale)
        }
        title = _("Published after these translations were updated.")
    request = context.get("request")
    update_url = None
    if (
        label
        and offer_update
        and request is not None
        and request.user.has_perm("wagtail_localize.submit_translation")
    ):
        update_url = state.sync_url
        if update_url:
            update_url += "?next=" + request.get_full_path()
    return {"label": label, "title": title, "update_url": update_url}
