"""On PostgreSQL only: trigram indexes, so that `LIKE '%cham%'` on the folded text uses an index.

The folded columns already hold the text without accents (and đ as d), so no `unaccent` is needed;
`pg_trgm` serves substring matching of any word, Chinese included. SQLite keeps plain scans.
"""

from django.db import migrations

TRIGRAM_INDEXES = [
    ("search_entry_title_folded_trgm", "search_searchentry", "title_folded"),
    ("search_entry_body_folded_trgm", "search_searchentry", "body_folded"),
    ("search_word_word_trgm", "search_searchword", "word"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
