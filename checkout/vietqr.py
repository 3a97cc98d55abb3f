"""VietQR: the EMVCo merchant-presented QR payload (NAPAS) for a bank transfer, built here.

Each field is ID (2 digits), length (2 digits), value; the payload ends with field 63, a
CRC-16/CCITT-FALSE checksum over everything before it, including "6304".
"""

import re

from django.conf import settings

from anyascii import anyascii

NAPAS_GUID = "A000000727"
TO_ACCOUNT = "QRIBFTTA"  # inter-bank 24/7 transfer to an account number
VND = "704"
MAX_MESSAGE = 25


def crc16_ccitt(data):
    """CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF) as four upper-case hex digits."""
    crc = 0xFFFF
    for byte in data.encode():
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def field(tag, value):
    value = str(value)
    if len(value) > 99:
        raise ValueError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def transfer_message(text):
    """What banks accept in a transfer message: ASCII letters, digits and spaces, 25 at most."""
    ascii_text = re.sub(r"[^A-Za-z0-9 ]", " ", anyascii(text))
    return " ".join(ascii_text.split())[:MAX_MESSAGE]


def payload(bank_bin, account, amount=None, message=""):
    """The text a VietQR code holds: a transfer to `account` at bank `bank_bin`.

    With an `amount` (whole đồng) the code is dynamic (one payment); without, static.
    """
    beneficiary = field("00", bank_bin) + field("01", account)
    merchant = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TO_ACCOUNT)
    text = field("00", "01") + field("01", "12" if amount else "11") + field("38", merchant)
    text += field("53", VND)
    if amount:
        text += field("54", int(amount))
    text += field("58", "VN")
    if message:
        text += field("62", field("08", transfer_message(message)))
    text += "6304"
    return text + crc16_ccitt(text)


# NAPAS bank identification numbers of the banks most shops use; VIETQR_BANK_NAME overrides.
BANK_NAMES = {
    "970436": "Vietcombank",
    "970415": "VietinBank",
    "970418": "BIDV",
    "970405": "Agribank",
    "970422": "MB Bank",
    "970407": "Techcombank",
    "970416": "ACB",
    "970432": "VPBank",
    "970423": "TPBank",
    "970403": "Sacombank",
}


def bank_name():
    return getattr(settings, "VIETQR_BANK_NAME", "") or BANK_NAMES.get(settings.VIETQR_BANK_BIN, "")


def is_configured():
    return bool(settings.VIETQR_BANK_BIN and settings.VIETQR_ACCOUNT_NUMBER)


def order_message(order_number):
    return f"{settings.VIETQR_MESSAGE_PREFIX} {order_number}"


def for_order(order_number, amount):
    """The shop's own account, the order's total and its number as the transfer message."""
    return payload(
        settings.VIETQR_BANK_BIN,
        settings.VIETQR_ACCOUNT_NUMBER,
        amount=amount,
        message=order_message(order_number),
    )
