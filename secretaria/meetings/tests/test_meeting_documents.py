import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from secretaria.activity.models import Activity
from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.meetings import services
from secretaria.meetings.models import MeetingDocument


def document(symbol, title, *, level=AccessLevel.PUBLIC, published=True):
    return Document.objects.create(
        symbol=symbol, date=datetime.date(2004, 10, 1), title_es=title, access_level=level,
        status=Document.Status.PUBLISHED if published else Document.Status.DRAFT,
        published_at=timezone.now() if published else None,
    )  # fmt: skip


@pytest.fixture
def documents(seminar, st_officer):
    docs = {
        "agenda": document("CRM/SEM-SALUD/2004/1", "Agenda del Seminario"),
        "members": document("CRM/SEM-SALUD/2004/3", "Notas para los países miembros", level=AccessLevel.MEMBERS),
        "draft": document("CRM/SEM-SALUD/2004/4", "Borrador de conclusiones", published=False),
    }
    for key, doc in docs.items():
        role = MeetingDocument.Role.AGENDA if key == "agenda" else MeetingDocument.Role.WORKING_DOCUMENT
        services.meeting_document_link(meeting=seminar, document=doc, role=role, by=st_officer)
    return docs


def test_the_meeting_page_lists_the_documents_each_visitor_may_read(seminar, documents, client, client_for,
                                                                   observer, gt_official, st_officer):  # fmt: skip
    url = seminar.get_absolute_url()
    public = client.get(url).content.decode()
    assert "CRM/SEM-SALUD/2004/1" in public
    assert "CRM/SEM-SALUD/2004/3" not in public and "CRM/SEM-SALUD/2004/4" not in public
    assert "CRM/SEM-SALUD/2004/3" not in client_for(observer).get(url).content.decode()
    member = client_for(gt_official).get(url).content.decode()
    assert "CRM/SEM-SALUD/2004/3" in member and "CRM/SEM-SALUD/2004/4" not in member
    assert "CRM/SEM-SALUD/2004/4" in client_for(st_officer).get(url).content.decode()


def test_linking_a_published_document_goes_on_the_record(seminar, documents):
    recorded = Activity.objects.filter(meeting=seminar, kind="document_published")
    assert sorted(a.obj.symbol for a in recorded) == ["CRM/SEM-SALUD/2004/1", "CRM/SEM-SALUD/2004/3"]
    assert "documento CRM/SEM-SALUD/2004/1 publicado" in recorded.get(object_id=documents["agenda"].pk).summary_es


def test_the_secretariat_links_and_unlinks_documents_on_the_page(seminar, st_officer, ppt_official, client_for):
    doc = document("CRM/SEM-SALUD/2004/2", "Información logística")
    st = client_for(st_officer)
    link_url = reverse("meetings:document_link", kwargs={"slug": seminar.slug})
    st.post(link_url, {"symbol": "CRM/NO/EXISTE", "role": "logistics"})
    assert not MeetingDocument.objects.exists()
    st.post(link_url, {"symbol": "CRM/SEM-SALUD/2004/2", "role": "logistics"})
    link = MeetingDocument.objects.get()
    assert link.document == doc and link.role == "logistics"
    assert (
        client_for(ppt_official).post(link_url, {"symbol": "CRM/SEM-SALUD/2004/2", "role": "report"}).status_code == 403
    )
    st.post(reverse("meetings:document_unlink", kwargs={"slug": seminar.slug, "pk": link.pk}))
    assert not MeetingDocument.objects.exists()


def test_agenda_items_show_their_documents_to_those_who_may_read_them(draft, documents, st_officer, ppt_official,
                                                                     client, client_for, gt_official):  # fmt: skip
    item = draft.items.last()
    services.agenda_item_save(version=draft, by=st_officer, item=item,
                              documents=[documents["agenda"], documents["members"]])  # fmt: skip
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    page = client.get(draft.meeting.get_absolute_url()).content.decode()
    programme = page[page.index('id="programme"') : page.index('id="documents"')]
    assert "CRM/SEM-SALUD/2004/1" in programme and "CRM/SEM-SALUD/2004/3" not in programme
    member = client_for(gt_official).get(draft.meeting.get_absolute_url()).content.decode()
    assert "CRM/SEM-SALUD/2004/3" in member[member.index('id="programme"') : member.index('id="documents"')]
    new = services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    assert list(new.items.last().documents.order_by("symbol")) == [documents["agenda"], documents["members"]]

    api = client.get(f"/api/v1/meetings/{draft.meeting.slug}/agenda/{draft.pk}").json()
    assert api["items"][-1]["documents"] == ["CRM/SEM-SALUD/2004/1"]
    detail = client.get(f"/api/v1/meetings/{draft.meeting.slug}").json()
    assert [d["symbol"] for d in detail["documents"]] == ["CRM/SEM-SALUD/2004/1"]


def test_item_documents_are_given_by_symbol_in_the_form(draft, documents, st_officer, client_for):
    item = draft.items.first()
    url = reverse("meetings:agenda_item_edit", kwargs={"slug": draft.meeting.slug, "pk": draft.pk, "item_pk": item.pk})
    st = client_for(st_officer)
    response = st.post(url, {"title_es": "Inauguración", "document_symbols": "CRM/X/1"})
    assert response.status_code == 200 and "CRM/X/1" in response.content.decode()
    st.post(url, {"title_es": "Inauguración", "document_symbols": "CRM/SEM-SALUD/2004/1, CRM/SEM-SALUD/2004/3"})
    assert sorted(d.symbol for d in item.documents.all()) == ["CRM/SEM-SALUD/2004/1", "CRM/SEM-SALUD/2004/3"]


def test_the_document_page_lists_the_meetings_it_belongs_to_that_the_reader_may_see(
    crm, seminar, st_officer, client, client_for, gt_official, observer
):
    from secretaria.meetings.models import Meeting

    network = services.meeting_create(
        by=st_officer, kind=Meeting.Kind.NETWORK, slug="red-consular-2004-12", title_es="Reunión de la Red consular",
        start_date=datetime.date(2004, 12, 6), end_date=datetime.date(2004, 12, 6), group=crm["groups"]["consular"],
        access_level=AccessLevel.GROUP, access_group=crm["groups"]["consular"],
    )  # fmt: skip
    doc = document("CRM/SEM-SALUD/2004/2", "Información administrativa y logística")
    services.meeting_document_link(meeting=seminar, document=doc, role=MeetingDocument.Role.LOGISTICS, by=st_officer)
    services.meeting_document_link(meeting=network, document=doc, by=st_officer)
    url = doc.get_absolute_url()

    for reader in [client, client_for(observer)]:
        page = reader.get(url).content.decode()
        assert seminar.get_absolute_url() in page and seminar.title_es in page
        assert network.get_absolute_url() not in page  # a consular-network meeting
    member = client_for(gt_official).get(url).content.decode()  # Guatemala is in the consular network
    assert seminar.get_absolute_url() in member and network.get_absolute_url() in member
    assert network.get_absolute_url() in client_for(st_officer).get(url).content.decode()
