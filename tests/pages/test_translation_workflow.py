"""Editors translate pages with wagtail-localize from the admin; translations left behind by their
source say so; facts the same in every language are synchronised; a page chooses among pages in
its own language."""

from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, TranslationSource

from pages.translations import translation_state
from tests.pages.factories import translate
from tests.staff.factories import member
from tests.villages.factories import (
    CraftIndexPageFactory,
    CraftPageFactory,
    CraftspersonPageFactory,
    VillageIndexPageFactory,
    VillagePageFactory,
)
from villages.models import CraftspersonPage, VillagePage


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor(db):
    return in_english(member("DCST editors"))


@pytest.fixture
def approver(db):
    return in_english(member("DCST approvers"))


def submit_translation(client, page, *locales, capture):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    with capture(execute=True):
        response = client.post(url, {"locales": [locale.id for locale in locales]})
    assert response.status_code == 302
    return {locale.language_code: page.get_translation(locale).specific for locale in locales}


def publish_change(page, **fields):
    """A new version of `page` published, as an approval would."""
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_editor_submits_a_village_for_translation(
    client, home, locales, editor, django_capture_on_commit_callbacks
):
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[village.id])).content.decode()
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[village.id])
    assert submit_url in edit, "the editor sees “Translate this page” on the edit screen"
    assert client.get(submit_url).status_code == 200

    translations = submit_translation(
        client,
        village,
        locales["en"],
        locales["zh-hans"],
        capture=django_capture_on_commit_callbacks,
    )

    for code, translation in translations.items():
        assert translation.get_parent().locale == locales[code], "parents are translated too"
    source = TranslationSource.objects.get(object_id=village.translation_key)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[village.id])).content.decode()
    assert reverse("wagtail_localize:update_translations", args=[source.id]) in edit, (
        "the editor sees “Sync translated pages” once there are translations"
    )


@pytest.mark.django_db
def test_a_translation_is_out_of_date_once_its_source_is_published_again_until_synced(
    client, home, locales, editor, approver, django_capture_on_commit_callbacks
):
    village = VillagePageFactory(title="Làng mây tre", introduction="Đan giỏ.")
    client.force_login(editor)
    english = submit_translation(
        client, village, locales["en"], capture=django_capture_on_commit_callbacks
    )["en"]
    assert not translation_state(english).out_of_date

    publish_change(village, introduction="Đan giỏ mây kiểu Tày.")

    assert translation_state(english).out_of_date
    source_state = translation_state(Page.objects.get(pk=village.pk))
    assert [page.pk for page in source_state.stale] == [english.pk]
    header = client.get(reverse("wagtailadmin_pages:edit", args=[english.id])).content.decode()
    assert "data-translation-status" in header and "Out of date" in header
    assert "data-translation-update" in header, "the editor is offered the sync from there"
    listing = client.get(reverse("wagtailadmin_explore", args=[english.get_parent().id]))
    assert "Out of date" in listing.content.decode(), "the page list says so too"
    source_listing = client.get(reverse("wagtailadmin_explore", args=[village.get_parent().id]))
    assert "Translations out of date: English" in source_listing.content.decode()

    # A sync without saving the translation leaves it out of date: its page still has the old text.
    source = TranslationSource.objects.get(object_id=village.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.id])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(sync, {}).status_code == 302
    assert translation_state(english).out_of_date

    # The approver publishes it from the translation editor.
    client.force_login(approver)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.id])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url, {"action": "publish"}).status_code == 302
    english.refresh_from_db()
    assert english.introduction == "Đan giỏ mây kiểu Tày.", "untranslated, it reads the source"
    assert not translation_state(english).out_of_date


@pytest.mark.django_db
def test_a_page_copied_by_hand_is_out_of_date_after_its_source_is_published(home, locales):
    village = VillagePageFactory(title="Làng rèn")
    english = translate(village, "en", title="Blacksmiths' village")
    assert not translation_state(english).out_of_date
    publish_change(village, introduction="Lò rèn mở cửa cho khách.")
    assert translation_state(english).out_of_date
    assert translation_state(english).sync_url is None, "no sync: it is edited on its own"


