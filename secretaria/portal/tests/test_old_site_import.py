"""import_old_site brings a previous site's pages, news and files in, with their dates and old addresses."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretaria.archive.models import Redirect
from secretaria.documents import generate
from secretaria.documents.models import Document
from secretaria.portal.models import NewsItem, Page


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def old_site(tmp_path):
    root = tmp_path / "sv2003"
    (root / "noticias" / "2003").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "img").mkdir()
    (root / "img" / "logo.gif").write_bytes(b"GIF89a")
    (root / "index.html").write_text(
        "<html><head><title>Secretaría Virtual de la CRM</title><script>alert(1)</script></head><body>"
        "<nav>menú</nav><h1>Bienvenidos</h1><p>La <b>Conferencia Regional sobre Migración</b>.</p>"
        '<ul><li><a href="docs/informe_st_2003.pdf">Informe de la ST 2003</a></li>'
        '<li><a href="noticias/2003/feria.html">Feria</a></li></ul></body></html>',
        encoding="utf-8",
    )
    (root / "noticias" / "2003" / "feria.html").write_bytes(
        "<html><head><title>Reunión del GRCM en Panamá</title></head><body>"
        "<p>Panamá, 18 de octubre de 2003. Se reunió el Grupo Regional de Consulta.</p></body></html>".encode("cp1252")
    )
    (root / "about.html").write_text(
        '<html lang="en"><head><meta name="date" content="2002-05-20"><title>About the RCM</title></head>'
        "<body><p>The Puebla Process.</p></body></html>"
    )
    (root / "docs" / "informe_st_2003.pdf").write_bytes(generate.pdf_bytes("Informe", ["Informe anual de la ST."]))
    return root


def run(*args):
    out = StringIO()
    call_command("import_old_site", *args, stdout=out)
    return out.getvalue()


def test_pages_news_and_documents_come_in_with_their_dates(db, old_site, client):
    out = run(str(old_site), "--base-path", "/sv2003/")
    assert "created 2 pages, 1 news items, 1 documents" in out

    home = Page.objects.get(slug="inicio")
    assert home.title_es == "Secretaría Virtual de la CRM"
    assert "**Conferencia Regional sobre Migración**" in home.body_es
    assert "alert" not in home.body_es and "menú" not in home.body_es
    about = Page.objects.get(slug="about")
    assert about.title_en == "About the RCM" and about.body_en == "The Puebla Process."
    assert about.publish_at.date() == datetime.date(2002, 5, 20)

    news = NewsItem.objects.get()
    assert news.title_es == "Reunión del GRCM en Panamá"  # read as Windows-1252
    assert news.publish_at.date() == datetime.date(2003, 10, 18)

    doc = Document.objects.get()
    assert doc.symbol == "SV-ANT/docs/informe-st-2003.pdf"
    assert doc.title_es == "Informe de la ST 2003"
    assert doc.status == Document.Status.PUBLISHED and doc.files.count() == 1
    assert f"]({doc.get_absolute_url()})" in home.body_es  # the old link points to the new address

    response = client.get("/sv2003/noticias/2003/feria.html")
    assert response.status_code == 301 and response["Location"] == news.get_absolute_url()
    assert client.get("/sv2003/docs/informe_st_2003.pdf")["Location"] == doc.get_absolute_url()
    assert client.get(news.get_absolute_url()).status_code == 200


def test_importing_twice_creates_nothing_twice(db, old_site):
    run(str(old_site))
    out = run(str(old_site))
    assert "created 0 pages, 0 news items, 0 documents; 4 already here" in out
    assert Page.objects.count() == 2 and Document.objects.count() == 1 and Redirect.objects.count() == 4


def test_a_dry_run_changes_nothing(db, old_site):
    out = run(str(old_site), "--dry-run")
    assert "would create 2 pages, 1 news items, 1 documents" in out
    assert not Page.objects.exists() and not Document.objects.exists() and not Redirect.objects.exists()


def test_a_missing_folder_is_a_message(db, tmp_path):
    with pytest.raises(CommandError, match="not a folder"):
        run(str(tmp_path / "nope"))
