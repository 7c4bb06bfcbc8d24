import pytest


@pytest.mark.django_db
def test_the_root_redirects_to_the_spanish_portal(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


@pytest.mark.django_db
def test_the_home_page_is_served_in_spanish_and_english(client):
    assert 'lang="es"' in client.get("/es/").content.decode()
    assert 'lang="en"' in client.get("/en/").content.decode()
