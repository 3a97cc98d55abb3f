"""After a transactional test empties the database, the next test finds what migrations made."""

from django.contrib.auth.models import Group
from django.contrib.sites.models import Site

import pytest
from wagtail.models import Locale, Page, Workflow

from tests import seed
from tests.databases import empty_written_tables
from tests.pages.factories import HomePageFactory


def migrated_state():
    ours = Workflow.objects.exclude(name="Moderators approval").get()
    return {
        "roles": seed.roles(),
        "workflow": (ours.name, [task.name for task in ours.tasks]),
        "locales": list(Locale.objects.values_list("language_code", flat=True)),
        "pages": list(Page.objects.values_list("pk", "path", "numchild")),
        "site": Site.objects.get_current().domain,
    }


@pytest.mark.django_db(transaction=True)
def test_what_a_transactional_test_changed_is_emptied_and_the_migrated_rows_come_back():
    migrated = migrated_state()
    assert "wagtail_localize.submit_translation" in migrated["roles"]["DCST approvers"]
    # What a test might do: add pages under the root, take a role apart, drop the workflow.
    HomePageFactory(title="Trang chủ thử")
    Group.objects.get(name="DCST editors").permissions.clear()
    Workflow.objects.all().delete()

    empty_written_tables()
    seed.reseed()

    assert migrated_state() == migrated
    assert not Page.objects.filter(title="Trang chủ thử").exists()
