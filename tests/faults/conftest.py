# The shop's fixtures, for journeys that check out.
from tests.checkout.conftest import bank_account, vietnam, vnpay_merchant  # noqa: F401
