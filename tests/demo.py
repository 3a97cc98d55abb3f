"""The demo for the tests that only visit it: made by `load_demo` once per version of the code,
kept on disk beside the test templates, and written back from its rows.

`load_demo` makes about 17,700 queries (Wagtail saves, publishes and translates every page): 10 to
30 seconds a load. The first process to need the demo (or `python -m tests.demo`, which CI runs
before each suite) loads it into a fresh copy of the migrated template and keeps, under
var/test-templates/, the rows of every table that then holds any and the files it wrote. Every
`load()` then empties the written tables and writes those rows back: the same database, ids and
all, in about a second. The snapshot's name carries a digest of the migrations and of every file
of the project outside tests/ (code, templates, the demo's data and photos), so any change to what
the demo would be makes a new one. The command itself is tested by tests/pages/test_load_demo.py,
which always runs it.
"""

import functools
import hashlib
import os
import pickle
import re
import shutil
import subprocess
import sys
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from tests import databases

MEDIA = ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT")
# Besides these, folders whose name starts with a dot or "__" (caches), the package's egg-info, and
# the project's prose (*.md).
NOT_THE_DEMOS = databases.SKIPPED_FOLDERS | {"tests", "docs", "bench", "test-artifacts"}

_read = {}  # snapshot folder -> its Rows, read once per process


@functools.cache
def _digest():
    """The migrations' fingerprint and a digest of every file the demo could depend on, this one
    (how the snapshot is made) included."""
    digest = hashlib.sha256(databases.fingerprint().encode())
    with open(__file__, "rb") as file:
        digest.update(file.read())
    for folder, subfolders, files in os.walk(databases.ROOT):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in NOT_THE_DEMOS
            and not name.startswith((".", "__"))
            and "egg-info" not in name
        )
        for name in sorted(name for name in files if not name.endswith(".md")):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, databases.ROOT).encode())
            with open(path, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:12]


def _folder():
    return databases.TEMPLATES / f"demo-{connection.vendor}-{_digest()}"


def snapshot():
    """The folder of this code's demo, built first (in a process of its own, on a database of
    its own) if no process has built it."""
    folder = _folder()
    if not folder.is_dir():
        built = subprocess.run(
            [sys.executable, "-m", "tests.demo"],
            cwd=databases.ROOT,
            capture_output=True,
            text=True,
        )
        if built.returncode:
            raise RuntimeError(f"the demo could not be built:\n{built.stdout}{built.stderr}")
    return folder


def load():
    """The demo, as `load_demo` makes it, in a database holding only what migrations made."""
    folder = snapshot()
    if folder not in _read:
        _read[folder] = pickle.loads((folder / "rows.pickle").read_bytes())
    databases.empty_written_tables()
    rows = _read[folder]
    rows.write()
    # The ids were written as they were: each table's next id comes after them.
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in rows.tables
    ]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    copy_files()
    cache.clear()  # nothing read before stands for these rows


def copy_files():
    """The demo's photos and private files, into this test's media folders (a test of a module
    whose demo was loaded once gets folders of its own: conftest.py)."""
    folder = snapshot()
    for name in MEDIA:
        if (folder / name).is_dir():
            shutil.copytree(folder / name, getattr(settings, name), dirs_exist_ok=True)


def visit_as_its_first_visitors():
    """Every page of the sitemap and the shop's listing in each language, requested once, so
    that the pictures' renditions and the products' thumbnails exist, as on a site that has had
    visitors: a test reading the demo would otherwise make them again (70 ms a picture)."""
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = {
        re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    }
    paths |= {f"{prefix}/catalogue/" for prefix in ("", "/en", "/zh-hans")}
    for path in sorted(paths):
        client.get(path)


def build():
    """Load the demo into a fresh copy of the template; keep its rows and files (one build per
    engine at a time: a process that waited finds the folder made)."""
    folder = _folder()
    with databases.locked("demo"):
        if folder.is_dir():
            return folder
        partial = folder.with_name(folder.name + ".building")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        for name in MEDIA:
            setattr(settings, name, partial / name)
        prepared = databases.set_up(f"demo-{os.getpid()}", rebuild=False)
        try:
            call_command("load_demo", stdout=StringIO())
            visit_as_its_first_visitors()
            rows = databases.Rows()
        finally:
            databases.tear_down(prepared)
        (partial / "rows.pickle").write_bytes(pickle.dumps(rows, pickle.HIGHEST_PROTOCOL))
        for old in databases.TEMPLATES.glob(f"demo-{connection.vendor}-*"):
            if old != partial:
                shutil.rmtree(old, ignore_errors=True)
        partial.rename(folder)
    return folder


if __name__ == "__main__":  # python -m tests.demo (DATABASE_URL names the database)
    import django

    sys.path.insert(0, str(databases.ROOT / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    print(f"{connection.vendor} demo kept in {build().relative_to(databases.ROOT)}")
