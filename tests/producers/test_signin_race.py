"""Three codes per phone in fifteen minutes, also when two requests arrive at the same moment
(apart from test_phone_signin.py: a transactional test cannot share its module's world)."""

import threading

from django.db import connection

import pytest

from producers import signin
from producers.models import SignInCode
from tests.producers.factories import producer_world
from tests.races import blocked_or_done

PHONE = "+84912345678"


@pytest.fixture
def lan(home):
    world = producer_world("Tổ hợp tác hương Nà Phiêng", "lan", "Hương quế Nà Phiêng")
    world["producer"].phone = PHONE
    world["producer"].save()
    return world["user"]


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_cannot_pass_the_limit_together(lan, monkeypatch):
    """The third and a fourth code are asked at the exact moment the third is being written."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what is tested: run with DATABASE_URL on PostgreSQL")
    signin.send_code(PHONE)
    signin.send_code(PHONE)
    outcome = {}
    original = signin.person_with_phone

    def interleaved(phone):
        if "second" not in outcome:
            outcome["second"] = None

            def run():
                try:
                    signin.send_code(PHONE)
                    outcome["second"] = "sent"
                except signin.Throttled:
                    outcome["second"] = "throttled"
                finally:
                    connection.close()

            thread = threading.Thread(target=run)
            thread.start()
            blocked_or_done(thread)  # blocked on the phone's lock, or (unlocked) through
            outcome["thread"] = thread
        return original(phone)

    monkeypatch.setattr(signin, "person_with_phone", interleaved)
    signin.send_code(PHONE)
    outcome["thread"].join(timeout=30)
    assert outcome["second"] == "throttled"
    assert SignInCode.objects.filter(phone=PHONE).count() == 3
