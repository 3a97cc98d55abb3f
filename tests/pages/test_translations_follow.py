"""A page made private or unpublished in its source language is so in every language."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from tests.pages.factories import StandardPageFactory, translate


@pytest.fixture
def editor(db):
    """An administrator who reads the admin in English."""
    user = get_user_model().objects.create_superuser("quantri", "quantri@langnghe.example", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def story(home, locales):
    """A Vietnamese page with its English and Chinese translations, all published."""
    page = StandardPageFactory(title="Bí quyết làm hương", slug="bi-quyet")
    return {
        "vi": page,
        "en": translate(page, "en", title="The incense secret"),
        "zh-hans": translate(page, "zh-hans", title="制香秘诀"),
    }


def set_privacy(client, page, **data):
    response = client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.id]), data)
    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "set_privacy_done"


def unpublish(client, page):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.id]))
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def shows(page, text):
    response = Client().get(page.url)
    return response.status_code == 200 and text in response.content.decode()


@pytest.mark.django_db
def test_a_password_on_the_vietnamese_page_guards_its_translations(client, editor, story):
    assert shows(story["en"], "The incense secret")
    client.force_login(editor)

    set_privacy(client, story["vi"], restriction_type="password", password="huong-na-phieng")

    for code, title in (("en", "The incense secret"), ("zh-hans", "制香秘诀")):
        response = Client().get(story[code].url)
        assert response.status_code == 200
        html = response.content.decode()
        assert title not in html, f"the {code} page still shows its content"
        assert 'name="password"' in html, f"the {code} page asks for the password"
        restriction = PageViewRestriction.objects.get(page=story[code])
        assert restriction.password == "huong-na-phieng"


@pytest.mark.django_db
def test_a_login_restriction_sends_anonymous_readers_of_a_translation_to_sign_in(
    client, editor, story
):
    client.force_login(editor)

    set_privacy(client, story["vi"], restriction_type="login")

    response = Client().get(story["zh-hans"].url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
def test_translations_are_restricted_to_the_same_groups(client, editor, story):
    editors = Group.objects.get(name="DCST editors")
    approvers = Group.objects.get(name="DCST approvers")
    client.force_login(editor)

    # Wagtail's dialog saves the restriction first and its groups after: both are followed.
    set_privacy(client, story["vi"], restriction_type="groups", groups=[editors.pk])
    set_privacy(client, story["vi"], restriction_type="groups", groups=[approvers.pk])

    for code in ("en", "zh-hans"):
        restriction = PageViewRestriction.objects.get(page=story[code])
        assert restriction.restriction_type == PageViewRestriction.GROUPS
        assert list(restriction.groups.all()) == [approvers]


@pytest.mark.django_db
def test_making_the_vietnamese_page_public_again_makes_its_translations_public(
    client, editor, story
):
    client.force_login(editor)
    set_privacy(client, story["vi"], restriction_type="password", password="huong-na-phieng")
    assert not shows(story["en"], "The incense secret")

    set_privacy(client, story["vi"], restriction_type="none")

    assert not PageViewRestriction.objects.exists()
    assert shows(story["en"], "The incense secret")


@pytest.mark.django_db
def test_a_translation_made_private_alone_leaves_the_other_languages_alone(client, editor, story):
    client.force_login(editor)

    set_privacy(client, story["en"], restriction_type="login")

    assert list(PageViewRestriction.objects.values_list("page", flat=True)) == [story["en"].pk]
    assert shows(story["vi"], "Bí quyết làm hương")
    assert shows(story["zh-hans"], "制香秘诀")


@pytest.mark.django_db
def test_deleting_a_private_source_leaves_its_translations_private_and_unpublished(story):
    PageViewRestriction.objects.create(page=story["vi"], restriction_type="login")

    story["vi"].delete()  # Wagtail unpublishes a live page before deleting it

    for code in ("en", "zh-hans"):
        assert PageViewRestriction.objects.filter(page=story[code]).exists(), code
        assert Client().get(story[code].url).status_code == 404


@pytest.mark.django_db
def test_the_privacy_dialog_says_what_happens_to_the_translations(client, editor, story):
    client.force_login(editor)

    def dialog(page):
        response = client.get(reverse("wagtailadmin_pages:set_privacy", args=[page.id]))
        return json.loads(response.content)["html"]

    assert "Its translations get the same privacy: English, Simplified Chinese." in dialog(
        story["vi"]
    )
    assert "This is a translation: its privacy is its own." in dialog(story["en"])


@pytest.mark.django_db
def test_unpublishing_the_vietnamese_page_unpublishes_its_translations(client, editor, story):
    client.force_login(editor)

    said = unpublish(client, story["vi"])

    assert Client().get(story["zh-hans"].url).status_code == 404
    assert Client().get(story["en"].url).status_code == 404
    assert (
        "The translations of “Bí quyết làm hương” were unpublished too: "
        "English, Simplified Chinese." in said
    )


@pytest.mark.django_db
def test_unpublishing_in_code_unpublishes_the_translations_too(story):
    story["vi"].unpublish()  # as a scheduled expiry does

    for code in ("en", "zh-hans"):
        story[code].refresh_from_db()
        assert not story[code].live, code


@pytest.mark.django_db
def test_an_editor_may_withdraw_one_translation_alone(client, editor, story):
    client.force_login(editor)

    said = unpublish(client, story["en"])

    assert Client().get(story["en"].url).status_code == 404
    assert shows(story["vi"], "Bí quyết làm hương")
    assert shows(story["zh-hans"], "制香秘诀")
    assert not any("translations" in message for message in said)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_cached_copies_of_the_translations_are_dropped(client, editor, story, page_cache):
    for code in ("en", "zh-hans"):
        Client().get(story[code].url)
        assert Client().get(story[code].url)["X-Page-Cache"] == "hit"
    client.force_login(editor)

    set_privacy(client, story["vi"], restriction_type="password", password="huong-na-phieng")
    assert "The incense secret" not in Client().get(story["en"].url).content.decode()

    set_privacy(client, story["vi"], restriction_type="none")
    unpublish(client, story["vi"])
    assert Client().get(story["zh-hans"].url).status_code == 404


@pytest.mark.django_db
def test_pages_made_private_before_translations_followed_are_brought_in_line(story):
    PageViewRestriction.objects.bulk_create(  # as the database holds them today: no signals
        [PageViewRestriction(page=story["vi"], restriction_type="login")]
    )
    assert shows(story["en"], "The incense secret")

    call_command("follow_source_privacy", stdout=StringIO())
    call_command("follow_source_privacy", stdout=StringIO())

    for code in ("en", "zh-hans"):
        assert PageViewRestriction.objects.filter(page=story[code]).count() == 1, code
        assert Client().get(story[code].url).status_code == 302


@pytest.mark.django_db
def test_a_page_translated_from_english_follows_the_english_page(story):
    TranslationSource.get_or_create_from_instance(story["en"])  # as wagtail-localize records it

    PageViewRestriction.objects.create(page=story["vi"], restriction_type="login")
    assert not PageViewRestriction.objects.filter(page=story["en"]).exists()

    PageViewRestriction.objects.create(page=story["en"], restriction_type="login")
    assert PageViewRestriction.objects.filter(page=story["zh-hans"]).exists()
