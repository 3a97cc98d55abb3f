"""An address finds the same page, or the same 404, as Wagtail's own routing, in three queries
whatever its depth (pages/routing.py)."""

from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest
from wagtail.models import Page

from tests.tours.factories import TourPageFactory
from tests.villages.factories import CraftspersonPageFactory, VillagePageFactory


def found_as_text(found):
    view, args, kwargs = found.args or (None, (), {})
    return (found.page.pk, type(found.page).__name__, view and view.__name__, args, kwargs)


def wagtails(root, path):
    """What Wagtail's own `Page.route` finds, level after level, or "404"."""
    try:
        found = Page.route(
            root, RequestFactory().get(path), [part for part in path.split("/") if part]
        )
    except Http404:
        return "404"
    return found_as_text(found)


def ours(root, path):
    try:
        found = root.route(RequestFactory().get(path), [part for part in path.split("/") if part])
    except Http404:
        return "404"
    return found_as_text(found)


@pytest.fixture
def tree(home):
    person = CraftspersonPageFactory()
    village = person.get_parent().specific
    draft = VillagePageFactory(title="Làng chưa xuất bản", slug="lang-nhap")
    draft.unpublish()
    under_draft = CraftspersonPageFactory(parent=draft, slug="nghe-nhan-lang-nhap")
    tour = TourPageFactory(stops=[village])
    return {"person": person, "village": village, "under draft": under_draft, "tour": tour}


@pytest.mark.django_db
def test_every_address_finds_what_wagtails_routing_finds(home, tree):
    index = tree["village"].get_parent()
    paths = [
        index.url,
        tree["village"].url,
        tree["person"].url,
        tree["village"].url + "khong-co/",  # no such child
        tree["person"].url + "sau-hon/",  # below a page with no pages below
        index.url + "lang-nhap/",  # a draft
        tree["under draft"].url,  # a live page under a draft: Wagtail serves it
        tree["tour"].url,
        tree["tour"].url + "in/",  # a tour's printable itinerary (a routable page's own path)
        tree["tour"].url + "khong-co/",
        "/khong-co/o-dau/",
    ]
    root = Page.objects.get(pk=home.pk).specific  # its count of children as the tree has it now
    assert {path: ours(root, path) for path in paths} == {
        path: wagtails(root, path) for path in paths
    }
    assert ours(root, tree["tour"].url + "in/")[2] == "printable", "the printable itinerary"
    assert ours(root, index.url + "lang-nhap/") == "404"


@pytest.mark.django_db
def test_a_page_is_found_in_two_queries_however_deep(home, tree):
    root = Page.objects.get(pk=home.pk).specific
    for page in (tree["village"].get_parent(), tree["person"]):
        request = RequestFactory().get(page.url)
        with CaptureQueriesContext(connection) as captured:
            found = root.route(request, [part for part in page.url.split("/") if part]).page
            language = found.locale.language_code  # read with the page
            parent = found.get_parent()  # kept from the way down
        assert found == page and parent.pk == page.get_parent().pk and language == "vi"
        assert len(captured) == 2, page.url
