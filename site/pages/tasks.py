"""The pages a change dropped from the page cache, made again off the request path (django-tasks),
so that the next visitor is served from the cache instead of waiting for a page rendered afresh.

Each page is requested in-process as an anonymous visitor of the public address (SITE_URL) would
request it, through the whole middleware stack: the page cache keeps it under the generations it
read before rendering, exactly as for a visitor. In development the immediate backend runs this
at once, after the commit; in production a worker does (`manage.py db_worker`).
"""

import contextvars
import io
import logging
import sys
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from django_tasks import task

logger = logging.getLogger(__name__)
# At most this many pages per change: a village's products can be thousands; the rest are made
# when their first visitor comes.
MOST_PAGES = 100


@task()
def render_again(paths):
    # As Django's test client does: these requests run inside the task (or, with the immediate
    # backend, inside the request that changed something), whose database connection and
    # per-request state must outlive them.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        for path in paths[:MOST_PAGES]:
            status = contextvars.copy_context().run(_get, path)
            if status != 200:
                logger.info("Made again after a change: %s answered %s", path, status)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _get(path):
    """GET `path` through the whole stack, as an anonymous visitor of the public address would."""
    public = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": public.hostname or "localhost",
        "SERVER_PORT": str(public.port or (443 if public.scheme == "https" else 80)),
        "HTTP_HOST": public.netloc,
        "wsgi.url_scheme": public.scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header and public.scheme == "https":
        environ[proxy_header[0]] = proxy_header[1]
    response = WSGIHandler()(environ, lambda status, headers, exc_info=None: None)
    response.close()
    return response.status_code
