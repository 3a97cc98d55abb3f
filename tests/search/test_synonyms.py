"""Editors extend the synonyms list in the CMS; the database backend uses it at once."""

import io

from django.contrib.auth import get_user_model

import pytest

from pages.demo import Demo
from search import demo
from search.backends import SearchQuery, get_backend
from search.indexing import rebuild
from search.models import SearchEntry, Synonym
from tests.search.factories import product


@pytest.mark.django_db
def test_a_new_synonym_finds_products_at_once(home):
    product("Mặt nạ mèo sư tử", "Thủ công")
    rebuild()
    assert get_backend().search(SearchQuery("lion mask", language="en")).total == 0
    Synonym.objects.create(terms="lion mask, mặt nạ mèo sư tử")
    assert get_backend().search(SearchQuery("lion mask", language="en")).total == 1


@pytest.mark.django_db
def test_editors_manage_synonyms_as_snippets(client, home):
    admin = get_user_model().objects.create_superuser("quantri", "quantri@langnghe.example", "x")
    client.force_login(admin)
    response = client.get("/admin/snippets/search/synonym/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_demo_step_adds_synonyms_and_builds_the_index(home):
    product("Hoa hồi khô", "Gia vị")
    out = io.StringIO()
    demo.load(Demo(stdout=out))
    demo.load(Demo(stdout=out))  # running it again adds nothing
    assert Synonym.objects.filter(terms="star anise, hoa hồi, 八角").count() == 1
    assert SearchEntry.objects.filter(kind="product").count() == 3
    assert "Search index: database 3" in out.getvalue()
