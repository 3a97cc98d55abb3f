"""What a change of a page touches in this app (pages/changes.py): the map shows them all."""

from wagtail.models import Page

from pages.changes import Shown, page_path, register

from .models import MapPage


def maps(pages):
    return Shown(paths={page_path(page) for page in MapPage.objects.all()} - {None})


register(Page, shown_at=maps)
