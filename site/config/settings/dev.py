"""Local development: `make run`. Debug on, SQLite and database search unless the environment says otherwise."""

from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-key-not-for-any-server")
INTERNAL_IPS = ["127.0.0.1"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
