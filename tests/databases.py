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
def locked(what="template"):
    """One build of `what` (the template, the demo: tests/demo.py) per database engine at a time
    (SQLite's and PostgreSQL's are built apart, so a run on one never waits for the other's)."""
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATES / f".{connection.vendor}-{what}.lock", "w") as lock:
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


# Filled by migrations and post_migrate, and written by no test: kept when a transactional test's
# tables are emptied, so that nothing has to make them again.
KEPT_TABLES = frozenset({"django_content_type", "auth_permission"})


def written_tables(database):
    """The tables that hold any row, found in one statement per 200 tables."""
    quote = database.ops.quote_name
    tables = sorted(
        database.introspection.django_table_names(only_existing=True, include_views=False)
    )
    written = []
    with database.cursor() as cursor:
        for start in range(0, len(tables), 200):  # SQLite allows 500 terms in a compound SELECT
            cursor.execute(
                " UNION ALL ".join(
                    f"SELECT '{table}' WHERE EXISTS (SELECT 1 FROM {quote(table)})"
                    for table in tables[start : start + 200]
                )
            )
            written += [row[0] for row in cursor.fetchall()]
    return written


def empty_written_tables(using="default"):
    """Empty the tables that hold rows, as Django's flush would empty them all after a
    transactional test.

    Django's flush truncates every one of the 340 tables (2.2 s on PostgreSQL) and then remakes
    content types and permissions (post_migrate, 1.5 s); a test writes to a few dozen tables. Their
    rows are deleted in one transaction (foreign keys are checked at its end), content types and
    permissions are kept, and `tests.seed.reseed` puts back what migrations made (conftest.py).
    """
    from django.db import connections, transaction

    database = connections[using]
    quote = database.ops.quote_name
    with transaction.atomic(using=using), database.cursor() as cursor:
        if database.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in sorted(set(written_tables(database)) - KEPT_TABLES):
            cursor.execute(f"DELETE FROM {quote(table)}")


def _stored_columns(cursor, table):
    """The table's columns but the generated ones (the database computes those on insert)."""
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
            " AND table_schema = current_schema() AND is_generated = 'NEVER'"
            " ORDER BY ordinal_position",
            [table],
        )
        return [row[0] for row in cursor.fetchall()]
    cursor.execute(f"PRAGMA table_xinfo({connection.ops.quote_name(table)})")
    return [row[1] for row in cursor.fetchall() if row[6] in (0, 1)]  # 2, 3: generated


class Rows:
    """Every row of the tables that hold any (but the kept ones), read now, to be written back,
    ids and all, into tables just emptied: what migrations made (tests/seed.py), the demo
    (tests/demo.py)."""

    def __init__(self):
        quote = connection.ops.quote_name
        self.tables = {}
        with connection.cursor() as cursor:
            for table in sorted(set(written_tables(connection)) - KEPT_TABLES):
                columns = _stored_columns(cursor, table)
                names = ", ".join(quote(column) for column in columns)
                cursor.execute(f"SELECT {names} FROM {quote(table)}")
                self.tables[table] = (columns, cursor.fetchall())

    def write(self):
        from django.db import transaction

        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table, (columns, rows) in self.tables.items():
                names = ", ".join(quote(column) for column in columns)
                slots = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({slots})", rows)


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
