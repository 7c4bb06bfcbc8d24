"""PostgreSQL: the entries' long texts compressed with lz4 instead of pglz (issue 18 §5).

Every entry's body is stored compressed out of line (TOAST). pglz, PostgreSQL's default,
costs more to compress and to read back than lz4, which PostgreSQL 14 and later offer when
built with it (Debian's packages are); indexing writes each text once and reads it back once
(the tantivy engine, decision 0009), and every search page reads the bodies of its hits for the
snippets. Measured in docs/benchmarks.md. Only values written from now on use lz4; a server
without lz4 keeps pglz. SQLite: nothing to do.
"""

from django.db import migrations, transaction
from django.db.utils import DatabaseError

COLUMNS = ("body", "body_es", "body_en", "summary_es", "summary_en", "keywords")


def _compression(schema_editor, method: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in COLUMNS)
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(f"ALTER TABLE search_searchindexentry {columns}")
    except DatabaseError:  # a server built without lz4
        pass


def forwards(apps, schema_editor):
    _compression(schema_editor, "lz4")


def backwards(apps, schema_editor):
    _compression(schema_editor, "pglz")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_vector_written_by_backend")]

    operations = [migrations.RunPython(forwards, backwards)]
