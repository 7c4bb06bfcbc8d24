"""/healthz and /readyz for load balancers, request ids through a proxy, and JSON log lines."""

import io
import json
import logging

import pytest
from django.test import override_settings

from secretaria.core import health
from secretaria.core.errorlog import JsonFormatter, RequestIdFilter


def test_healthz_answers_without_the_database_for_any_host_over_plain_http(client):
    # No django_db mark: a query here would raise.
    with override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["sv.example.org"]):
        response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert response["X-Request-ID"]


@pytest.mark.django_db
def test_readyz_reports_each_engine(client):
    response = client.get("/readyz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "tasks", "storage"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["tasks"]["backend"] == "ImmediateBackend"
    assert body["checks"]["storage"]["backend"] == "default: filesystem, private: filesystem"


@pytest.mark.django_db
def test_readyz_is_503_when_one_engine_fails_and_names_only_the_kind_of_error(client, monkeypatch, caplog):
    def broken():
        raise ConnectionError("redis://secret@10.1.2.3:6379 refused")

    monkeypatch.setitem(health.CHECKS, "cache", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["cache"] == {"ok": False, "error": "ConnectionError", "ms": body["checks"]["cache"]["ms"]}
    assert body["checks"]["database"]["ok"] is True
    assert "10.1.2.3" not in response.content.decode()
    assert "readiness check cache failed" in caplog.text


@pytest.mark.django_db
@override_settings(STORAGES={"default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                         "OPTIONS": {"location": "/proc/sv-not-writable"}},
                             "private": {"BACKEND": "secretaria.files.storage.PrivateStorage"}})  # fmt: skip
def test_readyz_fails_when_the_media_directory_cannot_be_written(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


def test_health_paths_answer_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    # A POST falls through to the site, which has no such page.
    assert client.post("/healthz").status_code in (301, 302, 404)


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_only_behind_a_trusted_proxy(client):
    nginx_id = "0f3c5a1e9b7d4c2a8e6f1b3d5c7a9e0f"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=nginx_id)["X-Request-ID"] != nginx_id
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client.get("/healthz", HTTP_X_REQUEST_ID=nginx_id)["X-Request-ID"] == nginx_id
        # Something that is not an id (a header injection attempt, a huge value) is replaced.
        assert client.get("/healthz", HTTP_X_REQUEST_ID="a b<script>")["X-Request-ID"] != "a b<script>"


def test_json_log_lines_carry_the_request_id_and_no_query_string(rf):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("secretaria.tests.jsonlog")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        request = rf.get("/es/buscar/?q=Ana+Pérez")
        request.request_id = "abc123def456"
        logger.warning("Not Found: %s", request.path, extra={"request": request, "status_code": 404})
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("task failed")
    finally:
        logger.removeHandler(handler)
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["level"] == "WARNING"
    assert first["logger"] == "secretaria.tests.jsonlog"
    assert first["request_id"] == "abc123def456"
    assert first["path"] == "/es/buscar/"
    assert first["status_code"] == 404
    assert first["time"].endswith("+00:00")
    assert "Ana" not in stream.getvalue()
    assert second["request_id"] == "-"
    assert "ValueError: boom" in second["exc_info"]
