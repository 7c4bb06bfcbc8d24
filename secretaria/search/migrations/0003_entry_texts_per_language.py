"""Each text stemmed in its own language; demoted entries (docs/decisions/0006).

The entry gains ``body_es``/``body_en`` (text known to be Spanish/English; ``body`` keeps
text of no declared language) and ``demoted``. The full-text structures are rebuilt:

SQLite: ``search_fts`` gets Spanish-stem and English-stem columns in place of the chained
stems, and is refilled from the stored entries (what ``manage.py reindex`` would write,
without asking the sources). ``manage.py reindex`` afterwards also splits the bodies by
language. PostgreSQL: the generated ``search_vector`` is recreated from the new expression
(the database computes it for every row).
"""

from django.db import migrations, models

# Written out here, not imported from the backends, so that this migration never changes.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, summary, body, title_es, summary_es, body_es, title_en, summary_en, body_en, meta, "
    "content='', tokenize='unicode61 remove_diacritics 2')"
)
_T = "'/.@:_<>', '       '"
_A = """(CASE WHEN demoted THEN 'B' ELSE 'A' END)::"char\""""
_B = """(CASE WHEN demoted THEN 'C' ELSE 'B' END)::"char\""""
_C = """(CASE WHEN demoted THEN 'D' ELSE 'C' END)::"char\""""
PG_VECTOR = " || ".join(
    [
        f"setweight(to_tsvector('sv_es'::regconfig, translate(title_es || ' ' || keywords, {_T})), {_A})",
        f"setweight(to_tsvector('sv_en'::regconfig, translate(title_en || ' ' || keywords, {_T})), {_A})",
        f"setweight(to_tsvector('sv_es'::regconfig, translate(summary_es, {_T})), {_B})",
        f"setweight(to_tsvector('sv_en'::regconfig, translate(summary_en, {_T})), {_B})",
        f"setweight(to_tsvector('sv_es'::regconfig, translate(body_es || ' ' || body, {_T})), {_C})",
        f"setweight(to_tsvector('sv_en'::regconfig, translate(body_en || ' ' || body, {_T})), {_C})",
    ]
)
PG_OLD_VECTOR = (
    "setweight(to_tsvector('sv_es'::regconfig, translate(title_es || ' ' || keywords, '/.@:_<>', '       ')), 'A') || "
    "setweight(to_tsvector('sv_en'::regconfig, translate(title_en || ' ' || keywords, '/.@:_<>', '       ')), 'A') || "
    "setweight(to_tsvector('sv_es'::regconfig, translate(summary_es, '/.@:_<>', '       ')), 'B') || "
    "setweight(to_tsvector('sv_en'::regconfig, translate(summary_en, '/.@:_<>', '       ')), 'B') || "
    "setweight(to_tsvector('sv_es'::regconfig, translate(body, '/.@:_<>', '       ')), 'C') || "
    "setweight(to_tsvector('sv_en'::regconfig, translate(body, '/.@:_<>', '       ')), 'C')"
)


INSERT_SQL = (
    "INSERT INTO search_fts (rowid, title, summary, body, title_es, summary_es, body_es, "
    "title_en, summary_en, body_en, meta) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def _pg_vector(schema_editor, expression: str) -> None:
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector")
    schema_editor.execute("ALTER TABLE search_searchindexentry DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute(
        f"ALTER TABLE search_searchindexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({expression}) STORED"
    )
    schema_editor.execute("ALTER TABLE search_searchindexentry ALTER COLUMN search_vector SET STORAGE MAIN")
    schema_editor.execute("CREATE INDEX search_entry_vector ON search_searchindexentry USING gin (search_vector)")


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        # The rows' values come from the current indexing code: a rebuild, like reindex.
        # Should a later migration change the columns again, it rebuilds them itself.
        from secretaria.search.backends.sqlite import fts_values

        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
        schema_editor.execute(SQLITE_FTS)
        entry_model = apps.get_model("search", "SearchIndexEntry")
        with connection.cursor() as cursor:
            batch = []
            for entry in entry_model.objects.order_by("id").iterator(chunk_size=500):
                values = fts_values(entry)
                if len(values) != 11:
                    break  # a later layout
                batch.append(values)
                if len(batch) >= 500:
                    cursor.executemany(INSERT_SQL, batch)
                    batch.clear()
            if batch:
                cursor.executemany(INSERT_SQL, batch)
            cursor.execute("UPDATE search_fts_state SET generation = random() WHERE id = 1")
    elif connection.vendor == "postgresql":
        _pg_vector(schema_editor, PG_VECTOR)


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        # The old layout's stems are not recomputed: run ``manage.py reindex`` after going back.
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, summary, body, title_stem, summary_stem, body_stem, meta, "
            "content='', tokenize='unicode61 remove_diacritics 2')"
        )
    elif connection.vendor == "postgresql":
        _pg_vector(schema_editor, PG_OLD_VECTOR)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [
        migrations.AddField(
            model_name="searchindexentry",
            name="body_en",
            field=models.TextField(blank=True, verbose_name="text (English)"),
        ),
        migrations.AddField(
            model_name="searchindexentry",
            name="body_es",
            field=models.TextField(blank=True, verbose_name="text (Spanish)"),
        ),
        migrations.AddField(
            model_name="searchindexentry",
            name="demoted",
            field=models.BooleanField(default=False, verbose_name="ranked lower"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
