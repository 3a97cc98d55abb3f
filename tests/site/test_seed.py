"""After a transactional test empties the database, the next test finds what migrations made."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command

import pytest
from wagtail.models import Workflow

from tests.seed import reseed


def roles():
    return {
        group.name: sorted(
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in group.permissions.select_related("content_type")
        )
        for group in Group.objects.prefetch_related("permissions")
    }


@pytest.mark.django_db(transaction=True)
def test_a_flush_then_reseed_gives_back_every_role_with_every_permission():
    migrated = roles()
    ours_workflow = Workflow.objects.exclude(name="Moderators approval").get()
    tasks = [task.name for task in ours_workflow.tasks]
    assert "wagtail_localize.submit_translation" in migrated["DCST approvers"]

    call_command("flush", interactive=False, verbosity=0)
    apps.clear_cache()
    reseed()

    # Our roles come back whole (Wagtail's and Oscar's sample groups, unused here, do not).
    ours = roles()
    assert {"DCST editors", "DCST approvers", "Shop managers"} <= set(ours)
    assert ours == {name: migrated[name] for name in ours}
    workflow = Workflow.objects.get(name=ours_workflow.name)
    assert [task.name for task in workflow.tasks] == tasks
