"""The index stays true after each commit: only live, public, orderable items are found."""

import io
from decimal import Decimal

from django.core.management import call_command

import pytest
from oscar.apps.partner.strategy import Selector
from oscar.test.factories import create_order
from wagtail.models import PageViewRestriction

from search.backends import SearchQuery, get_backend
from search.models import SearchEntry
from tests.catalogue.factories import BasketFactory, product_for_sale
from tests.villages.factories import VillagePageFactory


def found(query, language="vi"):
    return [hit.title for hit in get_backend().search(SearchQuery(query, language=language)).hits]


@pytest.fixture(autouse=True)
def after_commit(settings, search_index, home):
    """As in production: changes are announced when they commit (the suite otherwise announces
    them at once). Set once the home page exists: its changes would wait for the test's own
    transaction, which never commits, and the changes of the test's blocks would join them."""
    settings.CONTENT_CHANGES_AFTER_COMMIT = True


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what happens after a commit (the index update tasks) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.django_db
def test_publishing_a_page_adds_it_and_unpublishing_removes_it(home, committed):
    with committed():
        village = VillagePageFactory(title="Làng rèn Đồng Đăng")
    assert found("dong dang") == ["Làng rèn Đồng Đăng"]
    with committed():
        village.unpublish()
    assert found("dong dang") == []


@pytest.mark.django_db
def test_a_new_revision_is_found_once_published(home, committed):
    with committed():
        village = VillagePageFactory(title="Làng rèn")
    village.title = "Làng rèn Kỳ Lừa"
    with committed():
        revision = village.save_revision()
    assert found("ky lua") == []  # a draft is not public
    with committed():
        revision.publish()
    assert found("ky lua") == ["Làng rèn Kỳ Lừa"]


@pytest.mark.django_db
def test_deleting_a_page_removes_it(home, committed):
    with committed():
        village = VillagePageFactory(title="Làng rèn Đồng Đăng")
    with committed():
        village.delete()
    assert not SearchEntry.objects.filter(kind="village").exists()


@pytest.mark.django_db
def test_a_private_page_is_not_found(home, committed):
    with committed():
        village = VillagePageFactory(title="Làng rèn Đồng Đăng")
    with committed():
        PageViewRestriction.objects.create(page=village, restriction_type="login")
    assert found("dong dang") == []


@pytest.mark.django_db
def test_a_new_price_is_searched_by(home, committed):
    with committed():
        product = product_for_sale(title="Áo chàm", price=650000)
    with committed():
        record = product.stockrecords.get()
        record.price = Decimal(90000)
        record.save()
    hit = get_backend().search(SearchQuery("ao cham", language="vi")).hits[0]
    assert hit.price == 90000


@pytest.mark.django_db
def test_sold_out_and_hidden_products_are_not_found(home, committed):
    with committed():
        product = product_for_sale(title="Áo chàm", stock=1)
        hidden = product_for_sale(title="Khăn chàm")
    assert sorted(found("cham")) == ["Khăn chàm", "Áo chàm"]
    with committed():
        record = product.stockrecords.get()
        record.num_in_stock = 0
        record.save()
        hidden.is_public = False
        hidden.save()
    assert found("cham") == []


@pytest.mark.django_db
def test_an_order_that_takes_the_last_one_removes_the_product(home, committed):
    with committed():
        product = product_for_sale(title="Áo chàm", stock=1)
    basket = BasketFactory()
    basket.strategy = Selector().strategy()
    basket.add_product(product)
    with committed():
        create_order(basket=basket)
    assert found("ao cham") == []


@pytest.mark.django_db
def test_deleting_a_product_removes_it(home, committed):
    with committed():
        product = product_for_sale(title="Áo chàm")
    with committed():
        product.delete()
    assert found("ao cham") == []


@pytest.mark.django_db
def test_nothing_changes_until_the_transaction_commits(home):
    VillagePageFactory(title="Làng rèn Đồng Đăng")
    assert found("dong dang") == []


@pytest.mark.django_db
def test_rebuild_command_indexes_everything_with_progress(home):
    VillagePageFactory(title="Làng rèn Đồng Đăng")
    product_for_sale(title="Áo chàm")
    product_for_sale(title="Hàng ẩn", is_public=False)
    out = io.StringIO()
    call_command("search_index", stdout=out)
    output = out.getvalue()
    assert "2 objects to index." in output
    assert "2/2 (100%)" in output
    # the product in 3 languages, and the village in its own and (untranslated) in the other 2
    assert "database: 6 entries indexed" in output
    assert found("ao cham") == ["Áo chàm"]


@pytest.fixture
def production_tasks(settings):
    """Production's task backend: updates are queued in the database for `db_worker`."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.mark.django_db
def test_in_production_updates_are_queued_for_the_worker(home, committed, production_tasks):
    from django_tasks_db.models import DBTaskResult

    with committed():
        village = VillagePageFactory(title="Làng rèn Đồng Đăng")
    queued = DBTaskResult.objects.filter(task_path="search.tasks.update_index")
    assert ["villages.villagepage", village.pk] in [task.args_kwargs["args"] for task in queued]
    assert found("dong dang") == []  # publishing did not wait for the index
    for (
        queued_task
    ) in queued:  # what `db_worker` does with each (it would close the test's connection)
        queued_task.task.call(*queued_task.args_kwargs["args"], **queued_task.args_kwargs["kwargs"])
    assert found("dong dang") == ["Làng rèn Đồng Đăng"]
