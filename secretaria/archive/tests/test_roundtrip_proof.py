"""The proof: the demo data plus a generated corpus go from SQLite to PostgreSQL and back, each
site in its own process with its own database and storage, and nothing is lost: the same records,
the same file hashes, and every address of the source answers on the target."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

from secretaria.archive.compare import compare_bags

ROOT = Path(__file__).resolve().parents[3]
PG = os.environ.get("ARCHIVE_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432")


def manage(env, *args, timeout=900):
    done = subprocess.run(  # noqa: S603 — our own manage.py
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def site(tmp_path, name, database_url):
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(tmp_path / f"{name}-media"),
            "TASKS_BACKEND": "immediate",
            "ARCHIVE_PASSPHRASE": "frase de prueba del traslado de diciembre",
        }
    )
    manage(env, "migrate", "--noinput", "-v", "0")
    return env


@pytest.fixture
def pg_database():
    # The proof migrates three sites in their own processes (minutes): CI runs it once, in the
    # suite's PostgreSQL pass, not again in the SQLite pass.
    if connection.vendor != "postgresql" and not os.environ.get("ARCHIVE_TEST_PG_URL"):
        pytest.skip("runs in the PostgreSQL pass of the suite (or set ARCHIVE_TEST_PG_URL)")
    psycopg = pytest.importorskip("psycopg")
    name = f"sv_archive_proof_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(f"{PG}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip("needs PostgreSQL (set ARCHIVE_TEST_PG_URL or run one on 127.0.0.1:5432)")
    admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG}/{name}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def answers(env, bag, out):
    manage(env, "shell", "-c", f"from secretaria.archive.tests.urlcheck import main; main({str(bag)!r}, {str(out)!r})")
    return json.loads(Path(out).read_text())


def test_demo_and_corpus_go_from_sqlite_to_postgresql_and_back_unchanged(tmp_path, pg_database):
    source = site(tmp_path, "source", f"sqlite:///{tmp_path / 'source.sqlite3'}")
    manage(source, "load_demo")
    manage(source, "shell", "-c", "from secretaria.archive.tests.corpus import make_corpus; make_corpus(40)")
    manage(source, "export_site", str(tmp_path / "a"), "--no-progress", "--passphrase-env", "ARCHIVE_PASSPHRASE")

    target = site(tmp_path, "target", pg_database)
    manage(target, "import_site", str(tmp_path / "a"), "--passphrase-env", "ARCHIVE_PASSPHRASE")
    again = manage(target, "import_site", str(tmp_path / "a"), "--passphrase-env", "ARCHIVE_PASSPHRASE")
    assert "created 0 records, 0 files" in again
    manage(target, "export_site", str(tmp_path / "b"), "--no-progress", "--passphrase-env", "ARCHIVE_PASSPHRASE")
    manage(target, "verify_site", str(tmp_path / "b"))

    there = compare_bags(tmp_path / "a", tmp_path / "b")
    assert there.ok, there.report()
    assert sum(there.counts_a.values()) > 600 and len(there.files_a) >= 50

    back = site(tmp_path, "back", f"sqlite:///{tmp_path / 'back.sqlite3'}")
    manage(back, "import_site", str(tmp_path / "b"), "--passphrase-env", "ARCHIVE_PASSPHRASE")
    manage(back, "export_site", str(tmp_path / "c"), "--no-progress", "--passphrase-env", "ARCHIVE_PASSPHRASE")
    home = compare_bags(tmp_path / "a", tmp_path / "c")
    assert home.ok, home.report()

    before = answers(source, tmp_path / "a", tmp_path / "source-answers.json")
    after = answers(target, tmp_path / "a", tmp_path / "target-answers.json")
    assert len(before) > 100
    # Each address answers on the target as it did on the source, for a visitor and for a member
    # official (a members-only page sends the visitor to sign in; a hidden one is a 404 on both).
    changed = {url: (was, after.get(url)) for url, was in before.items() if after.get(url) != was}
    assert not changed, changed
    answering = [url for url, now in after.items() if now["member"] == 200]
    assert len(answering) > 100
    assert all(now["visitor"] in (200, 301, 302, 404) for now in after.values())
