"""The basket and the checkout's first steps ask the database as often with eight lines as with two."""

import re
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.catalogue.factories import ProducerFactory, product_for_sale

pytestmark = pytest.mark.django_db


def add(client, product):
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
    assert response.status_code == 302


def queries_for(client, path):
    client.get(path)  # the first visit fills what every later one reads from the cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in captured]


def shapes(queries):
    """Each query without its numbers, once for every time it is asked."""
    seen = Counter()
    for query in queries:
        shape = re.sub(r"\d+", "N", query)[:160]
        seen[shape] += 1
        yield f"{seen[shape]}× {shape}"


@pytest.mark.parametrize("path", ["/basket/", "/en/basket/"])
def test_basket_queries_do_not_grow_with_its_lines(client, home, path):
    producers = [ProducerFactory(), ProducerFactory()]
    for number in range(2):
        add(client, product_for_sale(title=f"Hồi {number}", producer=producers[number]))
    two = queries_for(client, path)

    for number in range(6):
        add(client, product_for_sale(title=f"Trà {number}", producer=producers[number % 2]))
    eight = queries_for(client, path)

    assert len(eight) == len(two), "\n".join(sorted(set(shapes(eight)) - set(shapes(two))))


def test_the_checkouts_address_step_queries_do_not_grow_with_the_lines(client, home):
    producers = [ProducerFactory(), ProducerFactory()]
    for number in range(2):
        add(client, product_for_sale(title=f"Hồi {number}", producer=producers[number]))
    response = client.post("/checkout/", {"username": "khach@example.com", "options": "anonymous"})
    assert response.status_code == 302
    two = queries_for(client, "/checkout/shipping-address/")

    for number in range(6):
        add(client, product_for_sale(title=f"Trà {number}", producer=producers[number % 2]))
    eight = queries_for(client, "/checkout/shipping-address/")

    assert len(eight) == len(two), "\n".join(sorted(set(shapes(eight)) - set(shapes(two))))
