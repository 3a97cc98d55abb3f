"""An editor changes a village and submits it; an approver publishes; visitors see it and find it."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest
from wagtail.users.models import UserProfile

from tests.villages.factories import VillagePageFactory

PASSWORD = "mat-khau-bien-tap-2026"


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@langnghe.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    # The admin in English, so the test reads the same labels a reviewer would.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def sign_in(tab, base_url, username):
    tab.goto(f"{base_url}/admin/login/")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(PASSWORD)
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(re.compile(r"/admin/$"))


@pytest.mark.django_db(transaction=True)
def test_editor_change_goes_public_after_approval_and_is_found_by_search(
    live_server, new_tab, home, search_index
):
    village = VillagePageFactory(title="Làng mây tre Hữu Lũng", slug="lang-may-tre-huu-lung")
    member_of("DCST editors", "bientap")
    member_of("DCST approvers", "duyet")
    new_text = "Mùa đan giỏ mây kiểu Tày mở cửa cho khách từ tháng Chín."

    # The editor changes the introduction and submits it to the Department's moderation.
    editor = new_tab()
    sign_in(editor, live_server.url, "bientap")
    editor.goto(f"{live_server.url}/admin/pages/{village.pk}/edit/")
    editor.locator("#id_introduction").fill(new_text)
    editor.locator("footer [data-w-dropdown-target=toggle]").first.click()
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{village.pk}/edit/$|/admin/pages/\d+/$"))

    # Not public yet: visitors still read the published introduction.
    visitor = new_tab()
    visitor.goto(f"{live_server.url}{village.url}")
    assert new_text not in visitor.locator("main").inner_text()

    # The approver approves from the page editor; the last task's approval publishes.
    approver = new_tab()
    sign_in(approver, live_server.url, "duyet")
    approver.goto(f"{live_server.url}/admin/pages/{village.pk}/edit/")
    approve = approver.locator("button[data-workflow-action-name=approve]").first
    if not approve.is_visible():
        approver.locator("footer [data-w-dropdown-target=toggle]").first.click()
    approve.click()
    approver.wait_for_load_state("networkidle")

    visitor.goto(f"{live_server.url}{village.url}")
    assert new_text in visitor.locator("main").inner_text()

    # Found by search, without accents, as a phone keyboard types it.
    visitor.goto(f"{live_server.url}/search/?q=gio+may+kieu+tay")
    results = visitor.locator("main")
    assert results.get_by_role("link", name="Làng mây tre Hữu Lũng").first.is_visible()
