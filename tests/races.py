"""Races made to happen every time: a second request is started while the first holds its locks."""

import time

from django.db import connection


def blocked_or_done(thread, timeout=5):
    """Wait until `thread` waits for a lock this transaction holds, or has finished (the code
    under test took no lock): a moment, where a fixed wait cost seconds. Waits at most `timeout`.

    Asked from inside the transaction that holds the lock: is a backend of this database blocked
    by this one? (pg_stat_activity's snapshot is dropped at each look, or a transaction would see
    the backends as they were at its first.)"""
    deadline = time.monotonic() + timeout
    while thread.is_alive() and time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
                " AND pg_backend_pid() = ANY (pg_blocking_pids(pid)))"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.01)
