"""The meeting page's cached programme and documents (meetings.page_cache): each viewer sees
what they may see whoever filled the cache, and every change shows on the next view."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from secretaria.core.access import AccessLevel
from secretaria.documents import services as document_services
from secretaria.documents.models import Document
from secretaria.meetings import services
from secretaria.meetings.models import MeetingDocument

PUBLIC, MEMBERS, GROUP = "CRM/CACHE/1", "CRM/CACHE/2", "CRM/CACHE/3"


def _document(symbol, title, level, group=None):
    return Document.objects.create(
        symbol=symbol, date=datetime.date(2004, 10, 1), title_es=title, title_en=f"{title} (EN)",
        access_level=level, access_group=group, status=Document.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip


@pytest.fixture
def published(draft, crm, st_officer, ppt_official):
    """The seminar's approved agenda; its second item and the documents list name a public, a
    members' and a consular-network document."""
    docs = {
        PUBLIC: _document(PUBLIC, "Agenda pública", AccessLevel.PUBLIC),
        MEMBERS: _document(MEMBERS, "Notas reservadas", AccessLevel.MEMBERS),
        GROUP: _document(GROUP, "Nota de la red consular", AccessLevel.GROUP, crm["groups"]["consular"]),
    }
    item = draft.items.last()
    services.agenda_item_save(version=draft, by=st_officer, item=item, documents=list(docs.values()))
    for doc in docs.values():
        services.meeting_document_link(
            meeting=draft.meeting, document=doc, role=MeetingDocument.Role.WORKING_DOCUMENT, by=st_officer
        )
    services.agenda_submit(version=draft, by=st_officer, notify=False)
    services.agenda_approve(version=draft, by=ppt_official, notify=False)
    return draft


def _parts(client, meeting, lang="es"):
    with translation.override(lang):
        url = meeting.get_absolute_url()
    page = client.get(url).content.decode()
    start, docs = page.index('id="programme"'), page.index('id="documents"')
    return page[start:docs], page[docs:]


def _seen(client, meeting):
    programme, documents = _parts(client, meeting)
    return {s for s in (PUBLIC, MEMBERS, GROUP) if s in programme}, {
        s for s in (PUBLIC, MEMBERS, GROUP) if s in documents
    }


@pytest.mark.parametrize("first", ["anonymous", "member", "group_member"])
def test_each_viewer_sees_their_own_documents_whoever_filled_the_cache(
    published, first, client, client_for, hn_official, gt_official, observer
):
    viewers = {
        "anonymous": (client, {PUBLIC}),
        "observer": (client_for(observer), {PUBLIC}),
        "member": (client_for(hn_official), {PUBLIC, MEMBERS}),
        "group_member": (client_for(gt_official), {PUBLIC, MEMBERS, GROUP}),  # the consular network
    }
    order = [first] + [name for name in viewers if name != first]
    for _round in range(2):  # the second round reads every viewer's page from the cache
        for name in order:
            viewer, expected = viewers[name]
            assert _seen(viewer, published.meeting) == (expected, expected), name


def test_the_programme_is_cached_per_language(published, client):
    assert "Inauguración" in _parts(client, published.meeting)[0]
    english = _parts(client, published.meeting, "en")[0]
    assert "Opening" in english and "Inauguración" not in english


