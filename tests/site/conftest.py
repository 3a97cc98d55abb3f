"""Fixtures the site-wide tests borrow from the shop's tests."""

from tests.checkout.conftest import vietnam  # noqa: F401  (a fixture: Viet Nam as shipping country)
