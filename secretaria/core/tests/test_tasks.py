"""Background work leaves through a real worker: the database's db_worker, and RQ on Redis.

Every test taking ``task_worker`` runs twice (core/tests/engines.py): with the database backend
and with TASKS_BACKEND=rq and a real RQ worker (``-m rq``; skipped without Redis).
"""

import os
import subprocess
import sys

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks import TaskResultStatus, task

from secretaria.core.tasks import queue_email

ATTEMPTS: dict[str, int] = {}


@task()
def flaky(*, key: str, failures: int) -> str:
    """Fails its first ``failures`` runs, then succeeds (a mail server that comes back)."""
    ATTEMPTS[key] = ATTEMPTS.get(key, 0) + 1
    if ATTEMPTS[key] <= failures:
        raise ConnectionError(f"attempt {ATTEMPTS[key]} failed")
    return f"done after {ATTEMPTS[key]}"


@pytest.mark.django_db(transaction=True)
def test_a_queued_email_waits_for_the_worker_and_is_sent_once(task_worker):
    result = queue_email(subject="Carta de seguimiento", body="Estimados…", to=["enlace@example.org"])

    assert mail.outbox == []
    assert result.status == TaskResultStatus.READY

    task_worker.run()

    assert [m.subject for m in mail.outbox] == ["Carta de seguimiento"]
    assert mail.outbox[0].to == ["enlace@example.org"]
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL

    task_worker.run()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_email_with_an_html_part_keeps_both_parts():
    queue_email(subject="Boletín", body="texto", html="<p>texto</p>", to=["a@example.org"])

    (message,) = mail.outbox
    assert message.body == "texto"
    assert message.alternatives[0][0] == "<p>texto</p>"


@pytest.mark.rq
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("task_worker", [pytest.param("rq", marks=pytest.mark.rq)], indirect=True)
def test_rq_retries_a_failing_task_then_it_succeeds(task_worker, settings):
    settings.TASKS_MAX_RETRIES = 3
    result = flaky.enqueue(key="comes-back", failures=2)

    task_worker.run()

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "done after 3"
    assert task_worker.failed() == []


@pytest.mark.rq
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("task_worker", [pytest.param("rq", marks=pytest.mark.rq)], indirect=True)
def test_a_task_failing_every_retry_is_listed_for_the_administrators(task_worker, settings, client_for, admin_user):
    settings.TASKS_MAX_RETRIES = 2
    result = flaky.enqueue(key="never", failures=99)

    task_worker.run()

    assert ATTEMPTS["never"] == 3  # the first run and two retries
    result.refresh()
    assert result.status == TaskResultStatus.FAILED
    assert task_worker.failed() == ["secretaria.core.tests.test_tasks.flaky"]

    admin = client_for(admin_user)
    dashboard = admin.get(reverse("admin:django_rq_home"))
    assert dashboard.status_code == 200
    assert "default" in dashboard.content.decode() and "email" in dashboard.content.decode()
    # Queues are listed by name: default is 0, email is 1.
    failed = admin.get(reverse("admin:django_rq_failed_jobs", args=[0]))
    assert failed.status_code == 200
    assert result.id in failed.content.decode()
    assert "secretaria.core.tests.test_tasks.flaky" in failed.content.decode()


@pytest.mark.rq
@pytest.mark.django_db
@pytest.mark.parametrize("task_worker", [pytest.param("rq", marks=pytest.mark.rq)], indirect=True)
def test_the_failed_job_list_is_for_administrators_only(task_worker, client_for, gt_official, st_officer):
    url = reverse("admin:django_rq_failed_jobs", args=[0])
    assert client_for(gt_official).get(url).status_code in (302, 403)
    assert client_for(st_officer).get(url).status_code in (302, 403)


def test_tasks_backend_rq_is_configured_from_the_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "secretaria.settings",
        "SECRET_KEY": "k3y-Of-the-test-" * 5,
        "ALLOWED_HOSTS": "sv.example.org",
        "TASKS_BACKEND": "rq",
        "REDIS_URL": "redis://127.0.0.1:6390/3",
        "TASKS_MAX_RETRIES": "5",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'], s.RQ_QUEUES['email']['URL'], 'django_rq' in s.INSTALLED_APPS, "
        "s.TASKS_MAX_RETRIES)"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["django_tasks_rq.RQBackend", "redis://127.0.0.1:6390/3", "True", "5"], done.stderr

    env.pop("REDIS_URL")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "TASKS_BACKEND=rq needs REDIS_URL" in done.stderr


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("task_worker", ["database"], indirect=True)
def test_run_worker_runs_the_configured_backends_worker(task_worker):
    from django.core.management import call_command

    queue_email(subject="Por el trabajador", body="…", to=["a@example.org"])
    call_command("run_worker", burst=True)
    assert [m.subject for m in mail.outbox] == ["Por el trabajador"]


def test_run_worker_refuses_a_backend_without_a_worker():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="without a worker"):
        call_command("run_worker", burst=True)
