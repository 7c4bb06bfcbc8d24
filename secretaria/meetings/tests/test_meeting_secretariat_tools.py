"""The Secretariat's tools on a meeting: adding a document from the meeting's page, the
members-only default for what it creates, and short names made from the title."""

import datetime

from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.meetings import services
from secretaria.meetings.models import Meeting, MeetingDocument


def test_the_meeting_page_offers_the_secretariat_a_visible_add_document_action(seminar, client_for, st_officer,
                                                                              gt_official):  # fmt: skip
    page = client_for(st_officer).get(seminar.get_absolute_url()).content.decode()
    new_url = reverse("meetings:document_new", kwargs={"slug": seminar.slug})
    # Outside any collapsed <details>: the link comes before the "link an existing one" section.
    assert f'href="{new_url}"' in page
    assert page.index(new_url) < page.index("<details>")
    assert "Añadir un documento a esta reunión" in page
    assert new_url not in client_for(gt_official).get(seminar.get_absolute_url()).content.decode()


def test_a_document_added_from_the_meeting_is_a_members_only_draft_listed_on_it(seminar, client_for, st_officer):
    st = client_for(st_officer)
    url = reverse("meetings:document_new", kwargs={"slug": seminar.slug})
    form = st.get(url).content.decode()
    assert "Elija «Público» deliberadamente" in form
    response = st.post(url, {
        "symbol": "CRM/SEM-SALUD/2004/7", "doc_type": "working_document", "date": "2004-10-18",
        "title_es": "Nota conceptual", "access_level": "members", "role": "background",
    })  # fmt: skip
    document = Document.objects.get(symbol="CRM/SEM-SALUD/2004/7")
    assert response.status_code == 302 and response["Location"] == reverse(
        "documents:upload", kwargs={"pk": document.pk}
    )
    assert document.status == Document.Status.DRAFT and document.access_level == AccessLevel.MEMBERS
    link = MeetingDocument.objects.get(meeting=seminar, document=document)
    assert link.role == MeetingDocument.Role.BACKGROUND
    assert "CRM/SEM-SALUD/2004/7" in st.get(seminar.get_absolute_url()).content.decode()


def test_adding_a_document_with_a_taken_symbol_says_so_and_links_nothing(seminar, client_for, st_officer):
    Document.objects.create(symbol="CRM/SEM-SALUD/2004/7", date=datetime.date(2004, 10, 1), title_es="Otro")
    url = reverse("meetings:document_new", kwargs={"slug": seminar.slug})
    response = client_for(st_officer).post(url, {
        "symbol": "CRM/SEM-SALUD/2004/7", "doc_type": "working_document", "date": "2004-10-18",
        "title_es": "Nota conceptual", "access_level": "members", "role": "background",
    })  # fmt: skip
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not MeetingDocument.objects.filter(meeting=seminar).exists()


def test_only_the_secretariat_may_add_a_document_to_a_meeting(seminar, client_for, gt_official, ppt_official):
    url = reverse("meetings:document_new", kwargs={"slug": seminar.slug})
    for user in (gt_official, ppt_official):
        assert client_for(user).get(url).status_code == 403
    assert not Document.objects.exists()


def test_new_meetings_and_new_documents_start_members_only_with_the_reason_shown(client_for, st_officer):
    st = client_for(st_officer)
    for url in (reverse("meetings:create"), reverse("documents:create")):
        page = st.get(url).content.decode()
        assert '<option value="members" selected>' in page, url
        assert "Elija «Público» deliberadamente" in page, url


def _meeting_post(**extra):
    return {
        "kind": "seminar", "title_es": "Seminario Migración y Salud", "start_date": "2004-10-18",
        "end_date": "2004-10-19", "time_zone": "America/Guatemala", "access_level": "public", **extra,
    }  # fmt: skip


def test_a_meeting_without_a_short_name_gets_one_from_its_title_and_year(client_for, st_officer):
    st = client_for(st_officer)
    response = st.post(reverse("meetings:create"), _meeting_post())
    meeting = Meeting.objects.get()
    assert meeting.slug == "seminario-migracion-y-salud-2004"
    assert response["Location"] == meeting.get_absolute_url()
    st.post(reverse("meetings:create"), _meeting_post())
    assert sorted(Meeting.objects.values_list("slug", flat=True)) == [
        "seminario-migracion-y-salud-2004",
        "seminario-migracion-y-salud-2004-2",
    ]


def test_a_chosen_short_name_is_kept_and_an_emptied_one_stays_as_it_was(client_for, st_officer):
    st = client_for(st_officer)
    st.post(reverse("meetings:create"), _meeting_post(slug="sem-salud"))
    meeting = Meeting.objects.get()
    assert meeting.slug == "sem-salud"
    st.post(reverse("meetings:edit", kwargs={"slug": "sem-salud"}), _meeting_post(title_es="Seminario renombrado"))
    meeting.refresh_from_db()
    assert meeting.slug == "sem-salud" and meeting.title_es == "Seminario renombrado"


def test_scripts_get_a_short_name_from_the_title_too(st_officer):
    meeting = services.meeting_create(
        by=None, kind="workshop", title_es="Taller sobre la Convención de Palermo",
        start_date=datetime.date(2004, 11, 4), end_date=datetime.date(2004, 11, 5),
    )  # fmt: skip
    assert meeting.slug == "taller-sobre-la-convencion-de-palermo-2004"


def test_a_meeting_added_in_the_admin_starts_members_only_too(client_for, admin_user):
    page = client_for(admin_user).get("/admin/meetings/meeting/add/").content.decode()
    assert '<option value="members" selected>' in page
    assert "Elija «Público» deliberadamente" in page
