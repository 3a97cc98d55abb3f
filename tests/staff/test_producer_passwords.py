"""Producers' people, like staff, need passwords of at least 12 characters; buyers do not."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

import pytest

from tests.catalogue.factories import ProducerFactory
from tests.staff.factories import PASSWORD, UserFactory, member

pytestmark = pytest.mark.django_db
TEN_CHARACTERS = "hoi-vquan1"
PRODUCER_MESSAGE = "Producer passwords must contain at least 12 characters."


def producer_person():
    user = UserFactory()
    ProducerFactory().users.add(user)
    return user


def refusal(password, user):
    with pytest.raises(ValidationError) as error:
        validate_password(password, user=user)
    return error.value


def test_a_producers_ten_character_password_is_refused_and_told_why():
    with override("en"):
        error = refusal(TEN_CHARACTERS, producer_person())

    assert [e.code for e in error.error_list] == ["password_too_short"]
    assert PRODUCER_MESSAGE in error.messages
    validate_password(TEN_CHARACTERS + "-26", user=producer_person())


def test_a_buyer_keeps_the_ordinary_minimum():
    validate_password(TEN_CHARACTERS, user=UserFactory())


def test_staff_are_told_in_their_language_that_staff_passwords_are_longer():
    form = SetPasswordForm(
        member("DCST editors"), {"new_password1": TEN_CHARACTERS, "new_password2": TEN_CHARACTERS}
    )
    with override("vi"):
        assert not form.is_valid()
        assert "Mật khẩu của cán bộ phải có ít nhất 12 ký tự." in form.errors["new_password2"]


def test_a_producer_changing_their_password_in_the_shop_needs_twelve_characters(client):
    user = producer_person()
    client.force_login(user)

    response = client.post(
        "/en/accounts/change-password/",
        {
            "old_password": PASSWORD,
            "new_password1": TEN_CHARACTERS,
            "new_password2": TEN_CHARACTERS,
        },
    )

    assert response.status_code == 200
    assert PRODUCER_MESSAGE in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_producer_resetting_their_password_needs_twelve_characters(client):
    user = producer_person()
    client.post("/en/password-reset/", {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/\S*password-reset/confirm/\S+/)", mail.outbox[0].body)
    set_password_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]

    response = client.post(
        set_password_url, {"new_password1": TEN_CHARACTERS, "new_password2": TEN_CHARACTERS}
    )

    assert response.status_code == 200
    assert PRODUCER_MESSAGE in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_accepting_an_invitation_to_a_producer_needs_twelve_characters(client):
    client.force_login(member("Shop editors"))
    client.post(
        "/staff/invite/",
        {
            "email": "lan.hoang@example.vn",
            "name": "Hoàng Thị Lan",
            "partner": ProducerFactory().pk,
            "language": "en",
        },
    )
    client.logout()
    path = re.search(r"https?://[^/\s]+(/staff/invitation/\S+/)", mail.outbox[0].body).group(1)

    response = client.post(path, {"new_password1": TEN_CHARACTERS, "new_password2": TEN_CHARACTERS})

    assert response.status_code == 200
    assert PRODUCER_MESSAGE in response.content.decode()
    assert not get_user_model().objects.filter(email="lan.hoang@example.vn").exists()


@pytest.mark.parametrize("action", ["add", "edit"])
def test_an_account_given_a_staff_role_in_wagtails_admin_needs_twelve_characters(client, action):
    client.force_login(
        get_user_model().objects.create_superuser("quantri", "q@langnghe.example", PASSWORD)
    )
    editors = Group.objects.get(name="DCST editors")
    form = {
        "username": "bientap9",
        "email": "bientap9@langnghe.example",
        "first_name": "Lan",
        "last_name": "Hoàng",
        "password1": TEN_CHARACTERS,
        "password2": TEN_CHARACTERS,
        "groups": [editors.pk],
        "is_active": "on",
    }
    if action == "add":
        url = reverse("wagtailusers_users:add")
    else:  # a buyer promoted to editor, with a new password, in one go
        url = reverse("wagtailusers_users:edit", args=[UserFactory(username="bientap9").pk])

    response = client.post(url, form)

    assert response.status_code == 200
    # The admin speaks the site's language, Vietnamese, to an administrator with no preference.
    assert "Mật khẩu của cán bộ phải có ít nhất 12 ký tự." in response.content.decode()
    assert not get_user_model().objects.filter(groups=editors).exists()
