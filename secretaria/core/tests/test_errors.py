"""Error pages: in the site's layout and language for people, JSON for the API."""

import contextlib
import io
import logging
import os
import smtplib
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.mail.backends.base import BaseEmailBackend
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import path
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from secretaria.core import views
from secretaria.urls import urlpatterns as site_urlpatterns


def _forbidden(request):
    raise PermissionDenied


def _suspicious(request):
    raise SuspiciousOperation("bad")


def _broken(request):
    raise RuntimeError("boom")


# A URLconf for these tests: the site's, plus views that fail.
urlpatterns = [
    path("es/prueba/prohibido/", _forbidden),
    path("es/prueba/sospechoso/", _suspicious),
    path("es/prueba/roto/", _broken),
    path("api/v1/test-broken/", _broken),
    *site_urlpatterns,
]
handler400 = "secretaria.core.views.bad_request"
handler403 = "secretaria.core.views.permission_denied"
handler404 = "secretaria.core.views.page_not_found"
handler500 = "secretaria.core.views.server_error"


@pytest.mark.django_db
def test_a_missing_page_under_es_is_a_styled_spanish_page(client):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="es"' in html
    assert "/static/css/site.css" in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<h1 id="error-title">Página no encontrada</h1>' in html
    assert "Ir a la página de inicio" in html


