"""Signing in by phone: a six-digit code sent through the notifications' SMS channel.

A code is valid for SIGNIN_CODE_MINUTES, works once, and is stored as an HMAC keyed with the
site's secret (a leaked table gives nothing to try). A phone gets at most SIGNIN_CODES_PER_WINDOW
codes per SIGNIN_WINDOW_MINUTES; a code takes SIGNIN_WRONG_TRIES wrong guesses, then it is locked.
Numbers that belong to nobody get the same answers and the same limits, and are never sent
anything. The phone of a producer's person is the producer's own (Partner.phone) or the one it
chose for alerts (AlertSettings.phone); a producer with several people has no single person behind
its number, so the number signs nobody in and they use their e-mail and password.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

import phonenumbers
from oscar.core.loading import get_model

from notifications.tasks import queue

from .models import SignInCode, SignInPhone

Partner = get_model("partner", "Partner")


def _setting(name, default):
    return getattr(settings, name, default)


def code_minutes():
    return _setting("SIGNIN_CODE_MINUTES", 10)


def window():
    return datetime.timedelta(minutes=_setting("SIGNIN_WINDOW_MINUTES", 15))


def codes_per_window():
    return _setting("SIGNIN_CODES_PER_WINDOW", 3)


def wrong_tries_allowed():
    return _setting("SIGNIN_WRONG_TRIES", 5)


def normalise(text):
    """The number typed (0912 345 678, +84 912 345 678, 84912345678…) in E.164, or None."""
    text = (text or "").strip()
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if not text.startswith("+") and digits.startswith("84") and len(digits) >= 11:
        text = "+" + digits
    try:
        number = phonenumbers.parse(text, _setting("PHONENUMBER_DEFAULT_REGION", "VN"))
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def person_with_phone(phone):
    """The one active person of the producer whose number `phone` is, or None."""
    producers = Partner.objects.filter(Q(phone=phone) | Q(alert_settings__phone=phone))
    people = list(
        get_user_model()
        .objects.filter(partners__in=producers, is_active=True)
        .distinct()
        .order_by("pk")[:2]
    )
    return people[0] if len(people) == 1 else None


def digest(phone, code):
    return salted_hmac("producers.signin", f"{phone}:{code}").hexdigest()


class Throttled(Exception):
    """Too many codes asked for this number lately."""

    def __init__(self, retry_at):
        super().__init__(retry_at)
        self.retry_at = retry_at


def send_code(phone):
    """Write a new code for `phone` (E.164) and send it if the number is someone's.

    Raises Throttled when the number had its codes for now. An earlier code stops working.
    """
    now = timezone.now()
    with transaction.atomic():
        SignInPhone.objects.bulk_create([SignInPhone(phone=phone)], ignore_conflicts=True)
        SignInPhone.objects.select_for_update().get(phone=phone)  # one request at a time
        recent = list(
            SignInCode.objects.select_for_update()
            .filter(phone=phone, created_at__gt=now - window())
            .order_by("created_at")
            .values_list("created_at", flat=True)
        )
        if len(recent) >= codes_per_window():
            raise Throttled(recent[-codes_per_window()] + window())
        SignInCode.objects.filter(phone=phone, used_at__isnull=True).update(used_at=now)
        user = person_with_phone(phone)
        code = f"{secrets.randbelow(10**6):06d}"
        SignInCode.objects.create(
            phone=phone,
            user=user,
            code_hash=digest(phone, code),
            created_at=now,
            expires_at=now + datetime.timedelta(minutes=code_minutes()),
        )
        if user is not None:
            text = _(
                "%(code)s is your sign-in code for %(site)s. It works for %(minutes)s minutes. "
                "Never give it to anyone."
            ) % {"code": code, "site": settings.WAGTAIL_SITE_NAME, "minutes": code_minutes()}
            queue("sms", phone, text, owner=user.partners.order_by("pk").first(), sensitive=True)
    return code


@dataclass
class Outcome:
    user: object = None
    expired: bool = False  # no code waiting (never asked, used, replaced or past its time)
    locked: bool = False
    tries_left: int = 0


def check_code(phone, code):
    """The outcome of typing `code` for `phone`: the person signed in, or why not."""
    now = timezone.now()
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    with transaction.atomic():
        row = (
            SignInCode.objects.select_for_update()
            .filter(phone=phone, used_at__isnull=True)
            .order_by("-created_at", "-pk")
            .first()
        )
        if row is None or row.expires_at <= now:
            return Outcome(expired=True)
        allowed = wrong_tries_allowed()
        if row.wrong_tries >= allowed:
            return Outcome(locked=True)
        user = row.user if row.user is not None and row.user.is_active else None
        if user is None or not constant_time_compare(row.code_hash, digest(phone, code)):
            row.wrong_tries += 1
            row.save(update_fields=["wrong_tries"])
            if row.wrong_tries >= allowed:
                return Outcome(locked=True)
            return Outcome(tries_left=allowed - row.wrong_tries)
        # Once: a second request with the same code finds it used.
        if not SignInCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now):
            return Outcome(expired=True)
        return Outcome(user=user)
