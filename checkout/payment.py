"""How a buyer can pay: cash on delivery, a VietQR bank transfer staff confirm, or VNPay.

`offered()` is the one list of what checkout takes now: the payment step, the product and
workshop pages and the e-mails name only these, so no page promises a method checkout refuses
(no card while VNPay is not configured).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import statuses, vietqr, vnpay

CASH_ON_DELIVERY = "cash-on-delivery"
BANK_TRANSFER = "bank-transfer"
VNPAY = "vnpay"
# VNPay's page opened on its international card form (Visa, Mastercard, JCB): for visitors from
# abroad, whose cards VNPay's own choice screen lists among domestic banks and wallets.
VNPAY_CARD = "vnpay-card"

NAMES = {
    CASH_ON_DELIVERY: _("Cash on delivery"),
    BANK_TRANSFER: _("Bank transfer (VietQR)"),
    VNPAY: _("VNPay (bank card, banking app or e-wallet)"),
    VNPAY_CARD: _("International card (Visa, Mastercard, JCB)"),
}
# A basket of workshop tickets alone is neither shipped nor paid on delivery.
NAMES_WITHOUT_PARCEL = {**NAMES, CASH_ON_DELIVERY: _("Pay your host on the day")}
DESCRIPTIONS = {
    CASH_ON_DELIVERY: _("Pay the courier in cash when the parcel arrives."),
    BANK_TRANSFER: _(
        "Scan the VietQR code with your banking app after ordering; we ship once the money arrives."
    ),
    VNPAY: _("You are taken to VNPay's secure page to pay, then brought back here."),
    VNPAY_CARD: _(
        "For cards issued abroad too: you pay the amount in đồng on VNPay's secure card page, "
        "and your bank converts it."
    ),
}
DESCRIPTIONS_WITHOUT_PARCEL = {
    **DESCRIPTIONS,
    CASH_ON_DELIVERY: _("Pay your host in cash when the workshop begins."),
    BANK_TRANSFER: _(
        "Scan the VietQR code with your banking app after ordering; your seats are confirmed "
        "once the money arrives."
    ),
}
# What VNPay's page opens on (vnp_BankCode): its own choice screen, or the card form.
GATEWAY_BANK_CODES = {VNPAY: None, VNPAY_CARD: vnpay.INTERNATIONAL_CARD}

# Order statuses the payment methods and staff move an order through (see statuses.py).
AWAITING_CONFIRMATION = statuses.AWAITING_CONFIRMATION
AWAITING_TRANSFER = statuses.AWAITING_TRANSFER
AWAITING_PAYMENT = statuses.AWAITING_PAYMENT
UNDER_REVIEW = statuses.UNDER_REVIEW
PAID = statuses.PAID
CANCELLED = statuses.CANCELLED


@dataclass(frozen=True)
class Method:
    code: str
    name: str
    description: str

    def __str__(self):
        return str(self.name)


def available():
    """The codes of the methods on offer: bank transfer once the shop's account is configured,
    VNPay and its international card form once the merchant keys are."""
    methods = [CASH_ON_DELIVERY]
    if vietqr.is_configured():
        methods.append(BANK_TRANSFER)
    if vnpay.is_configured():
        methods += [VNPAY, VNPAY_CARD]
    return methods


def name(code, parcel=True):
    """How a method is called, for a basket with a parcel or for workshop tickets alone."""
    return (NAMES if parcel else NAMES_WITHOUT_PARCEL).get(code, "")


def offered(parcel=True):
    """The methods checkout takes now, named and described for the basket (see available())."""
    descriptions = DESCRIPTIONS if parcel else DESCRIPTIONS_WITHOUT_PARCEL
    return [Method(code, name(code, parcel), descriptions[code]) for code in available()]


def goes_to_gateway(method):
    return method in GATEWAY_BANK_CODES


INITIAL_STATUS = {
    BANK_TRANSFER: AWAITING_TRANSFER,
    VNPAY: AWAITING_PAYMENT,
    VNPAY_CARD: AWAITING_PAYMENT,
}


def initial_status(method, user):
    """The status an order starts in. A guest's cash-on-delivery order waits until the buyer
    confirms it from the order e-mail (or staff take it on); a signed-in buyer's is confirmed."""
    if method == CASH_ON_DELIVERY and not user.is_authenticated:
        return AWAITING_CONFIRMATION
    return INITIAL_STATUS.get(method, settings.OSCAR_INITIAL_ORDER_STATUS)
