"""Real engines for the tests of the scale-out (docs/admin/scale-out.md): Redis and RQ, S3.

- ``redis_url``: a Redis server of this test session's own — ``redis-server`` started on a free
  port of 127.0.0.1 when the binary is installed (so parallel runs never see each other's
  queues), else the machine's 127.0.0.1:6379 (database 15); the tests that need it skip cleanly
  when neither is there.
- ``task_worker``: runs each task test twice, once with the database backend and its
  ``db_worker``, once with ``TASKS_BACKEND=rq`` and a real RQ worker on ``redis_url``
  (RQ's SimpleWorker: in this process, so it sees the test database). ``pytest -m rq`` runs
  only the RQ half.
- ``s3_server``: moto's S3 in server mode on a free port of 127.0.0.1 (no network), with the
  settings of settings.py's STORAGE_URL pointing at it; skipped when moto is not installed.

The shared conftest imports these fixtures, so every app's tests can use them.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass

import pytest
from django.core.management import call_command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _wait_for(host: str, port: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _reachable(host, port):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="session")
def redis_url():
    binary = shutil.which("redis-server")
    if binary:
        port = free_port()
        workdir = tempfile.mkdtemp(prefix="sv-test-redis-")
        process = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", workdir],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if not _wait_for("127.0.0.1", port):
                pytest.skip("redis-server did not start")
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=10)
            shutil.rmtree(workdir, ignore_errors=True)
        return
    if not _reachable("127.0.0.1", 6379):
        pytest.skip("needs Redis: no redis-server installed and nothing on 127.0.0.1:6379")
    yield "redis://127.0.0.1:6379/15"


def _in_process_worker_class():
    from rq import SimpleWorker

    class InProcessWorker(SimpleWorker):
        """RQ's worker without forking (it sees the test database) and without the pub/sub
        channel for remote commands, whose thread takes up to a minute to stop."""

        def subscribe(self):
            self.pubsub_thread = None

        def unsubscribe(self):
            pass

    return InProcessWorker


@dataclass
class Worker:
    """Drains the task queue the way the deployment's worker does."""

    backend: str

    def run(self) -> None:
        if self.backend == "database":
            call_command(
                "db_worker", batch=True, no_startup_delay=True, queue_name="default,email", stdout=io.StringIO()
            )
            return
        import django_rq

        worker = django_rq.get_worker("default", "email", worker_class=_in_process_worker_class())
        worker.work(burst=True, with_scheduler=False, logging_level="WARNING")

    def release_deferred(self) -> None:
        """Make every task waiting for a later time due now (a retry's delay has passed)."""
        if self.backend == "database":
            from django.utils import timezone
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
            return
        import django_rq
        from rq.registry import ScheduledJobRegistry

        for name in ("default", "email"):
            queue = django_rq.get_queue(name)
            registry = ScheduledJobRegistry(queue=queue)
            for job_id in registry.get_job_ids():
                registry.remove(job_id)
                queue.enqueue_job(queue.fetch_job(job_id))

    def failed(self) -> list[str]:
        """Paths of the tasks that failed for good."""
        if self.backend == "database":
            from django_tasks_db.models import DBTaskResult

            return [result.task_path for result in DBTaskResult.objects.filter(status="FAILED")]
        import django_rq
        from rq.registry import FailedJobRegistry

        paths = []
        for name in ("default", "email"):
            queue = django_rq.get_queue(name)
            paths += [queue.fetch_job(job_id).func_name for job_id in FailedJobRegistry(queue=queue).get_job_ids()]
        return paths


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "email"]}}


@pytest.fixture(params=["database", pytest.param("rq", marks=pytest.mark.rq)])
def task_worker(request, settings):
    """Tasks go to a real queue (the database, or Redis through RQ) and wait for ``run()``.

    Settings are changed through pytest-django's ``settings`` fixture only: mixing it with
    ``override_settings`` in one test restores them in the wrong order."""
    if request.param == "database":
        settings.TASKS = DB_TASKS
        yield Worker("database")
        return
    url = request.getfixturevalue("redis_url")
    import django_rq

    settings.TASKS = RQ_TASKS
    settings.RQ_QUEUES = {name: {"URL": url, "DEFAULT_TIMEOUT": 60} for name in ("default", "email")}
    settings.TASKS_RETRY_DELAYS = [0]
    connection = django_rq.get_connection("default")
    connection.flushdb()
    try:
        yield Worker("rq")
    finally:
        connection.flushdb()
        connection.close()


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 on 127.0.0.1: yields the endpoint URL."""
    pytest.importorskip("moto.server", reason="needs moto[server] (requirements/test.txt)")
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def unique_bucket() -> str:
    return f"sv-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def s3_bucket(s3_server, settings):
    """A fresh bucket on moto, made the site's storage for the test: yields (boto3 client, bucket name)."""
    import boto3

    from secretaria.env import s3_storages

    name = unique_bucket()
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    url = f"s3://{name}/sv?endpoint_url={s3_server}&region=us-east-1&addressing_style=path"
    settings.STORAGES = {**settings.STORAGES, **s3_storages(url)}
    return client, name
