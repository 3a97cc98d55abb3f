"""Typo tolerance's parts on the database backend: the vocabulary lookup and its query count."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.backends import SearchQuery
from search.backends.database import DatabaseBackend, correct
from search.indexing import rebuild
from tests.search.factories import product


@pytest.mark.django_db
def test_correction_keeps_the_words_as_typed_first_and_names_the_likeliest(sample):
    found = correct("tinh dau hoii")
    assert found.groups[2][:2] == ["hoii", "hoi"]
    assert (found.text, found.changed) == ("tinh dau hoi", {"hoi"})


@pytest.mark.django_db
def test_a_short_word_without_a_neighbour_to_confirm_it_is_left_alone(sample):
    assert correct("hoj").text == ""
    assert correct("khen").text == ""


@pytest.mark.django_db
def test_known_words_and_numbers_are_not_corrected(sample):
    found = correct("dau hoi 100")
    assert found.text == ""
    assert found.groups == [["dau"], ["hoi"], ["100"]]


@pytest.mark.django_db
def test_a_typo_search_costs_the_same_queries_whatever_the_number_of_results(home):
    def queries(text):
        with CaptureQueriesContext(connection) as captured:
            results = DatabaseBackend().search(
                SearchQuery(text, language="vi", facet_names=("category", "producer"))
            )
        return len(captured.captured_queries), results.total

    for number in range(3):
        product(f"Chè Shan tuyết Mẫu Sơn số {number}", "Chè")
    rebuild()
    few = queries("shan tuyeet")
    for number in range(3, 30):
        product(f"Chè Shan tuyết Mẫu Sơn số {number}", "Chè")
    rebuild()
    many = queries("shan tuyeet")
    assert (few[1], many[1]) == (3, 30)
    assert few[0] == many[0] <= 9


@pytest.mark.django_db
def test_a_real_word_out_of_place_is_corrected_by_its_neighbour(sample):
    product("Ngói âm dương Long Hưng", "Ngói")  # `hung` is a word of the index
    rebuild()
    found = correct("hung tram na phieng")
    assert found.text == "huong tram na phieng"
    results = DatabaseBackend().search(SearchQuery("hung tram", language="vi"))
    assert results.hits[0].title == "Hương trầm Nà Phiêng"
    assert results.suggestions == ["huong tram"]
    # Beside a word it does stand next to, it is left alone.
    assert correct("long hung").text == ""
