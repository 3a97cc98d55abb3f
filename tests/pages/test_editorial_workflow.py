"""DCST editors write and submit; only DCST approvers publish."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from tests.villages.factories import VillageIndexPageFactory
from villages.models import VillagePage


def member_of(group_name, username):
    user = get_user_model().objects.create_user(
        username, f"{username}@langnghe.example", "x", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
def test_submitted_village_stays_private_until_an_approver_publishes_it(client, home):
    editor = member_of("DCST editors", "bientap")
    approver = member_of("DCST approvers", "duyet")
    index = VillageIndexPageFactory()
    draft = VillagePage(
        title="Làng dệt thổ cẩm mới", slug="lang-det-moi", commune="xã Bắc Sơn", live=False
    )
    index.add_child(instance=draft)
    assert not draft.permissions_for_user(editor).can_publish()
    assert draft.permissions_for_user(approver).can_publish()

    workflow = draft.get_workflow()
    assert workflow is not None and workflow.name == "Kiểm duyệt của Sở VHTTDL"
    draft.save_revision(user=editor)
    workflow.start(draft, editor)
    draft.refresh_from_db()
    assert not draft.live
    assert client.get("/lang-nghe-0/lang-det-moi/").status_code == 404

    task_state = draft.current_workflow_task_state
    task = task_state.task.specific
    assert task.get_actions(draft, editor) == [], "an editor cannot approve their own page"
    assert "approve" in [action[0] for action in task.get_actions(draft, approver)]
    task.on_action(task_state, approver, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert client.get(draft.url).status_code == 200