@pytest.mark.django_db
def test_publishing_the_source_offers_to_update_its_translations(
    client, home, locales, editor, approver, django_capture_on_commit_callbacks
):
    village = VillagePageFactory(title="Làng ngói âm dương")
    client.force_login(editor)
    submit_translation(
        client,
        village,
        locales["en"],
        locales["zh-hans"],
        capture=django_capture_on_commit_callbacks,
    )
    client.force_login(approver)
    edit_url = reverse("wagtailadmin_pages:edit", args=[village.id])
    form = client.get(edit_url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None and not isinstance(value, list | dict)
    }
    data.update(
        {
            "title": village.title,
            "slug": village.slug,
            "introduction": "Mái ngói âm dương của người Tày.",
            "body-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "action-publish": "action-publish",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""

    messages = list(get_messages(response.wsgi_request))
    offer = [m for m in messages if "translations are now out of date" in str(m)]
    assert offer, [str(m) for m in messages]
    source = TranslationSource.objects.get(object_id=village.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.id])
    assert sync in offer[0].extra_tags or sync in str(offer[0])


@pytest.mark.django_db
def test_facts_are_synchronised_and_only_words_translated(
    client, home, locales, editor, django_capture_on_commit_callbacks
):
    village = VillagePageFactory(
        title="Làng hồi Văn Quan",
        commune="xã Văn Quan",
        households=40,
        recognition_year=2012,
        recognition_decision="123/QĐ-UBND",
        contact_phone="0205 3870 123",
    )
    client.force_login(editor)
    english = submit_translation(
        client, village, locales["en"], capture=django_capture_on_commit_callbacks
    )["en"]
    source = TranslationSource.objects.get(object_id=village.translation_key)
    to_translate = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "xã Văn Quan" in to_translate and "Làng hồi Văn Quan" in to_translate
    assert not {"123/QĐ-UBND", "0205 3870 123", "Tràng Định"} & to_translate, (
        "numbers and the former district are not for translators"
    )

    publish_change(village, households=55, recognition_decision="456/QĐ-UBND")
    sync = reverse("wagtail_localize:update_translations", args=[source.id])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync, {"publish_translations": "on"})

    english = VillagePage.objects.get(pk=english.pk)
    assert (english.households, english.recognition_decision) == (55, "456/QĐ-UBND")
    assert english.recognition_year == 2012


@pytest.fixture
def crafts(home, locales):
    """Two crafts, each in Vietnamese, English and Chinese."""
    index = CraftIndexPageFactory()
    for code in ("en", "zh-hans"):
        translate(index, code)
    made = []
    for title in ("Làm hương", "Làm ngói"):
        craft = CraftPageFactory(title=title, parent=index)
        made.append(
            {"vi": craft, "en": translate(craft, "en"), "zh-hans": translate(craft, "zh-hans")}
        )
    return made


@pytest.mark.django_db
def test_the_crafts_checkboxes_offer_the_crafts_of_the_pages_language(
    client, crafts, locales, editor
):
    village = VillagePageFactory(crafts=[crafts[0]["vi"]])
    english = translate(village, "en")  # copied by hand: still pointing at the Vietnamese craft
    client.force_login(editor)

    for page, code in ((village, "vi"), (english, "en")):
        form = client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).context["form"]
        offered = set(form.fields["crafts"].queryset.values_list("pk", flat=True))
        assert offered == {craft[code].pk for craft in crafts}, code
        assert form.initial["crafts"] == [crafts[0][code].pk], f"{code}: the local craft is ticked"


