"""A restore drill: export this site, import the package into a throwaway database and storage in
a child process (its own DATABASE_URL and MEDIA_ROOT), export that copy again and compare the two
packages record by record and file by file. The result is kept (``DrillRun``) and shown on the
administrators' dashboard."""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from secretaria.archive.compare import compare_bags
from secretaria.archive.exporting import export_site
from secretaria.archive.models import DrillRun
from secretaria.archive.verify import verify_bag

PASS_ENV = "SV_DRILL_PASSPHRASE"  # noqa: S105 — the name of a variable, not a secret


def manage(args: list[str], env: dict, timeout: int) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 — our own manage.py with fixed arguments
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def child_env(work: Path, database_url: str | None, passphrase: str) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url or f"sqlite:///{work / 'drill.sqlite3'}",
            "MEDIA_ROOT": str(work / "media"),
            "TASKS_BACKEND": "immediate",
            PASS_ENV: passphrase,
        }
    )
    return env


def run_drill(*, database_url: str | None = None, keep: bool = False, timeout: int = 3600) -> DrillRun:
    """Run one drill; ``database_url`` points the copy at an empty database of your own (PostgreSQL)."""
    drill = DrillRun.objects.create(started_at=timezone.now())
    lines = []
    work = Path(tempfile.mkdtemp(prefix="sv-drill-"))
    try:
        passphrase = secrets.token_urlsafe(24)
        exported = export_site(work / "source", passphrase=passphrase)
        drill.records, drill.files = exported.records, exported.files
        lines.append(f"exported {exported.records} records, {exported.files} files")
        check = verify_bag(work / "source")
        if not check.ok:
            raise DrillFailed("the package does not verify: " + "; ".join(check.problems[:5]))
        env = child_env(work, database_url, passphrase)
        steps = [
            ["migrate", "--noinput", "-v", "0"],
            ["import_site", str(work / "source"), "--no-reindex", "--passphrase-env", PASS_ENV],
            ["export_site", str(work / "copy"), "--no-progress", "--passphrase-env", PASS_ENV],
        ]
        for step in steps:
            done = manage(step, env, timeout)
            if done.returncode != 0:
                raise DrillFailed(f"{step[0]} failed in the copy:\n{(done.stderr or done.stdout)[-2000:]}")
            lines.append(f"{step[0]}: ok")
        comparison = compare_bags(work / "source", work / "copy")
        lines.append(comparison.report())
        drill.ok = comparison.ok
    except (DrillFailed, subprocess.TimeoutExpired, OSError) as exc:
        lines.append(f"FAILED: {exc}")
        drill.ok = False
    finally:
        if keep:
            lines.append(f"kept in {work}")
        else:
            _remove(work)
    drill.finished_at = timezone.now()
    drill.report = "\n".join(lines)
    drill.save()
    return drill


class DrillFailed(Exception):
    pass


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