@pytest.mark.django_db
def test_a_missing_page_under_en_is_in_english(client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_a_missing_api_endpoint_answers_json(client):
    for url in ("/api/v1/no-such-endpoint", "/api/nothing-here/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()


@pytest.mark.django_db
@pytest.mark.urls("secretaria.core.tests.test_errors")
def test_forbidden_and_bad_requests_are_styled_pages(client):
    forbidden = client.get("/es/prueba/prohibido/")
    assert forbidden.status_code == 403
    assert "Acceso denegado" in forbidden.content.decode()
    bad = client.get("/es/prueba/sospechoso/")
    assert bad.status_code == 400
    assert "Solicitud incorrecta" in bad.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("secretaria.core.tests.test_errors")
def test_a_crash_shows_the_server_error_page():
    from django.test import Client

    client = Client(raise_request_exception=False)
    response = client.get("/es/prueba/roto/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Error del servidor" in html and "/static/css/site.css" in html
    api = client.get("/api/v1/test-broken/", HTTP_ACCEPT_LANGUAGE="en")
    assert api.status_code == 500
    assert api.json() == {
        "detail": "Something went wrong on our side. The Secretariat has been notified.",
        "reference": api["X-Request-ID"],
    }


def test_the_server_error_page_renders_with_the_database_down():
    """No database access here (no django_db mark): the page must not need the user or session."""

    def database_down():
        raise OperationalError("could not connect to server")

    request = RequestFactory().get("/es/directorio/")
    request.user = SimpleLazyObject(database_down)
    with translation.override("es"):
        response = views.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Error del servidor" in html
    assert 'href="/es/"' in html


# --- Error reports -------------------------------------------------------------------------


class MailServerDown(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@contextlib.contextmanager
def console_log():
    """What the console handler of "django.request" writes, as text."""
    handler = next(h for h in logging.getLogger("django.request").handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    # Not setStream(): it flushes the old stream, which may be a capture pytest already closed.
    previous, handler.stream = handler.stream, buffer
    try:
        yield buffer
    finally:
        handler.stream = previous


@pytest.mark.django_db
@pytest.mark.urls("secretaria.core.tests.test_errors")
def test_a_crash_is_mailed_to_the_administrators_with_the_reference_shown_on_the_page(settings, mailoutbox):
    from django.test import Client

    settings.ADMINS = [("Operaciones", "ops@example.org")]
    with console_log() as log:
        response = Client(raise_request_exception=False).post(
            "/es/prueba/roto/", {"passport_number": "P-9876543", "family_name": "Pérez"}
        )
    assert response.status_code == 500
    reference = response["X-Request-ID"]
    assert len(reference) == 12
    html = response.content.decode()
    assert "La Secretaría ha sido notificada" in html
    assert f"<code>{reference}</code>" in html
    assert f"[ref {reference}]" in log.getvalue() and "Internal Server Error: /es/prueba/roto/" in log.getvalue()
    assert len(mailoutbox) == 1
    report = mailoutbox[0]
    assert report.to == ["ops@example.org"]
    assert report.subject.startswith("[Secretaría Virtual] ERROR")
    assert f"Reference: {reference}" in report.body and "RuntimeError at /es/prueba/roto/\nboom" in report.body
    # Personal data typed in the form does not travel in the report.
    assert "P-9876543" not in report.body and "Pérez" not in report.body
    assert "passport_number = '********************'" in report.body


@pytest.mark.django_db
@pytest.mark.urls("secretaria.core.tests.test_errors")
def test_the_report_names_no_account_and_no_searched_words(settings, mailoutbox, gt_official):
    from django.test import Client

    settings.ADMINS = [("Operaciones", "ops@example.org")]
    client = Client(raise_request_exception=False)
    client.force_login(gt_official)
    with console_log():
        response = client.get("/es/prueba/roto/", {"q": "Juana Pérez"}, HTTP_REFERER="https://x.example/?q=Juana")
    assert response.status_code == 500
    body = mailoutbox[0].body
    assert "Juana" not in body and gt_official.username not in body and gt_official.email not in body


@pytest.mark.django_db
@pytest.mark.urls("secretaria.core.tests.test_errors")
def test_without_administrators_the_page_does_not_claim_anyone_was_notified(settings, mailoutbox):
    from django.test import Client

    settings.ADMINS = []
    response = Client(raise_request_exception=False).get("/es/prueba/roto/")
    html = response.content.decode()
    assert "ha sido notificada" not in html and "escriba a la Secretaría" in html
    assert response["X-Request-ID"] in html
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("secretaria.core.tests.test_errors")
def test_an_error_report_waits_out_a_mail_outage_instead_of_being_lost(settings, mailoutbox, task_worker):
    """Runs on the database queue and on RQ (core/tests/engines.py)."""
    from django.test import Client

    settings.ADMINS = [("Operaciones", "ops@example.org")]
    settings.EMAIL_BACKEND = "secretaria.core.tests.test_errors.MailServerDown"
    response = Client(raise_request_exception=False).get("/es/prueba/roto/")
    assert response.status_code == 500  # the handler did not raise
    reference = response["X-Request-ID"]

    task_worker.run()  # the mail server is down: the report is queued again for later
    assert mailoutbox == []
    assert task_worker.failed() == []
    task_worker.run()  # not yet due
    assert mailoutbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    task_worker.release_deferred()
    task_worker.run()
    assert len(mailoutbox) == 1 and f"Reference: {reference}" in mailoutbox[0].body


@pytest.mark.django_db
@pytest.mark.urls("secretaria.core.tests.test_errors")
def test_a_report_that_can_be_neither_queued_nor_sent_does_not_break_the_error_page(settings, monkeypatch):
    from django.test import Client

    from secretaria.core import tasks

    def queue_down(**kwargs):
        raise OperationalError("database is locked")

    settings.ADMINS = [("Operaciones", "ops@example.org")]
    settings.EMAIL_BACKEND = "secretaria.core.tests.test_errors.MailServerDown"
    monkeypatch.setattr(tasks, "send_error_report", SimpleNamespace(enqueue=queue_down))
    with console_log() as log:
        response = Client(raise_request_exception=False).get("/es/prueba/roto/")
    assert response.status_code == 500 and "Error del servidor" in response.content.decode()
    assert f"[ref {response['X-Request-ID']}]" in log.getvalue()


def test_sentry_stays_off_without_a_dsn_and_starts_with_one():
    script = "import django, sentry_sdk; django.setup(); print(sentry_sdk.get_client().is_active())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "secretaria.test_settings"}
    env.pop("SENTRY_DSN", None)
    off = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)  # noqa: S603 - our interpreter, a fixed snippet
    assert off.stdout.strip() == "False"
    env["SENTRY_DSN"] = "http://public@127.0.0.1:9/1"  # nothing is sent: no event happens
    on = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)  # noqa: S603 - our interpreter, a fixed snippet
    assert on.stdout.strip() == "True"
