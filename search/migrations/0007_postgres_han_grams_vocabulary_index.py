"""On PostgreSQL only: indexes for what the trigram indexes cannot serve, or serve badly.

- One or two Han characters (`八角`, `香`) hold no trigram, so `LIKE '%八角%'` read every entry of
  the language. `han_grams` is a column PostgreSQL computes from `content_folded`: the Han
  characters and neighbouring pairs of its runs (what such a word can match), GIN-indexed. Django
  does not know the column; the database backend adds `han_grams @> ARRAY[word]` beside the LIKE.
- The vocabulary's trigram index (0002) also served `word IN (...)`, which the planner took for it:
  a few hundred milliseconds for the pairs looked up for short words, against a fraction of one on
  the unique index. Corrections look up single words only, so the trigram index now covers those.
- Facet counts join the facets of the language to the entries found: with `entry_id` in the
  index, the facets are read from the index alone.
"""

from django.db import migrations

HAN = r"[\u3400-\u9fff\uf900-\ufaff]+"  # search.text.CJK

FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION search_han_grams(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT substr(run[1], i, n)), '{{}}')
        FROM regexp_matches($1, '{HAN}', 'g') AS run,
             generate_series(1, char_length(run[1])) AS i,
             (VALUES (1), (2)) AS size(n)
        WHERE i + n - 1 <= char_length(run[1])
    $$
    """,
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS han_grams text[] "
    "GENERATED ALWAYS AS (search_han_grams(content_folded)) STORED",
    "CREATE INDEX IF NOT EXISTS search_entry_han_grams ON search_searchentry USING gin (han_grams)",
    "DROP INDEX IF EXISTS search_word_word_trgm",
    "CREATE INDEX IF NOT EXISTS search_word_single_trgm ON search_searchword "
    "USING gin (word gin_trgm_ops) WHERE NOT (word LIKE '%% %%')",
    "CREATE INDEX IF NOT EXISTS search_facet_cover ON search_searchfacet "
    "(language, kind, name, value) INCLUDE (entry_id)",
    "ANALYZE search_searchentry, search_searchfacet, search_searchword",
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_facet_cover",
    "DROP INDEX IF EXISTS search_word_single_trgm",
    "CREATE INDEX IF NOT EXISTS search_word_word_trgm ON search_searchword "
    "USING gin (word gin_trgm_ops)",
    "DROP INDEX IF EXISTS search_entry_han_grams",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS han_grams",
    "DROP FUNCTION IF EXISTS search_han_grams(text)",
]


# schema_editor.execute() passes parameters, so a literal % is written %%.


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_content_folded")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
