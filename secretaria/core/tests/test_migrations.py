"""Migrations keep upgrading a database built at the first landed state, with its rows."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SCRIPT = Path(__file__).parent / "scripts" / "migrate_from_first_state.py"


def test_a_database_built_at_the_first_migration_state_migrates_forward_with_its_rows(tmp_path):
    database = tmp_path / "first-state.sqlite3"
    env = {
        **{name: value for name, value in os.environ.items() if name != "SECRET_KEY"},
        "DJANGO_SETTINGS_MODULE": "secretaria.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "DEV_MODE": "1",
        "PYTHONPATH": str(settings.BASE_DIR),
        "VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with sqlite3.connect(database) as db:
        assert db.execute("select count(*) from django_migrations").fetchone()[0] > 20
        assert db.execute("select title_es, city from meetings_meeting").fetchall() == [
            ("Seminario Migración y Salud", "Ciudad de Guatemala")
        ]
        assert db.execute("select symbol from documents_document").fetchall() == [("CRM/ST/2004/12",)]
        assert db.execute("select username from accounts_user").fetchall() == [("old-st",)]
    # …and the database is at today's state: nothing left to apply.
    check = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check", "--plan"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