@pytest.mark.django_db
def test_a_translation_takes_the_crafts_and_craft_of_its_own_language(
    client, crafts, locales, editor, django_capture_on_commit_callbacks
):
    village = VillagePageFactory(crafts=[crafts[0]["vi"], crafts[1]["vi"]])
    person = CraftspersonPageFactory(parent=village, craft=crafts[1]["vi"], honour="skilled_worker")
    client.force_login(editor)
    english = submit_translation(
        client, village, locales["en"], capture=django_capture_on_commit_callbacks
    )["en"]
    english = VillagePage.objects.get(pk=english.pk)
    assert set(english.crafts.values_list("pk", flat=True)) == {c["en"].pk for c in crafts}

    # A craft chosen in the wrong language (the chooser lists them all) becomes the local one.
    english_person = translate(person, "en")
    english_person = CraftspersonPage.objects.get(pk=english_person.pk)
    assert english_person.craft_id == crafts[1]["en"].pk


@pytest.mark.django_db
def test_publishing_the_source_copies_its_facts_to_its_translations_not_its_words(
    home, locales, crafts
):
    village = VillagePageFactory(households=40, crafts=[crafts[0]["vi"]])
    english = translate(village, "en", title="Incense village", introduction="Incense.")
    assert VillagePage.objects.get(pk=english.pk).crafts.get() == crafts[0]["en"]

    publish_change(
        village, households=55, crafts=[crafts[0]["vi"], crafts[1]["vi"]], introduction="Mới."
    )

    english = VillagePage.objects.get(pk=english.pk)
    assert english.households == 55 and english.live and not english.has_unpublished_changes
    assert set(english.crafts.all()) == {crafts[0]["en"], crafts[1]["en"]}
    assert english.introduction == "Incense.", "the words stay the translator's"
    assert translation_state(english).out_of_date, "copying the facts does not update the words"


@pytest.mark.django_db
def test_an_approval_from_the_review_dialog_offers_to_update_the_translations(
    client, home, locales, editor, approver, django_capture_on_commit_callbacks
):
    """The approve button's dialog and the dashboard post to Wagtail's workflow action, not to the
    page editor: the approval that publishes offers the update all the same."""
    village = VillagePageFactory(title="Làng giấy dó")
    client.force_login(editor)
    submit_translation(client, village, locales["en"], capture=django_capture_on_commit_callbacks)
    village = VillagePage.objects.get(pk=village.pk)
    village.introduction = "Giấy dó làm từ vỏ cây."
    village.save_revision(user=editor)
    workflow_state = village.get_workflow().start(village, editor)

    client.force_login(approver)
    messages = []
    while workflow_state.status == workflow_state.STATUS_IN_PROGRESS:
        task_state = workflow_state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[village.pk, "approve", task_state.pk]
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {})
        assert response.status_code in (200, 302)
        messages += [str(m) for m in get_messages(response.wsgi_request)]
        workflow_state.refresh_from_db()

    assert VillagePage.objects.get(pk=village.pk).introduction == "Giấy dó làm từ vỏ cây."
    offers = [m for m in messages if "translations are now out of date (English)" in m]
    assert len(offers) == 1, messages


@pytest.mark.django_db
def test_the_page_lists_translation_status_asks_as_often_with_many_pages_as_with_few(
    client, home, locales, editor
):
    """Wagtail and wagtail-localize ask a few questions of their own for each row; the status
    (publishing log, translation sources, syncs) is read once for the whole list."""
    index = VillageIndexPageFactory(title="Làng nghề")
    translate(index, "en")

    def add_villages(count):
        for number in range(count):
            village = VillagePageFactory(parent=index, title=f"Làng {index.get_children_count()}")
            translate(village, "en")
            publish_change(village, introduction=f"Bản mới {number}.")

    def queries():
        url = reverse("wagtailadmin_explore", args=[index.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert "Translations out of date: English" in response.content.decode()
        status_tables = ("pagelogentry", "wagtail_localize_translation", "translationsource")
        return len([q for q in captured if any(t in q["sql"] for t in status_tables)])

    client.force_login(editor)
    add_villages(2)
    few = queries()
    add_villages(4)
    assert queries() == few
