"""The full-text structure beside the entries, one per database vendor.

SQLite: the contentless FTS5 table ``search_fts`` and ``search_fts_state``, whose one
generation number tells the facet counter its copy is stale (backends/sqlite.py).
PostgreSQL: the ``unaccent`` extension, the text search configurations ``sv_es`` and
``sv_en`` (Spanish/English stemming after unaccent), a generated ``search_vector`` column
and its GIN index (backends/postgres.py). Creating an extension needs a superuser or
PostgreSQL 13+'s trusted-extension rules; ``unaccent`` is trusted.
"""

from django.db import migrations

# Written out here, not imported from the backends, so that this migration never changes.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, summary, body, title_stem, summary_stem, body_stem, meta, "
    "content='', tokenize='unicode61 remove_diacritics 2')"
)
PG_VECTOR = (
    "setweight(to_tsvector('sv_es'::regconfig, translate(title_es || ' ' || keywords, '/.@:_<>', '       ')), 'A') || "
    "setweight(to_tsvector('sv_en'::regconfig, translate(title_en || ' ' || keywords, '/.@:_<>', '       ')), 'A') || "
    "setweight(to_tsvector('sv_es'::regconfig, translate(summary_es, '/.@:_<>', '       ')), 'B') || "
    "setweight(to_tsvector('sv_en'::regconfig, translate(summary_en, '/.@:_<>', '       ')), 'B') || "
    "setweight(to_tsvector('sv_es'::regconfig, translate(body, '/.@:_<>', '       ')), 'C') || "
    "setweight(to_tsvector('sv_en'::regconfig, translate(body, '/.@:_<>', '       ')), 'C')"
)

PG_CONFIG = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
        CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base});
        ALTER TEXT SEARCH CONFIGURATION {name}
            ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart
            WITH unaccent, {base}_stem;
    END IF;
END
$$;
"""


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_FTS)
        schema_editor.execute(
            "CREATE TABLE IF NOT EXISTS search_fts_state (id INTEGER PRIMARY KEY, generation INTEGER NOT NULL)"
        )
        schema_editor.execute("INSERT OR IGNORE INTO search_fts_state (id, generation) VALUES (1, 0)")
    elif connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        schema_editor.execute(PG_CONFIG.format(name="sv_es", base="spanish"))
        schema_editor.execute(PG_CONFIG.format(name="sv_en", base="english"))
        schema_editor.execute(
            "ALTER TABLE search_searchindexentry ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({PG_VECTOR}) STORED"
        )
        # Keep the vector in the row (compressed) rather than in TOAST: the planner prices a
        # sequential scan by the heap's size, and with the vectors out of line it chose one
        # (detoasting every vector) over the GIN index for a word in 9 % of the documents.
        schema_editor.execute("ALTER TABLE search_searchindexentry ALTER COLUMN search_vector SET STORAGE MAIN")
        schema_editor.execute(
            "CREATE INDEX search_entry_vector ON search_searchindexentry USING gin (search_vector)"
        )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
        schema_editor.execute("DROP TABLE IF EXISTS search_fts_state")
    elif connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchindexentry DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
