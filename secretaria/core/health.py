"""Liveness and readiness for load balancers and supervisors (docs/admin/scale-out.md).

- ``/healthz``: the process answers. No database, no cache: a load balancer that restarts
  processes on failure must not restart every one of them because the database is down.
- ``/readyz``: the database, the cache, the task queue and the file storages answer. JSON
  with one entry per check; 503 when one fails, so the balancer sends no traffic here.

Both are answered by ``HealthCheckMiddleware`` before any other middleware: probes come over
plain HTTP with the balancer's own Host header, which the HTTPS redirect and ALLOWED_HOSTS
would refuse. Failures are logged with their details; the response names only the kind of
error, so nothing about the servers behind (hosts, users) reaches whoever asks.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable

import django_rq
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.http import JsonResponse
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


def check_database() -> str:
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    return connections["default"].vendor


def check_cache() -> str:
    cache = caches["default"]
    key = f"readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, 10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)
    return type(cache).__name__


def check_tasks() -> str:
    """The default task backend can take work: its store answers (RQ: Redis; database: the table)."""
    backend = task_backends["default"]
    name = type(backend).__name__
    module = type(backend).__module__
    if module.startswith("django_tasks_rq"):
        for queue_name in backend.queues:
            django_rq.get_connection(queue_name).ping()
    elif module.startswith("django_tasks_db"):
        DBTaskResult.objects.only("id").first()
    return name


def _check_storage(alias: str) -> str:
    storage = storages[alias]
    if isinstance(storage, FileSystemStorage):
        location = storage.location
        os.makedirs(location, exist_ok=True)
        if not os.access(location, os.W_OK):
            raise PermissionError("the storage directory is not writable")
        return "filesystem"
    # S3 (django-storages): the bucket answers to this process's credentials.
    connection = getattr(storage, "connection", None)
    if connection is not None and getattr(storage, "bucket_name", None):
        connection.meta.client.head_bucket(Bucket=storage.bucket_name)
        return "s3"
    storage.exists("readyz-probe")
    return type(storage).__name__


def check_storage() -> str:
    return ", ".join(f"{alias}: {_check_storage(alias)}" for alias in ("default", "private"))


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "tasks": check_tasks,
    "storage": check_storage,
}


def run_checks() -> tuple[bool, dict[str, dict]]:
    results: dict[str, dict] = {}
    healthy = True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # noqa: BLE001 - every failure is an answer, never a 500
            healthy = False
            logger.warning("readiness check %s failed", name, exc_info=True)
            results[name] = {"ok": False, "error": type(exc).__name__}
        else:
            results[name] = {"ok": True, "backend": detail}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return healthy, results


def healthz_response() -> JsonResponse:
    response = JsonResponse({"status": "ok"})
    response["Cache-Control"] = "no-store"
    return response


def readyz_response() -> JsonResponse:
    healthy, results = run_checks()
    response = JsonResponse({"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
