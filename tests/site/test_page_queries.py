"""Every public page of the demo, made afresh for a visitor with the parts many pages share kept
(the menus, a page's main part and head: pages/cache.py), costs at most 12 queries, in every
language (issue 22). Every kind of page keeps its parts: what changes without a publish (an
experience's seats, the plan's imported figures) is a change too (pages/changes.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from tests import demo
from tests.conftest import built_once_per_module

world = built_once_per_module(demo.load)

BUDGET = 12


def one_page_of_each_type(language):
    from wagtail.models import Page

    from catalogue.models import Product

    pages = {}
    for page in (
        Page.objects.live().public().filter(locale__language_code=language, depth__gt=1).specific()
    ):
        pages.setdefault(type(page), page)
    product = Product.objects.browsable().filter(stockrecords__isnull=False).first()
    with translation.override(language):
        shop = {
            "product list": reverse("catalogue:index"),
            "product": product.get_absolute_url(),
            "search": reverse("search:search") + "?q=ao+cham",
        }
    return pages, shop


@pytest.fixture
def parts_kept(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    demo.copy_files()  # the photos: a page whose pictures are missing reads more


def queries_for(client, path):
    client.get(path)  # the first visitor of the day makes the shared parts
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.django_db
def test_every_page_made_afresh_costs_at_most_twelve_queries(world, client, parts_kept):
    # One test for the three languages: the pictures' renditions, made for the first, serve all.
    over = {}
    for language in ("vi", "en", "zh-hans"):
        pages, shop = one_page_of_each_type(language)
        kept = {kind.__name__: page.url for kind, page in pages.items()}
        assert len(kept) >= 15, "the demo has every kind of page"
        for name, path in {**kept, **shop}.items():
            if (count := queries_for(client, path)) > BUDGET:
                over[f"{name} ({language})"] = count
    assert over == {}, f"queries per page over {BUDGET}: {over}"


@pytest.mark.django_db
def test_every_kind_of_page_keeps_its_parts(world):
    pages, _ = one_page_of_each_type("vi")
    assert [kind.__name__ for kind in pages if not kind.shared_groups] == []
