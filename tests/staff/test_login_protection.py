"""Repeated failed sign-ins are throttled; staff accounts need long passwords."""

from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, override

import pytest
from axes.models import AccessAttempt

from tests.staff.factories import PASSWORD, UserFactory, member

pytestmark = pytest.mark.django_db

LOGINS = {
    "wagtail admin": ("/admin/login/", "username", "password", {}),
    "shop": ("/accounts/login/", "login-username", "login-password", {"login_submit": "1"}),
    "shop in English": (
        "/en/accounts/login/",
        "login-username",
        "login-password",
        {"login_submit": "1"},
    ),
    "dashboard": ("/dashboard/login/", "username", "password", {}),
}


def attempt(client, login, identifier, password):
    url, user_field, password_field, extra = LOGINS[login]
    return client.post(url, {user_field: identifier, password_field: password, **extra})


@pytest.mark.parametrize("login", list(LOGINS))
def test_five_wrong_passwords_lock_the_account_out_for_a_while(client, login):
    user = UserFactory(username="nghenhan2", email="nghenhan2@langnghe.example", is_staff=True)
    identifier = user.username if login == "wagtail admin" else user.email
    for _ in range(4):
        assert attempt(client, login, identifier, "wrong-password").status_code == 200

    locked = attempt(client, login, identifier, "wrong-password")

    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert locked.context["minutes"] == 15
    language = "en" if login.endswith("English") else "vi"
    with override(language):
        heading = gettext("Too many failed sign-in attempts")
    page = locked.content.decode()
    assert f'lang="{language}"' in page
    assert heading in page
    assert locked.context["retry_at"].strftime("%H:%M") in page
    # Even the right password is refused until the pause is over.
    assert attempt(client, login, identifier, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_out_name_does_not_lock_out_others(client):
    UserFactory(username="khach1")
    other = UserFactory(username="khach2")
    for _ in range(5):
        attempt(client, "wagtail admin", "khach1", "wrong-password")
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = attempt(client, "wagtail admin", "khach2", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_a_right_password_before_the_limit_signs_in(client):
    user = UserFactory(email="lan@example.vn")
    for _ in range(3):
        attempt(client, "shop", "lan@example.vn", "wrong-password")
    response = attempt(client, "shop", "lan@example.vn", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_test_clients_login_still_works(client):
    UserFactory(username="khach3")
    assert client.login(username="khach3", password=PASSWORD)


@pytest.mark.parametrize("role", ["Shop editors", "Plan viewers", "DCST editors"])
def test_staff_passwords_need_twelve_characters(role):
    staff = member(role)
    with pytest.raises(ValidationError) as error:
        validate_password("hoi-vanquan", user=staff)
    assert [e.code for e in error.value.error_list] == ["password_too_short"]
    validate_password("hoi-vanquan-2026", user=staff)


def test_customers_keep_the_ordinary_minimum():
    customer = UserFactory()
    validate_password("hoi-vanquan", user=customer)
    with pytest.raises(ValidationError):
        validate_password("hoi-vq", user=customer)


def test_a_staff_member_setting_a_short_password_is_told_why():
    form = SetPasswordForm(
        UserFactory(is_staff=True),
        {"new_password1": "hoi-vanquan", "new_password2": "hoi-vanquan"},
    )
    with override("en"):
        assert not form.is_valid()
        assert (
            "Staff passwords must contain at least 12 characters." in form.errors["new_password2"]
        )


def test_behind_the_load_balancer_each_failure_is_recorded_with_the_visitors_address(
    client, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="khach4")
    client.post(
        "/admin/login/",
        {"username": "khach4", "password": "wrong-password"},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    # A forged address further left is the visitor's own claim, not trusted.
    client.post(
        "/admin/login/",
        {"username": "khach4", "password": "wrong-password"},
        HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.2",
    )

    recorded = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert recorded == {"203.0.113.7", "198.51.100.2"}


def test_another_spelling_of_a_locked_out_address_is_locked_out_too(client):
    UserFactory(username="nghenhan2", email="nghenhan2@langnghe.example")
    for _ in range(5):
        attempt(client, "shop", "nghenhan2@langnghe.example", "wrong-password")

    shouting = attempt(client, "shop", "NGHENHAN2@langnghe.example", PASSWORD)

    assert shouting.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_staff_account_locked_in_the_admin_cannot_sign_in_through_the_shop(client):
    UserFactory(username="nghenhan2", email="nghenhan2@langnghe.example", is_staff=True)
    for _ in range(5):
        attempt(client, "wagtail admin", "nghenhan2", "wrong-password")

    through_the_shop = attempt(client, "shop", "nghenhan2@langnghe.example", PASSWORD)

    assert through_the_shop.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302, "and so never reaches the admin"


def test_a_guesser_changing_address_still_meets_the_accounts_lockout(client):
    UserFactory(username="lan", email="lan@example.vn")
    for number in range(5):
        client.post(
            "/accounts/login/",
            {"login-username": "lan@example.vn", "login-password": "sai", "login_submit": "1"},
            REMOTE_ADDR=f"203.0.113.{number}",
        )

    response = client.post(
        "/accounts/login/",
        {"login-username": "lan@example.vn", "login-password": PASSWORD, "login_submit": "1"},
        REMOTE_ADDR="198.51.100.7",
    )

    assert response.status_code == 429
