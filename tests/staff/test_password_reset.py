"""A producer or customer who lost a password resets it from the shop's sign-in page."""

import re

from django.core import mail

import pytest

from tests.staff.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_lost_password_can_be_reset_by_email(client, prefix):
    user = UserFactory(email="lan.hoang@example.vn")

    response = client.post(f"{prefix}/password-reset/", {"email": "lan.hoang@example.vn"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/\s]+(/\S*password-reset/confirm/\S+/)", mail.outbox[0].body)
    confirm = client.get(path.group(1), follow=True)
    assert confirm.status_code == 200
    set_password_url = confirm.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "mật-khẩu-mới-2026", "new_password2": "mật-khẩu-mới-2026"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("mật-khẩu-mới-2026")
    # The link is spent once used.
    again = client.get(path.group(1), follow=True)
    assert again.context["validlink"] is False
