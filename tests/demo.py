"""The demo for the tests that only visit it: made by `load_demo` once per test process, then
written back from its rows.

`load_demo` makes about 17,700 queries (Wagtail saves, publishes and translates every page): 15 to
30 seconds a load. The first `load()` in a process runs the command and keeps the rows of every
table that then holds any, and the files it wrote; each later one empties those tables and writes
the rows back, which gives the same database, ids and all, in about a second. The command itself is
tested by tests/pages/test_load_demo.py, which always runs it.
"""

import atexit
import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from tests.databases import Rows, empty_written_tables

_made = {}  # "rows": Rows, "files": folder with the media it wrote


def load():
    """The demo, as `load_demo` makes it, in a database holding only what migrations made."""
    if not _made:
        call_command("load_demo", stdout=StringIO())
        _made["rows"] = Rows()
        _made["files"] = Path(tempfile.mkdtemp(prefix="langnghe-demo-"))
        atexit.register(shutil.rmtree, _made["files"], ignore_errors=True)
        for name in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
            if Path(getattr(settings, name)).is_dir():
                shutil.copytree(getattr(settings, name), _made["files"] / name)
        return
    empty_written_tables()
    _made["rows"].write()
    for name in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        if (_made["files"] / name).is_dir():
            shutil.copytree(_made["files"] / name, getattr(settings, name), dirs_exist_ok=True)
    cache.clear()  # nothing read before stands for these rows
