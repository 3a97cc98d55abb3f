"""The eSMS.vn backend against eSMS's documented request and answers (the HTTP call injected)."""

import json

import pytest

from notifications.backends import ESMSBackend, Message, Refused, Unavailable


@pytest.fixture(autouse=True)
def esms(settings):
    settings.ESMS_API_KEY = "key"
    settings.ESMS_SECRET_KEY = "secret"
    settings.ESMS_BRANDNAME = "LANGNGHE"
    settings.ESMS_UNICODE = False
    settings.ESMS_SANDBOX = False


def backend(status, answer, calls):
    def post(url, body, timeout):
        calls.append((url, body, timeout))
        if isinstance(answer, Exception):
            raise answer
        return status, answer if isinstance(answer, bytes) else json.dumps(answer).encode()

    return ESMSBackend(post=post)


def test_the_request_is_the_documented_customer_care_sms():
    calls = []
    sms_id = backend(200, {"CodeResult": "100", "CountRegenerate": 0, "SMSID": "d53"}, calls).send(
        Message("+84912345678", "Đơn hàng mới 100023", reference="n7")
    )
    url, body, timeout = calls[0]
    assert sms_id == "d53"
    assert url == "https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/"
    assert body == {
        "ApiKey": "key",
        "SecretKey": "secret",
        "Phone": "0912345678",
        "Content": "Don hang moi 100023",  # without diacritics unless ESMS_UNICODE
        "Brandname": "LANGNGHE",
        "SmsType": "2",
        "IsUnicode": "0",
        "Sandbox": "0",
        "RequestId": "n7",
    }
    assert timeout <= 10


def test_unicode_text_when_asked(settings):
    settings.ESMS_UNICODE = True
    calls = []
    backend(200, {"CodeResult": "100", "SMSID": "x"}, calls).send(Message("0912345678", "Đơn"))
    assert calls[0][1]["Content"] == "Đơn" and calls[0][1]["IsUnicode"] == "1"


def test_a_repeated_request_id_counts_as_sent():
    answer = {"CodeResult": "124", "ErrorMessage": "Request exist 1", "SendStatus": "5"}
    assert backend(200, answer, []).send(Message("+84912345678", "x", reference="n7")) == ""


@pytest.mark.parametrize(
    "status,answer",
    [
        (200, {"CodeResult": "103", "ErrorMessage": "Not enough balance"}),
        (200, {"CodeResult": "140"}),
        (503, b"Service Unavailable"),
        (200, b"<html>"),
        (200, {"error": "Invalid request"}),  # the documented "99" answer: no CodeResult
        (None, ConnectionRefusedError("refused")),
        (None, TimeoutError("timed out")),
    ],
)
def test_an_outage_or_a_fixable_account_is_tried_again(status, answer):
    with pytest.raises(Unavailable):
        backend(status, answer, []).send(Message("+84912345678", "x"))


@pytest.mark.parametrize("code", ["99", "101", "104", "108", "146"])
def test_a_refusal_is_not_tried_again(code):
    with pytest.raises(Refused, match=code):
        backend(200, {"CodeResult": code, "ErrorMessage": "no"}, []).send(
            Message("+84912345678", "x")
        )
