"""A news item names the meetings and documents it speaks of; each reader sees those they may."""

import datetime

from django.urls import reverse
from django.utils import timezone

from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.meetings import services as meetings
from secretaria.portal import services
from secretaria.portal.models import NewsItem, Status


def _document(symbol, title, level=AccessLevel.PUBLIC, published=True):
    return Document.objects.create(
        symbol=symbol, date=datetime.date(2004, 10, 18), title_es=title, access_level=level,
        status=Document.Status.PUBLISHED if published else Document.Status.DRAFT,
        published_at=timezone.now() if published else None,
    )  # fmt: skip


def _seminar(st_officer, **extra):
    return meetings.meeting_create(
        by=st_officer, kind="seminar", slug="seminario-migracion-y-salud-2004",
        title_es="Seminario Migración y Salud", start_date=datetime.date(2004, 10, 18),
        end_date=datetime.date(2004, 10, 19), access_level=AccessLevel.PUBLIC, **extra,
    )  # fmt: skip


def test_the_news_page_lists_the_related_meetings_and_documents_each_reader_may_see(crm, st_officer, client,
                                                                                   client_for, gt_official):  # fmt: skip
    seminar = _seminar(st_officer)
    closed = meetings.meeting_create(
        by=st_officer, kind="grcm", slug="grcm-cerrada", title_es="Reunión cerrada del GRCM",
        start_date=datetime.date(2004, 12, 1), end_date=datetime.date(2004, 12, 1), access_level=AccessLevel.MEMBERS,
    )  # fmt: skip
    agenda = _document("CRM/SEM-SALUD/2004/1", "Agenda del Seminario")
    notes = _document("CRM/SEM-SALUD/2004/3", "Notas para los países miembros", AccessLevel.MEMBERS)
    draft = _document("CRM/SEM-SALUD/2004/4", "Borrador", published=False)
    item = services.news_create(
        by=st_officer, slug="seminario", title_es="Seminario en Guatemala", body_es="Los documentos están publicados.",
        status=Status.PUBLISHED, related_meetings=[seminar, closed], related_documents=[agenda, notes, draft],
    )  # fmt: skip
    public = client.get(item.get_absolute_url()).content.decode()
    assert seminar.get_absolute_url() in public and agenda.get_absolute_url() in public
    assert closed.get_absolute_url() not in public and "CRM/SEM-SALUD/2004/3" not in public
    assert "CRM/SEM-SALUD/2004/4" not in public
    member = client_for(gt_official).get(item.get_absolute_url()).content.decode()
    assert closed.get_absolute_url() in member and "CRM/SEM-SALUD/2004/3" in member
    assert "CRM/SEM-SALUD/2004/4" not in client_for(st_officer).get(item.get_absolute_url()).content.decode()


def test_a_news_item_without_links_shows_no_related_box(crm, st_officer, client):
    item = services.news_create(
        by=st_officer, slug="aviso", title_es="Aviso", body_es="Texto.", status=Status.PUBLISHED
    )
    assert 'id="news-related"' not in client.get(item.get_absolute_url()).content.decode()


def test_the_secretariat_links_them_in_the_news_form(crm, st_officer, client_for):
    seminar = _seminar(st_officer)
    agenda = _document("CRM/SEM-SALUD/2004/1", "Agenda del Seminario")
    client = client_for(st_officer)
    form = client.get(reverse("members:news_create")).content.decode()
    assert "CRM/SEM-SALUD/2004/1 — Agenda del Seminario" in form and "Seminario Migración y Salud" in form
    response = client.post(reverse("members:news_create"), {
        "slug": "seminario", "access_level": "public", "title_es": "Seminario", "body_es": "Texto.",
        "related_meetings": [seminar.pk], "related_documents": [agenda.pk],
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    item = NewsItem.objects.get(slug="seminario")
    assert list(item.related_meetings.all()) == [seminar] and list(item.related_documents.all()) == [agenda]
