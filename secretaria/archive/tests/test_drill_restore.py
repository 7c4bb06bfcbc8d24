"""restore_drill restores a copy in a throwaway database, compares it, and the admins see the result."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from secretaria.archive.compare import Comparison
from secretaria.archive.models import DrillRun
from secretaria.archive.tasks import schedule_next_drill


def dashboard(client):
    with translation.override("en"):
        url = reverse("members:dashboard")
    return client.get(url).content.decode()


def test_a_drill_restores_the_site_elsewhere_and_finds_it_unchanged(small_site, capsys):
    call_command("restore_drill")
    drill = DrillRun.objects.get()
    assert drill.ok and drill.finished_at
    assert drill.files == 1 and drill.records > 20
    assert "OK: same records and same file hashes" in drill.report
    assert "Restore drill succeeded." in capsys.readouterr().out


def test_a_broken_copy_is_a_failed_drill(small_site, monkeypatch):
    monkeypatch.setattr("secretaria.archive.drill.compare_bags", _always_different)
    with pytest.raises(Exception, match="FAILED"):
        call_command("restore_drill")
    assert DrillRun.objects.get().ok is False


def _always_different(a, b):
    return Comparison(counts_a={"x": 1}, counts_b={"x": 0})


def test_administrators_see_the_last_drill_on_their_dashboard(client_for, admin_user, gt_official):
    now = timezone.now()
    DrillRun.objects.create(started_at=now - datetime.timedelta(days=8), finished_at=now, ok=False)
    DrillRun.objects.create(started_at=now, finished_at=now, ok=True, records=657, files=16)
    html = dashboard(client_for(admin_user))
    assert "Restore drill" in html
    assert "Succeeded" in html and "657 records and 16 files" in html
    assert "Restore drill" not in dashboard(client_for(gt_official))


def test_before_any_drill_the_panel_says_how_to_run_one(client_for, admin_user):
    assert "No restore drill has run yet" in dashboard(client_for(admin_user))


def test_the_weekly_drill_is_not_scheduled_by_a_backend_that_cannot_defer(db):
    assert schedule_next_drill() is None  # the tests' immediate backend


def test_the_weekly_drill_is_queued_once_a_week_ahead(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}
    queued = schedule_next_drill()
    assert queued is not None
    assert schedule_next_drill() is None  # one chain only
    row = DBTaskResult.objects.get(task_path__endswith="weekly_restore_drill")
    assert row.run_after - timezone.now() > datetime.timedelta(days=6, hours=23)
