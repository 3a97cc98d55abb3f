"""A producer signs in from the phone with a code sent by SMS: the code expires, works once, is
stored hashed, and both asking and guessing are limited; unknown numbers get the same answers."""

import datetime
import re

from django.test import override_settings
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from notifications.models import Notification
from producers import signin
from producers.models import SignInCode

pytestmark = pytest.mark.django_db

PHONE = "+84912345678"


@pytest.fixture
def lan(world_a):
    producer = world_a["producer"]
    producer.phone = PHONE
    producer.save()
    return world_a["user"]


def sent_code():
    """The code in the last SMS written (the console backend's message, before it is blanked)."""
    message = Notification.objects.filter(channel="sms").order_by("-pk").first()
    return re.search(r"\b(\d{6})\b", message.text).group(1)


# In English: the assertions read the source strings, whatever the Vietnamese catalogue says.
def ask(client, phone="0912 345 678"):
    return client.post("/en/producer/sign-in/phone/", {"phone": phone})


def type_code(client, code):
    return client.post("/en/producer/sign-in/code/", {"code": code})


def signed_in_as(client):
    return client.get("/en/producer/").wsgi_request.user


@pytest.mark.parametrize(
    "typed", ["0912 345 678", "+84 912 345 678", "84912345678", "0912.345.678"]
)
def test_a_phone_is_the_same_however_it_is_typed(typed):
    assert signin.normalise(typed) == PHONE


def test_not_a_phone_number_is_refused_in_plain_words(client):
    response = ask(client, "12345")
    assert response.status_code == 200
    assert "not a phone number" in response.content.decode(), response.content.decode()[:300]


def test_the_code_sent_by_sms_signs_the_producer_in(client, lan):
    response = ask(client)
    assert response.status_code == 302 and response["Location"] == "/en/producer/sign-in/code/"
    sms = Notification.objects.get(channel="sms")
    assert sms.to == PHONE and sms.sensitive
    code = sent_code()
    stored = SignInCode.objects.get()
    assert code not in stored.code_hash, "stored hashed, never as typed"
    response = type_code(client, code[:3] + " " + code[3:])
    assert response.status_code == 302 and response["Location"] == "/en/producer/"
    assert signed_in_as(client) == lan


def test_a_code_works_once(client, lan):
    ask(client)
    code = sent_code()
    type_code(client, code)
    client.logout()
    session = client.session
    session["producer_signin_phone"] = PHONE
    session.save()
    response = type_code(client, code)
    assert "expired or was already used" in response.content.decode()
    assert signed_in_as(client).is_anonymous


def test_a_code_expires_after_ten_minutes(client, lan):
    ask(client)
    code = sent_code()
    SignInCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = type_code(client, code)
    assert "expired or was already used" in response.content.decode()
    assert signed_in_as(client).is_anonymous


def test_a_new_code_replaces_the_last_one(client, lan):
    ask(client)
    first = sent_code()
    ask(client)
    second = sent_code()
    if first == second:  # one chance in a million
        pytest.skip("the same code twice")
    assert "not the code we sent" in type_code(client, first).content.decode()
    assert type_code(client, second).status_code == 302


def test_five_wrong_codes_lock_the_code_even_the_right_one_after(client, lan):
    ask(client)
    code = sent_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for left in (4, 3, 2, 1):
        assert f"Tries left: {left}" in type_code(client, wrong).content.decode()
    assert "Too many wrong codes" in type_code(client, wrong).content.decode()
    response = type_code(client, code)
    assert "Too many wrong codes" in response.content.decode()
    assert signed_in_as(client).is_anonymous


def test_three_codes_per_phone_in_fifteen_minutes(client, lan):
    for _ in range(3):
        assert ask(client).status_code == 302
    response = ask(client, "+84 912 345 678")  # the same number, typed otherwise
    page = response.content.decode()
    assert response.status_code == 200 and "Ask for a new one after" in page
    assert Notification.objects.filter(channel="sms").count() == 3
    SignInCode.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    assert ask(client).status_code == 302, "the window has passed"


def test_an_unknown_number_gets_the_same_answers_and_no_sms(client, lan):
    known = ask(client)
    unknown = ask(client, "0987 654 321")
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    page = client.get("/en/producer/sign-in/code/").content.decode()
    assert "If this number belongs to a producer" in page
    assert not Notification.objects.filter(to="+84987654321").exists()
    assert "Tries left: 4" in type_code(client, "123456").content.decode()
    for _ in range(3):
        ask(client, "0987 654 321")
    assert "Ask for a new one after" in ask(client, "0987 654 321").content.decode()


def test_a_producer_with_several_people_is_signed_in_by_none_of_them(client, lan, world_a):
    from tests.producers.factories import producer_user

    producer_user(world_a["producer"], "hoa")
    ask(client)
    assert not Notification.objects.filter(channel="sms").exists()


def test_the_alerts_phone_signs_in_too(client, world_a):
    from producers.models import AlertSettings

    AlertSettings.objects.create(producer=world_a["producer"], phone="+84977000111")
    ask(client, "0977 000 111")
    assert type_code(client, sent_code()).status_code == 302
    assert signed_in_as(client) == world_a["user"]


@override_settings(AXES_FAILURE_LIMIT=2)
def test_an_account_locked_by_password_guesses_stays_locked_for_phone_codes(client, lan):
    for _ in range(2):
        client.post(
            "/en/accounts/login/",
            {"login-username": lan.email, "login-password": "wrong", "login_submit": "Log In"},
        )
    assert AccessAttempt.objects.exists(), "the password form counted the guesses"
    ask(client)
    response = type_code(client, sent_code())
    assert response.status_code == 429 or response.status_code == 403
    assert signed_in_as(client).is_anonymous


def test_the_sign_in_page_links_to_the_phone_code(client):
    page = client.get("/accounts/login/?next=/producer/").content.decode()
    assert 'href="/producer/sign-in/phone/?next=/producer/"' in page
    page = client.get("/producer/sign-in/phone/?next=/producer/").content.decode()
    assert 'name="next" value="/producer/"' in page


def test_next_is_followed_only_on_this_site(client, lan):
    client.post("/en/producer/sign-in/phone/", {"phone": PHONE, "next": "https://evil.example/"})
    assert type_code(client, sent_code())["Location"] == "/en/producer/"
    client.logout()
    client.post("/en/producer/sign-in/phone/", {"phone": PHONE, "next": "/producer/sales/"})
    assert type_code(client, sent_code())["Location"] == "/producer/sales/"
