"""Channels' backends: each sends one message or raises Unavailable (try again later) or Refused
(never will). NOTIFICATION_BACKENDS maps a channel ("email", "sms", "zalo") to a backend's path."""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

import phonenumbers
from anyascii import anyascii

logger = logging.getLogger("notifications")


class Unavailable(Exception):
    """The provider could not be reached or asked to wait: the message is tried again."""


class Refused(Exception):
    """The provider refused the message for good (bad number, bad account): not tried again."""


@dataclass
class Message:
    to: str  # an e-mail address, or a phone number in E.164 (+84…)
    text: str
    subject: str = ""
    reference: str = ""  # unique per message: providers that know it ignore a repeated send


class Backend(Protocol):
    def send(self, message: Message) -> str:
        """Send `message`; return the provider's id for it."""


class ConsoleBackend:
    """Writes each message to the log (and so the console): for development and tests."""

    def __init__(self, channel="sms"):
        self.channel = channel

    def send(self, message):
        logger.warning("[%s to %s] %s", self.channel, message.to, message.text)
        return f"console-{message.reference}"


class EmailBackend:
    def send(self, message):
        try:
            send_mail(message.subject or message.text[:60], message.text, None, [message.to])
        except OSError as error:  # smtplib's errors are OSErrors
            raise Unavailable(str(error)) from error
        return ""


def urllib_post(url, body, timeout):
    """POST `body` as JSON; (HTTP status, body bytes). Connection errors raise OSError."""
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class ESMSBackend:
    """eSMS.vn customer-care SMS (SmsType 2) by brand name, as documented at
    https://developers.esms.vn (esms-api/send-sms-api/send-otp-customer-care-message):
    POST JSON {ApiKey, SecretKey, Phone, Content, Brandname, SmsType "2", IsUnicode, Sandbox,
    RequestId} to SendMultipleMessage_V4_post_json; the answer's CodeResult "100" means accepted
    (SMSID is its id), "124" a RequestId already accepted (so a retry never sends twice). Content
    must match a template registered with eSMS for the brand name (else 146).

    Settings: ESMS_API_KEY, ESMS_SECRET_KEY, ESMS_BRANDNAME, ESMS_UNICODE (False: the text is sent
    without diacritics, at the cheaper rate), ESMS_SANDBOX.
    """

    URL = "https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/"
    ACCEPTED = {"100", "124"}
    # No balance, or our address not yet on eSMS's list: staff can fix it, so try again later.
    LATER = {"103", "140"}
    TIMEOUT = 10

    def __init__(self, post=None):
        self.post = post or urllib_post

    def body(self, message):
        unicode = getattr(settings, "ESMS_UNICODE", False)
        number = phonenumbers.parse(message.to, "VN")
        return {
            "ApiKey": settings.ESMS_API_KEY,
            "SecretKey": settings.ESMS_SECRET_KEY,
            "Phone": phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.NATIONAL
            ).replace(" ", ""),
            "Content": message.text if unicode else anyascii(message.text),
            "Brandname": settings.ESMS_BRANDNAME,
            "SmsType": "2",
            "IsUnicode": "1" if unicode else "0",
            "Sandbox": "1" if getattr(settings, "ESMS_SANDBOX", False) else "0",
            "RequestId": message.reference,
        }

    def send(self, message):
        try:
            status, raw = self.post(self.URL, self.body(message), self.TIMEOUT)
        except OSError as error:
            raise Unavailable(f"eSMS unreachable: {error}") from error
        if status >= 500:
            raise Unavailable(f"eSMS answered HTTP {status}")
        try:
            answer = json.loads(raw)
        except ValueError as error:
            raise Unavailable(f"eSMS answered HTTP {status} without JSON") from error
        code = str(answer.get("CodeResult", ""))
        if code in self.ACCEPTED:
            return str(answer.get("SMSID", ""))
        detail = f"eSMS {code or status}: {answer.get('ErrorMessage') or answer.get('error', '')}"
        if code in self.LATER or not code:
            raise Unavailable(detail)
        raise Refused(detail)


def backend_for(channel):
    """The backend configured for `channel`, or None when the channel is not offered."""
    path = getattr(settings, "NOTIFICATION_BACKENDS", {}).get(channel)
    if not path:
        return None
    cls = import_string(path)
    return cls(channel) if cls is ConsoleBackend else cls()


def channels():
    """The channels configured here, e.g. ["email", "sms", "zalo"]."""
    return list(getattr(settings, "NOTIFICATION_BACKENDS", {}))