def test_the_second_view_reads_neither_the_items_nor_the_documents(published, client):
    client.get(published.meeting.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        page = client.get(published.meeting.get_absolute_url()).content.decode()
    assert "Migración y VIH/SIDA" in page and PUBLIC in page
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "meetings_agendaitem" not in tables and "meetings_meetingdocument" not in tables


def test_the_secretariat_keeps_its_actions_after_a_visitor_filled_the_cache(published, client, client_for, st_officer):
    client.get(published.meeting.get_absolute_url())
    documents = _parts(client_for(st_officer), published.meeting)[1]
    assert documents.count("Quitar de la reunión") == 3
    assert "csrfmiddlewaretoken" in documents
    assert "Quitar de la reunión" not in _parts(client, published.meeting)[1]


def test_a_new_approved_agenda_shows_at_once(published, client, st_officer, ppt_official):
    assert "Inauguración" in _parts(client, published.meeting)[0]
    version = services.agenda_start_draft(meeting=published.meeting, by=st_officer)
    first = version.items.first()
    services.agenda_item_save(version=version, by=st_officer, item=first, title_es="Apertura solemne")
    services.agenda_submit(version=version, by=st_officer, notify=False)
    assert "Inauguración" in _parts(client, published.meeting)[0]  # a draft changes nothing public
    services.agenda_approve(version=version, by=ppt_official, notify=False)
    programme = _parts(client, published.meeting)[0]
    assert "Apertura solemne" in programme and "Inauguración" not in programme


def test_a_document_changed_elsewhere_shows_at_once(published, client, st_officer):
    assert _seen(client, published.meeting) == ({PUBLIC}, {PUBLIC})
    doc = Document.objects.get(symbol=PUBLIC)
    document_services.document_update(document=doc, by=st_officer, title_es="Agenda pública revisada")
    assert "Agenda pública revisada" in _parts(client, published.meeting)[1]
    document_services.document_set_access(document=doc, by=st_officer, access_level=AccessLevel.MEMBERS)
    assert _seen(client, published.meeting) == (set(), set())


def test_linking_and_unlinking_a_document_shows_at_once(published, client, st_officer):
    assert _seen(client, published.meeting)[1] == {PUBLIC}
    extra = _document("CRM/CACHE/9", "Informe final", AccessLevel.PUBLIC)
    link = services.meeting_document_link(
        meeting=published.meeting, document=extra, role=MeetingDocument.Role.REPORT, by=st_officer
    )
    assert "CRM/CACHE/9" in _parts(client, published.meeting)[1]
    services.meeting_document_unlink(link=link, by=st_officer)
    assert "CRM/CACHE/9" not in _parts(client, published.meeting)[1]


def test_a_speakers_new_name_shows_at_once(published, client, speaker):
    assert "Lilian Reneau" in _parts(client, published.meeting)[0]
    speaker.family_name = "Reneau-Vernon"
    speaker.save()
    assert "Lilian Reneau-Vernon" in _parts(client, published.meeting)[0]


def test_the_meetings_own_details_and_participants_show_at_once(published, client, client_for, hn_official, st_officer):
    page = client.get(published.meeting.get_absolute_url()).content.decode()
    assert "Hotel Camino Real" in page
    services.meeting_update(meeting=published.meeting, by=st_officer, venue="Hotel Intercontinental")
    page = client.get(published.meeting.get_absolute_url()).content.decode()
    assert "Hotel Intercontinental" in page and "Hotel Camino Real" not in page
    assert "Migración y VIH/SIDA" in page
    services.bench_participants(meeting=published.meeting, count=2)  # bulk writes: no signal at all
    members = client_for(hn_official).get(published.meeting.get_absolute_url()).content.decode()
    assert "Lista de participantes (2 participantes aprobados)" in members


def test_a_lost_token_never_brings_back_old_fragments(published, client, st_officer):
    from django.core.cache import cache

    from secretaria.meetings import page_cache

    assert "Inauguración" in _parts(client, published.meeting)[0]
    cache.delete(page_cache._token_key(published.meeting.pk))
    item = published.items.first()
    # A change written without signals (a raw update), then the token lost: the page renders anew.
    type(item).objects.filter(pk=item.pk).update(title_es="Bienvenida")
    assert "Bienvenida" in _parts(client, published.meeting)[0]


def test_the_page_still_answers_when_the_cache_is_down(published, client, monkeypatch):
    from secretaria.meetings import page_cache

    def down(*args, **kwargs):
        raise ConnectionError("cache server unreachable")

    monkeypatch.setattr(page_cache.cache, "get", down)
    response = client.get(published.meeting.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Inauguración" in page and PUBLIC in page
