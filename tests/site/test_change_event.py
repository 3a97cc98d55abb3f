"""One `content_changed` per committed transaction, none for one rolled back; free when unheard."""

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

import pytest

from pages import changes
from pages.changes import content_changed
from tests.catalogue.factories import product_for_sale


@pytest.fixture
def heard():
    events = []

    def listen(sender, changes, **kwargs):
        events.append({change.key for change in changes})

    content_changed.connect(listen, dispatch_uid="test-heard")
    yield events
    content_changed.disconnect(dispatch_uid="test-heard")


@pytest.mark.django_db(transaction=True)
def test_a_transaction_announces_its_changes_once_when_it_commits(heard, settings):
    settings.CONTENT_CHANGES_AFTER_COMMIT = True
    product = product_for_sale(title="Hoa hồi khô", price=125000)
    heard.clear()

    with transaction.atomic():
        record = product.stockrecords.get()
        record.price = 99000
        record.save()
        record.num_in_stock = 3
        record.save()
        product.title = "Hoa hồi khô loại 1"
        product.save()
        assert heard == [], "nothing is announced before the commit"

    assert heard == [{("partner.stockrecord", record.pk), ("catalogue.product", product.pk)}]


@pytest.mark.django_db(transaction=True)
def test_a_transaction_rolled_back_announces_nothing(heard, settings):
    settings.CONTENT_CHANGES_AFTER_COMMIT = True
    product = product_for_sale(title="Hoa hồi khô")
    heard.clear()

    with pytest.raises(RuntimeError), transaction.atomic():
        product.title = "Hoa hồi khô loại 1"
        product.save()
        raise RuntimeError("the payment gateway timed out")
    with transaction.atomic():
        product.save()

    assert heard == [{("catalogue.product", product.pk)}], "only the committed change"


@pytest.mark.django_db
def test_with_the_page_cache_and_the_index_off_a_change_costs_no_query(home, settings):
    product = product_for_sale(title="Hoa hồi khô")
    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_INDEX_UPDATES = False
    with CaptureQueriesContext(connection) as off:
        changes.record(product)

    settings.PAGE_CACHE_SECONDS = 300
    with CaptureQueriesContext(connection) as on:
        changes.record(product)

    assert len(off) == 0
    assert len(on) > 0, "with the cache on, the pages showing the product are looked up"
