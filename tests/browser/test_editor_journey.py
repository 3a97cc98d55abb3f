"""The Department's editor changes a village and submits it, in the Vietnamese admin; the approver is
e-mailed and publishes; visitors see it and find it; the English and Chinese pages now read "out of
date", and one is brought up to date through the admin and published."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from tests.villages.factories import VillagePageFactory

PASSWORD = "mat-khau-bien-tap-2026"


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@langnghe.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"  # the Department's staff read the admin in Vietnamese
    profile.save()
    return user


def sign_in(tab, base_url, username):
    tab.goto(f"{base_url}/admin/login/")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(PASSWORD)
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(re.compile(r"/admin/$"))


def translated_with_wagtail_localize(page, *codes):
    """The page's translations, made as “Translate this page” makes them."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    made = {}
    for code in codes:
        locale = Locale.objects.get(language_code=code)
        Translation.objects.create(source=source, target_locale=locale).save_target(publish=True)
        made[code] = page.get_translation(locale)
    return made


@pytest.mark.django_db(transaction=True)
def test_editor_change_goes_public_after_approval_and_its_translations_follow(
    live_server, new_tab, home, locales, search_index
):
    village = VillagePageFactory(title="Làng mây tre Hữu Lũng", slug="lang-may-tre-huu-lung")
    translations = translated_with_wagtail_localize(village, "en", "zh-hans")
    member_of("DCST editors", "bientap")
    member_of("DCST approvers", "duyet")
    new_text = "Mùa đan giỏ mây kiểu Tày mở cửa cho khách từ tháng Chín."

    # The editor changes the introduction and submits it to the Department's moderation.
    editor = new_tab()
    sign_in(editor, live_server.url, "bientap")
    editor.goto(f"{live_server.url}/admin/pages/{village.pk}/edit/")
    assert editor.locator("html").get_attribute("lang") == "vi"
    editor.locator("#id_introduction").fill(new_text)
    editor.locator("footer [data-w-dropdown-target=toggle]").first.click()
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{village.pk}/edit/$|/admin/pages/\d+/$"))

    # The approver is told by e-mail.
    assert any("duyet@langnghe.example" in message.to for message in mail.outbox)

    # Not public yet: visitors still read the published introduction.
    visitor = new_tab()
    visitor.goto(f"{live_server.url}{village.url}")
    assert new_text not in visitor.locator("main").inner_text()

    # The approver approves from the page editor; the last task's approval publishes, and the
    # admin offers to update the translations it left behind.
    approver = new_tab()
    sign_in(approver, live_server.url, "duyet")
    approver.goto(f"{live_server.url}/admin/pages/{village.pk}/edit/")
    approve = approver.locator("button[data-workflow-action-name=approve]").first
    if not approve.is_visible():
        approver.locator("footer [data-w-dropdown-target=toggle]").first.click()
    approve.click()
    # The click does not wait for the redirect: expect() waits for the page after it.
    sync = f"/admin/localize/update/{TranslationSource.objects.get().pk}/"
    expect(approver.locator(f".messages a[href^='{sync}']")).to_have_count(1)

    visitor.goto(f"{live_server.url}{village.url}")
    assert new_text in visitor.locator("main").inner_text()

    # Found by search, without accents, as a phone keyboard types it.
    visitor.goto(f"{live_server.url}/search/?q=gio+may+kieu+tay")
    results = visitor.locator("main")
    assert results.get_by_role("link", name="Làng mây tre Hữu Lũng").first.is_visible()

    # The Chinese page is listed as out of date…
    chinese = translations["zh-hans"]
    editor.goto(f"{live_server.url}/admin/pages/{chinese.get_parent().pk}/")
    row = editor.locator("tr", has=editor.locator(f"a[href='/admin/pages/{chinese.pk}/edit/']"))
    assert row.locator("[data-translation-status]").count() == 1

    # …and so is the English one, whose editor brings the new text in from the Vietnamese page
    # (wagtail-localize's sync) and translates it.
    english = translations["en"]
    editor.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    assert editor.locator("header [data-translation-status]").is_visible()
    editor.locator("[data-translation-update]").click()
    editor.locator("form input[type=submit]").click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{english.pk}/edit/"))
    segment = editor.locator("li.incomplete", has_text=new_text)
    segment.locator("button").last.click()
    english_text = "The Tày basket-weaving season opens to visitors in September."
    segment.locator("textarea").fill(english_text)
    segment.locator("button").last.click()
    editor.locator("li.complete", has_text=english_text).wait_for()

    # The approver publishes the translation; it is up to date and visitors read it.
    approver.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    approver.locator("button[name=action][value=publish]").click()
    expect(approver.locator("header [data-translation-status]")).to_have_count(0)
    visitor.goto(f"{live_server.url}{english.url}")
    assert english_text in visitor.locator("main").inner_text()
