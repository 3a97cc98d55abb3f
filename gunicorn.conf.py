"""gunicorn reads this from the project folder: plain `gunicorn` serves the site."""

import multiprocessing
import sys
from pathlib import Path

from environ import Env

env = Env()

# `site/` holds the `config` package; it cannot be a package itself (see README). Put on the path
# here rather than with gunicorn's `pythonpath`, which `gunicorn --check-config` ignores.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
wsgi_app = "config.wsgi:application"
bind = env("BIND", default="0.0.0.0:8000")
workers = env.int("WEB_CONCURRENCY", default=multiprocessing.cpu_count() * 2)
accesslog = "-"
forwarded_allow_ips = env("FORWARDED_ALLOW_IPS", default="127.0.0.1")
