"""Error pages: in the site's layout and language for people, JSON for the API."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
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
    assert api.json() == {"detail": "Something went wrong on our side. The Secretariat has been notified."}


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
