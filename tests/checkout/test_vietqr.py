"""The VietQR payload is built locally and matches what Vietnamese banks issue."""

from decimal import Decimal

from checkout import vietqr


def test_crc_is_ccitt_false():
    assert vietqr.crc16_ccitt("123456789") == "29B1"


def test_dynamic_payload_matches_a_bank_issued_code_byte_for_byte():
    # A dynamic VietQR issued by a bank (MB, BIN 970422) for 100,000 đồng.
    issued = (
        "00020101021238570010A000000727012700069704220113VQRQACLNP26800208QRIBFTTA"
        "530370454061000005802VN62270823Thanh toan don hang ABC6304CE4C"
    )
    message = "Thanh toan don hang ABC"
    built = vietqr.payload("970422", "VQRQACLNP2680", amount=100000, message=message)
    assert built == issued


def test_static_payload_without_amount_matches_a_bank_issued_code():
    issued = "00020101021138540010A00000072701240006970422011099999991480208QRIBFTTA53037045802VN63047B49"
    assert vietqr.payload("970422", "9999999148") == issued


def test_order_payload_carries_amount_and_order_number(settings):
    settings.VIETQR_BANK_BIN = "970436"
    settings.VIETQR_ACCOUNT_NUMBER = "0011001234567"
    settings.VIETQR_MESSAGE_PREFIX = "LANGNGHE"
    text = vietqr.for_order("100042", Decimal("250000.00"))
    assert "5406250000" in text
    assert "0815LANGNGHE 100042" in text
    assert "0006970436" in text and "01130011001234567" in text
    assert text[-8:-4] == "6304"
    assert vietqr.crc16_ccitt(text[:-4]) == text[-4:]


def test_transfer_message_is_plain_ascii():
    assert vietqr.transfer_message("Đơn hàng số 12 – Lạng Sơn") == "Don hang so 12 Lang Son"
