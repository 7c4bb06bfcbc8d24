"""During a move the old site is frozen: it reads and signs in, and refuses every other write."""

from django.urls import reverse
from django.utils import translation


def test_a_frozen_site_refuses_writes_and_keeps_reading(settings, client, crm):
    settings.SITE_READ_ONLY = True
    with translation.override("es"):
        contact = reverse("portal:contact")
        login = reverse("account_login")
    assert client.get(contact).status_code == 200
    refused = client.post(contact, {"name": "Ana", "email": "ana@example.org", "message": "Hola"})
    assert refused.status_code == 503
    assert "solo lectura" in refused.content.decode()
    assert client.post(login, {"login": "nadie", "password": "x"}).status_code != 503


def test_the_api_says_so_in_json(settings, client, crm):
    settings.SITE_READ_ONLY = True
    response = client.post("/api/v1/documents", {}, content_type="application/json")
    assert response.status_code == 503
    assert "read-only" in response.json()["detail"] or "lectura" in response.json()["detail"]


def test_an_open_site_is_not_affected(settings, client, crm):
    settings.SITE_READ_ONLY = False
    with translation.override("es"):
        contact = reverse("portal:contact")
    assert client.post(contact, {}).status_code != 503
