"""Local development: `make run`. Debug on, SQLite and database search unless the environment says otherwise."""

from ..local_key import local_secret_key
from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="") or local_secret_key(VAR_DIR / "dev-secret-key")
INTERNAL_IPS = ["127.0.0.1"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The demo offers bank transfer with a made-up account, so the VietQR flow can be tried locally.
VIETQR_BANK_BIN = env("VIETQR_BANK_BIN", default="970436")
VIETQR_ACCOUNT_NUMBER = env("VIETQR_ACCOUNT_NUMBER", default="0011000000000")
VIETQR_ACCOUNT_NAME = env("VIETQR_ACCOUNT_NAME", default="LANG NGHE LANG SON MAU")
# Templates and content show their changes at once while developing.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=0)
