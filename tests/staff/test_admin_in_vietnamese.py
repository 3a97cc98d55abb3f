"""The admin reads in Vietnamese: the screens editors and approvers use show no English label."""

import json
import re
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from tests.pages.factories import translate
from tests.villages.factories import VillageIndexPageFactory, VillagePageFactory

# Labels seen in English before the overrides (issue 21); words, matched whole.
ENGLISH = [
    "Sign in",
    "Password",
    "Forgotten password",
    "Remember me",
    "Pages",
    "Save draft",
    "More actions",
    "Site summary",
    "Awaiting your review",
    "Awaiting my review",
    "Editing",
    "Promote",
    "Submit to",
    "Publish",
    "Preview",
    "Comments",
    "Bulk actions",
    "Add child page",
    "Live",
    "Draft",
    "Status",
    "Snippets",
    "Images",
    "Documents",
    "Settings",
    "Workflow",
    "Reports",
    "Help",
    "Search",
    "History",
    "Translate",
    "Locale",
    "Checks",
    "Sort by",
    "Filter by",
    "Dashboard",
    "Offers",
]


class VisibleText(HTMLParser):
    """Text a reader sees: text nodes outside scripts and templates, placeholders, button values."""

    hidden = {"script", "style", "template", "noscript"}
    void = {"br", "img", "input", "meta", "link", "hr", "source", "path", "use", "col", "wbr"}

    def __init__(self):
        super().__init__()
        self.parts, self.open = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        unseen = "w-sr-only" in (attrs.get("class") or "").split()
        if tag not in self.void:
            self.open.append((tag, unseen))
        if attrs.get("placeholder"):
            self.parts.append(attrs["placeholder"])
        # Wagtail's home page hard-codes an off-screen "Search" button no catalogue can reach.
        button = tag == "input" and attrs.get("type") in ("submit", "button")
        offscreen = unseen or any(hidden for _, hidden in self.open)
        if button and attrs.get("value") and not offscreen:
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in (name for name, _ in self.open):
            while self.open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self.hidden & {name for name, _ in self.open} and data.strip():
            self.parts.append(" ".join(data.split()))


def english_in(html, ignore=()):
    parser = VisibleText()
    parser.feed(html)
    text = "\n".join(part for part in parser.parts if part not in ignore)
    return [phrase for phrase in ENGLISH if re.search(rf"\b{re.escape(phrase)}\b", text)]


def staff(username, group=None, **flags):
    user = get_user_model().objects.create_user(
        username, f"{username}@langnghe.example", "x", is_staff=True, **flags
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def village(home):
    index = VillageIndexPageFactory(title="Làng nghề")
    return VillagePageFactory(parent=index, title="Làng dệt thổ cẩm Bắc Sơn")


@pytest.fixture
def submitted(village):
    """The village's draft, submitted by an editor: it awaits the approvers."""
    editor = staff("bientap", "DCST editors")
    revision = village.save_revision(user=editor)
    village.get_workflow().start(village, editor)
    return revision


def get_vi(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_login_page_is_in_vietnamese(client):
    html = get_vi(client, "/admin/login/")
    assert english_in(html) == []
    assert "Quên mật khẩu?" in html
    assert "Nhập tên đăng nhập của bạn" in html  # not "Nhập Tên đăng nhậpcủa bạn"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["DCST editors", "DCST approvers"])
def test_editors_and_approvers_screens_are_in_vietnamese(client, village, submitted, role):
    client.force_login(staff("nguoidung", role))
    index = village.get_parent()
    screens = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{index.id}/",
        f"/admin/pages/{village.id}/edit/",
        f"/admin/pages/{village.id}/history/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/account/",
    ]
    for url in screens:
        assert english_in(get_vi(client, url)) == [], url


@pytest.mark.django_db
def test_the_approvers_dashboard_lists_what_awaits_them_in_vietnamese(client, submitted):
    client.force_login(staff("duyet", "DCST approvers"))
    html = get_vi(client, "/admin/")
    assert "Đang chờ bạn duyệt" in html
    assert "Phê duyệt của Sở VHTTDL" in html  # the task's name, renamed by a migration


@pytest.mark.django_db
def test_page_editor_footer_actions_are_in_vietnamese(client, village):
    client.force_login(staff("bientap2", "DCST editors"))
    html = get_vi(client, f"/admin/pages/{village.id}/edit/")
    for label in ("Lưu bản nháp", "Thêm thao tác", "Gửi duyệt (Kiểm duyệt của Sở VHTTDL)"):
        assert label in html


@pytest.mark.django_db
def test_administrators_screens_are_in_vietnamese(client, village):
    client.force_login(staff("quantri", is_superuser=True))
    english = translate(village, "en", title="Bac Son brocade village")
    screens = [
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/locales/",
        "/admin/sites/",
        "/admin/redirects/",
        "/admin/reports/site-history/",
        f"/admin/localize/submit/page/{village.id}/",
        f"/admin/pages/{english.id}/edit/",
        "/dashboard/",
        "/dashboard/catalogue/",
    ]
    for url in screens:
        # The translated page's title and Oscar's staff group are data, not interface.
        data = {english.title, "All Oscar Dashboard Permissions"}
        assert english_in(get_vi(client, url), ignore=data) == [], url


@pytest.mark.django_db
def test_avatars_are_local_not_gravatar(client):
    client.force_login(staff("bientap3", "DCST editors"))
    assert "gravatar.com" not in get_vi(client, "/admin/")


@pytest.mark.django_db
def test_the_admins_javascript_catalogue_is_in_vietnamese(client):
    """Labels drawn by the admin's scripts (menu, editor toolbars) come from /admin/jsi18n/."""
    client.force_login(staff("bientap4", "DCST editors"))
    script = get_vi(client, "/admin/jsi18n/")
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalogue["More actions"] == "Thêm thao tác"
    assert catalogue["Main menu"] == "Trình đơn chính"
    assert catalogue["Collapse all"] == "Thu gọn tất cả"


@pytest.mark.django_db
def test_moderation_emails_reach_approvers_and_the_editor_in_vietnamese(
    village, mailoutbox, django_capture_on_commit_callbacks
):
    editor = staff("bientap5", "DCST editors")
    approver = staff("duyet5", "DCST approvers")
    village.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        village.get_workflow().start(village, editor)
    to_approver = [mail for mail in mailoutbox if approver.email in mail.to]
    assert to_approver, "the approvers are told a page awaits them"
    body = to_approver[0].body
    assert f"Trang “{village.title}” đã được gửi duyệt" in body
    assert "Kính gửi" in body and "has been" not in body

    mailoutbox.clear()
    village.refresh_from_db()
    task_state = village.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, approver, "approve")
    to_editor = [mail for mail in mailoutbox if editor.email in mail.to]
    assert to_editor, "the editor is told the page was approved"
    assert "đã được duyệt" in to_editor[0].subject + to_editor[0].body
    assert "has been" not in to_editor[0].body
