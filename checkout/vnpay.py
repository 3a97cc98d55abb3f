"""VNPay (API 2.1.0): the signed redirect to the gateway and the check of its signed answers.

Both directions are signed with HMAC-SHA512 over the parameters sorted by name and URL-encoded
(`quote_plus`), joined with `&`; `vnp_Amount` is the amount in đồng times 100.
"""

import datetime
import hashlib
import hmac
import logging
from urllib.parse import quote_plus

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

logger = logging.getLogger("checkout")

VERSION = "2.1.0"
SIGNATURE_FIELDS = ("vnp_SecureHash", "vnp_SecureHashType")
SUCCESS = "00"
# Money taken but not simply paid: vnp_ResponseCode 07 ("money taken, transaction suspected of
# fraud or unusual"); vnp_TransactionStatus 04 (taken at the bank, not completed at VNPay) and 07
# (suspected fraud). A person decides; every other code (09 to 99: not registered for internet
# banking, wrong OTP, timed out, cancelled by the buyer, insufficient funds…) took nothing.
SUSPECTED_RESPONSE_CODES = {"07"}
UNSETTLED_TRANSACTION_STATUSES = {"04", "07"}
PAID, TO_REVIEW, FAILED = "paid", "to review", "failed"
# vnp_BankCode, the method VNPay's page opens on: domestic ATM card or bank account, or an
# international card (Visa, Mastercard, JCB). Left out, VNPay shows its own choice of methods.
DOMESTIC_CARD = "VNBANK"
INTERNATIONAL_CARD = "INTCARD"


def is_configured():
    return bool(settings.VNPAY_TMN_CODE and settings.VNPAY_HASH_SECRET)


def canonical(params):
    """The text that is signed: vnp_* parameters but the signature, sorted, URL-encoded."""
    pairs = sorted(
        (key, str(value))
        for key, value in params.items()
        if key.startswith("vnp_") and key not in SIGNATURE_FIELDS and value not in ("", None)
    )
    return "&".join(f"{key}={quote_plus(value)}" for key, value in pairs)


def sign(params, secret=None):
    """The signature of `params`; never with an empty secret, which anyone could use."""
    secret = secret if secret is not None else settings.VNPAY_HASH_SECRET
    if not secret:
        raise ImproperlyConfigured("VNPAY_HASH_SECRET is empty: VNPay messages cannot be signed.")
    return hmac.new(secret.encode(), canonical(params).encode(), hashlib.sha512).hexdigest()


def is_signed(params):
    """True when the gateway's parameters are for our merchant code and carry a valid signature
    made with our secret; always False while VNPay is not configured."""
    if not is_configured():
        logger.warning("A VNPay message arrived but VNPay is not configured: refused.")
        return False
    given = params.get("vnp_SecureHash", "")
    return (
        bool(given)
        and params.get("vnp_TmnCode") == settings.VNPAY_TMN_CODE
        and hmac.compare_digest(given.lower(), sign(params))
    )


def to_gateway_amount(amount):
    return str(int(amount) * 100)


def payment_url(
    order_number, amount, client_ip, return_url, language="vi", now=None, bank_code=None
):
    """The address the buyer is sent to, to pay `amount` đồng for order `order_number`, on the
    method `bank_code` names (DOMESTIC_CARD, INTERNATIONAL_CARD) or on VNPay's choice screen."""
    now = timezone.localtime(now or timezone.now())
    params = {
        "vnp_Version": VERSION,
        "vnp_Command": "pay",
        "vnp_TmnCode": settings.VNPAY_TMN_CODE,
        "vnp_Amount": to_gateway_amount(amount),
        "vnp_CurrCode": "VND",
        "vnp_TxnRef": order_number,
        "vnp_OrderInfo": f"Thanh toan don hang {order_number}",
        "vnp_OrderType": "other",
        "vnp_Locale": "vn" if language == "vi" else "en",
        "vnp_ReturnUrl": return_url,
        "vnp_IpAddr": client_ip,
        "vnp_CreateDate": now.strftime("%Y%m%d%H%M%S"),
        "vnp_ExpireDate": (now + datetime.timedelta(minutes=15)).strftime("%Y%m%d%H%M%S"),
    }
    if bank_code:
        params["vnp_BankCode"] = bank_code
    query = canonical(params)
    return f"{settings.VNPAY_PAYMENT_URL}?{query}&vnp_SecureHash={sign(params)}"


def outcome(params):
    """What the gateway's answer means for the order: PAID, TO_REVIEW (money taken, suspected) or
    FAILED (nothing taken)."""
    code, status = params.get("vnp_ResponseCode"), params.get("vnp_TransactionStatus")
    if code in SUSPECTED_RESPONSE_CODES or status in UNSETTLED_TRANSACTION_STATUSES:
        return TO_REVIEW
    if code == SUCCESS and status == SUCCESS:
        return PAID
    return FAILED
