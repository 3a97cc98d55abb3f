from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import cache
from .models import PlaceName
from .translations import (
    FACTS_SYNCHRONISED,
    language_names,
    translations_unpublished_with,
)


@hooks.register("before_serve_page")
def note_the_page_answering(page, request, serve_args, serve_kwargs):
    """A kept answer at one of a page's sub-addresses is dropped with the page (pages/cache.py)."""
    parts = page.get_url_parts(request)
    if parts:
        cache.owner_of(request, parts[2])


def _tell_translations_unpublished(request, pages):
    for page in pages:
        translations = translations_unpublished_with(page)
        if translations:
            messages.info(
                request,
                _("The translations of “%(page)s” were unpublished too: %(languages)s.")
                % {
                    "page": page.get_admin_display_title(),
                    "languages": language_names(translations),
                },
            )


@hooks.register("after_unpublish_page")
def tell_translations_unpublished(request, page):
    """Unpublishing a source page unpublished its translations too (translations.py): say so."""
    _tell_translations_unpublished(request, [page])


@hooks.register("after_delete_page")
def tell_translations_unpublished_on_delete(request, page):
    """Deleting a live page unpublishes it first (Wagtail), and so its translations."""
    _tell_translations_unpublished(request, [page])


@hooks.register("after_bulk_action")
def tell_translations_unpublished_in_bulk(request, action_type, objects, action):
    if action_type in ("unpublish", "delete"):
        _tell_translations_unpublished(request, [obj for obj in objects if isinstance(obj, Page)])


class PlaceNameViewSet(SnippetViewSet):
    """The glossary editors keep: each place's name in Vietnamese, English and Chinese."""

    model = PlaceName
    icon = "globe"
    menu_label = gettext_lazy("Glossary")
    add_to_admin_menu = True
    list_display = ["name", "kind", "name_en", "name_zh_hans"]
    list_filter = ["kind"]
    search_fields = ["name", "name_en", "name_zh_hans"]


register_snippet(PlaceNameViewSet)


@hooks.register("register_log_actions")
def register_facts_synchronised(actions):
    actions.register_action(
        FACTS_SYNCHRONISED,
        gettext_lazy("Facts synchronised"),
        gettext_lazy("Facts the same in every language copied from the source page"),
    )
