"""A shop editor invites a producer's person, who sets a password from a one-time link."""

import re
import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils.translation import gettext, override

import pytest

from staff.models import Invitation
from tests.catalogue.factories import ProducerFactory
from tests.staff.factories import UserFactory, member

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "hương-quế-2026"


def vi(message):
    """The Vietnamese of an interface string: /staff/ has no language prefix, so it is in vi."""
    with override("vi"):
        return gettext(message)


def invite(client, producer, email="lan.hoang@example.vn", language="en"):
    client.force_login(member("Shop editors"))
    return client.post(
        "/staff/invite/",
        {"email": email, "name": "Hoàng Thị Lan", "partner": producer.pk, "language": language},
    )


def link_path(message):
    return re.search(r"https?://[^/\s]+(/staff/invitation/\S+/)", message.body).group(1)


def test_the_invited_person_sets_a_password_and_manages_the_producer(client):
    producer = ProducerFactory()
    response = invite(client, producer)
    assert response.status_code == 302

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan.hoang@example.vn"]
    assert producer.name in message.subject
    assert "expires" in message.body
    path = link_path(message)

    client.logout()
    form = client.get(path)
    assert form.status_code == 200
    assert 'lang="en"' in form.content.decode()
    response = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/en/producer/"  # the producer's space, in English
    assert client.get(response["Location"]).status_code == 200
    user = User.objects.get(email="lan.hoang@example.vn")
    assert user.is_active and user.check_password(NEW_PASSWORD)
    assert producer.users.filter(pk=user.pk).exists()
    # Not Oscar's dashboard: its product form would publish text without an editor's approval.
    assert not user.has_perm("partner.dashboard_access")
    assert not user.is_staff
    assert client.get("/dashboard/").status_code != 200
    invitation = Invitation.objects.get()
    assert invitation.accepted_at is not None and invitation.user == user

    # The same link a second time: a clear page, and nothing changes.
    client.logout()
    again = client.get(path)
    assert again.status_code == 410
    assert again.context["reason"] == "used"
    # In the invitation's language, English here.
    assert "This invitation cannot be used" in again.content.decode()
    assert (
        client.post(path, {"new_password1": "x" * 20, "new_password2": "x" * 20}).status_code == 410
    )
    assert User.objects.filter(email="lan.hoang@example.vn").count() == 1


def test_a_weak_password_is_refused_and_the_link_still_works(client):
    invite(client, ProducerFactory())
    path = link_path(mail.outbox[0])
    client.logout()
    response = client.post(path, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.filter(email="lan.hoang@example.vn").exists()
    assert client.get(path).status_code == 200


def test_an_expired_link_says_so(client, monkeypatch):
    invite(client, ProducerFactory())
    path = link_path(mail.outbox[0])
    client.logout()
    eight_days_later = time.time() + 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: eight_days_later)

    response = client.get(path)

    assert response.status_code == 410
    assert response.context["reason"] == "expired"
    assert vi("This invitation cannot be used") in response.content.decode()


def test_a_forged_link_says_it_is_not_valid(client):
    invite(client, ProducerFactory())
    path = link_path(mail.outbox[0])
    client.logout()
    forged = path.replace("/staff/invitation/", "/staff/invitation/x")
    response = client.get(forged)
    assert response.status_code == 404
    assert response.context["reason"] == "invalid"


def test_the_email_and_its_page_are_in_the_chosen_language(client):
    client.force_login(member("Shop editors"))
    assert client.get("/staff/invite/").context["form"]["language"].value() == "vi"
    invite(client, ProducerFactory(), language="vi")
    vietnamese = mail.outbox[0]
    invite(client, ProducerFactory(), email="other@example.vn", language="en")
    english = mail.outbox[1]
    assert "expires" in english.body
    assert "expires" not in vietnamese.body
    client.logout()
    page = client.get(link_path(vietnamese)).content.decode()
    assert 'lang="vi"' in page


def test_an_address_that_already_has_an_account_is_refused(client):
    UserFactory(email="lan.hoang@example.vn")
    response = invite(client, ProducerFactory())
    assert response.status_code == 200
    assert response.context["form"].has_error("email")
    assert not mail.outbox


def test_only_shop_staff_can_invite(client):
    producer_person = UserFactory()
    client.force_login(producer_person)
    assert client.get("/staff/invite/").status_code == 403
    client.force_login(member("Plan viewers"))
    assert client.get("/staff/invite/").status_code == 403
    client.force_login(member("Shop managers"))
    assert client.get("/staff/invite/").status_code == 200
