"""One migrated template database per set of migrations; each test process works on a copy of it.

Migrating an empty database costs about 2.5 minutes of CPU (over 400 migrations of Wagtail, Oscar
and ours). pytest-django pays that once per xdist worker and once per bare run; here it is paid
once per set of migration files: the first process to need the template builds it under a file
lock, every process then copies it (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
PostgreSQL) and drops its copy at the end. The template's name carries a fingerprint of every
migration file and of the pinned versions, so a new or edited migration makes a new template;
`--create-db` rebuilds it once per run.
"""

import fcntl
import hashlib
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "var" / "test-templates"
SKIPPED_FOLDERS = {".venv", "node_modules", "var", ".git"}


def fingerprint():
    """A digest of every migration file of the project and of the pinned dependency versions."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.rglob("migrations/*.py")):
        if SKIPPED_FOLDERS.isdisjoint(path.relative_to(ROOT).parts):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    for pins in ("requirements/constraints.txt", "pyproject.toml"):
        digest.update((ROOT / pins).read_bytes())
    digest.update(connection.vendor.encode())
    return digest.hexdigest()[:12]


@contextmanager
def locked():
    """One database engine's templates at a time (SQLite's and PostgreSQL's are built apart, so a
    run on one never waits for the other's build)."""
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATES / f".{connection.vendor}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SQLiteCopies:
    """Template in var/test-templates/, copies in RAM (/dev/shm) where the system has it."""

    def __init__(self, key):
        self.template = TEMPLATES / f"sqlite-{key}.sqlite3"
        self.copies = Path("/dev/shm") if os.path.isdir("/dev/shm") else Path(tempfile.gettempdir())

    def exists(self):
        return self.template.exists()

    def forget_others(self):
        for old in TEMPLATES.glob("sqlite-*.sqlite3"):
            if old != self.template:
                old.unlink(missing_ok=True)
        for stale in self.copies.glob("langnghe-test-*.sqlite3"):
            pid = re.search(r"-(\d+)\.sqlite3$", stale.name)
            if pid and not _alive(int(pid.group(1))):
                stale.unlink(missing_ok=True)

    def build(self, build):
        partial = self.template.with_suffix(".building")
        partial.unlink(missing_ok=True)
        _point_at(str(partial))
        build()
        connection.close()
        partial.rename(self.template)

    def copy(self):
        copy = self.copies / f"langnghe-test-{os.getpid()}.sqlite3"
        shutil.copyfile(self.template, copy)
        return str(copy)

    def drop(self, name):
        connection.close()
        Path(name).unlink(missing_ok=True)


class PostgreSQLCopies:
    """Template and copies as databases beside the one DATABASE_URL names."""

    def __init__(self, key):
        self.base = connection.settings_dict["TEST"].get("NAME") or (
            "test_" + connection.settings_dict["NAME"]
        )
        self.template = f"{self.base}_tpl_{key}"

    def _databases(self):
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", [self.base + "_%"]
            )
            return [row[0] for row in cursor.fetchall()]

    def _execute(self, sql):
        with connection._nodb_cursor() as cursor:
            cursor.execute(sql)

    def exists(self):
        return self.template in self._databases()

    def forget_others(self):
        for name in self._databases():
            old_template = "_tpl_" in name and name != self.template
            pid = re.fullmatch(re.escape(self.base) + r"_(\d+)", name)
            if old_template or (pid and not _alive(int(pid.group(1)))):
                self._execute(f'DROP DATABASE IF EXISTS "{name}"')

    def build(self, build):
        connection.close()
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}"')
        self._execute(f'CREATE DATABASE "{self.template}"')
        _point_at(self.template)
        build()
        connection.close()

    def copy(self):
        copy = f"{self.base}_{os.getpid()}"
        connection.close()
        self._execute(f'DROP DATABASE IF EXISTS "{copy}"')
        self._execute(f'CREATE DATABASE "{copy}" TEMPLATE "{self.template}"')
        return copy

    def drop(self, name):
        connection.close()
        self._execute(f'DROP DATABASE IF EXISTS "{name}"')


def _point_at(name):
    settings.DATABASES["default"]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.close()


def _migrate():
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)


def set_up(run_id, rebuild):
    """Point the default connection at a fresh copy of the template (built first if needed);
    returns what `tear_down` needs. `rebuild` asks for a new template once per run `run_id`."""
    copies = (PostgreSQLCopies if connection.vendor == "postgresql" else SQLiteCopies)(
        fingerprint()
    )
    built_by = TEMPLATES / f"{connection.vendor}-{fingerprint()}.run"
    with locked():
        stale = rebuild and (not built_by.exists() or built_by.read_text() != run_id)
        if stale or not copies.exists():
            copies.forget_others()
            copies.build(_migrate)
            built_by.write_text(run_id)
        name = copies.copy()
    _point_at(name)
    return copies, name


def tear_down(prepared):
    copies, name = prepared
    copies.drop(name)


def build_afresh():
    """Build this database's template again now (what `--create-db` does at a run's start), so
    a later run without `--create-db` starts testing at once: CI builds PostgreSQL's while the
    SQLite suite runs."""
    copies = (PostgreSQLCopies if connection.vendor == "postgresql" else SQLiteCopies)(
        fingerprint()
    )
    with locked():
        copies.forget_others()
        copies.build(_migrate)
        (TEMPLATES / f"{connection.vendor}-{fingerprint()}.run").write_text(f"built-{os.getpid()}")


if __name__ == "__main__":  # python -m tests.databases (DATABASE_URL names the database)
    import sys

    import django

    sys.path.insert(0, str(ROOT / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    build_afresh()
    print(f"{connection.vendor} test template built: {fingerprint()}")
