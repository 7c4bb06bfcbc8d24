"""Sponsors' contacts without an account comment on a draft agenda through a signed personal link."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from secretaria.activity.models import Activity
from secretaria.directory.models import Person
from secretaria.meetings import links as agenda_svc
from secretaria.meetings import services
from secretaria.meetings.models import AgendaComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def ca_contact(crm):
    """Canada's contact for the seminar: in the directory, with no account."""
    return Person.objects.create(
        given_name="Frank", family_name="Focal", email="frank@example.ca", country=crm["countries"]["CA"],
        languages=["en"],
    )  # fmt: skip


@pytest.fixture
def opened(draft, st_officer):
    services.agenda_open_for_comment(version=draft, by=st_officer, notify=False)
    draft.refresh_from_db()
    return draft


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def _sent_link() -> str:
    return _path(re.search(r"\S+/agenda-comments/\S+/", mail.outbox[-1].body).group(0))


# --- Service ----------------------------------------------------------------------------------


def test_the_secretariat_emails_a_sponsor_contact_a_personal_link(opened, st_officer, ca_contact):
    mail.outbox.clear()

    url = services.agenda_sponsor_link(version=opened, person=ca_contact, by=st_officer)

    assert [m.to for m in mail.outbox] == [["frank@example.ca"]]
    message = mail.outbox[0]
    assert message.subject == "Agenda for your comments: Seminar on Migration and Health"  # in his language
    assert "on behalf of Canada" in message.body and _path(url) in message.body
    assert Activity.objects.filter(
        kind=Activity.Kind.AGENDA_SENT_FOR_COMMENT, summary_es__contains="Frank Focal"
    ).exists()


def test_the_link_names_the_version_and_the_contact(opened, st_officer, ca_contact):
    token = agenda_svc.agenda_sponsor_token(version=opened, person=ca_contact)
    assert services.agenda_sponsor_token_read(token) == (opened, ca_contact)


def test_only_contacts_of_the_sponsors_get_a_link(opened, st_officer, crm):
    stranger = Person.objects.create(given_name="Hugo", family_name="Hondureño", country=crm["countries"]["HN"])
    with pytest.raises(ValidationError):
        services.agenda_sponsor_link(version=opened, person=stranger, by=st_officer)


def test_no_link_before_the_draft_is_open_for_comment(draft, st_officer, ca_contact):
    with pytest.raises(ValidationError):
        services.agenda_sponsor_link(version=draft, person=ca_contact, by=st_officer)


def test_only_the_secretariat_makes_links(opened, gt_official, ca_contact):
    with pytest.raises(PermissionDenied):
        services.agenda_sponsor_link(version=opened, person=ca_contact, by=gt_official)


def test_a_contact_without_an_address_gets_a_link_to_copy_not_an_email(opened, st_officer, ca_contact):
    ca_contact.email = ""
    ca_contact.save()
    with pytest.raises(ValidationError):
        services.agenda_sponsor_link(version=opened, person=ca_contact, by=st_officer)
    mail.outbox.clear()
    url = services.agenda_sponsor_link(version=opened, person=ca_contact, by=st_officer, send=False)
    assert "/en/meetings/agenda-comments/" in url and mail.outbox == []  # in the contact's language


def test_the_link_expires(opened, ca_contact):
    token = agenda_svc.agenda_sponsor_token(version=opened, person=ca_contact)
    late = timezone.localdate() + datetime.timedelta(days=agenda_svc.SPONSOR_LINK_DAYS + 1)
    with pytest.raises(agenda_svc.SponsorLinkError) as exc:
        services.agenda_sponsor_token_read(token, today=late)
    assert exc.value.reason == "expired"


def test_the_link_closes_when_the_draft_goes_to_the_ppt(opened, st_officer, ca_contact):
    token = agenda_svc.agenda_sponsor_token(version=opened, person=ca_contact)
    services.agenda_submit(version=opened, by=st_officer, notify=False)
    with pytest.raises(agenda_svc.SponsorLinkError) as exc:
        services.agenda_sponsor_token_read(token)
    assert exc.value.reason == "closed"


def test_a_comment_through_the_link_is_attributed_to_the_contact(opened, ca_contact):
    item = opened.items.first()
    comment = services.agenda_comment_add_by_contact(version=opened, person=ca_contact, body="Add Q&A", item=item)
    assert comment.contact == ca_contact and comment.author is None and comment.item == item


# --- HTTP -------------------------------------------------------------------------------------


def test_the_contact_opens_the_emailed_link_reads_the_draft_and_comments(opened, st_officer, ca_contact, client):
    services.agenda_sponsor_link(version=opened, person=ca_contact, by=st_officer)
    link = _sent_link()
    item = opened.items.get(title_es="Migración y VIH/SIDA")

    page = client.get(link)
    assert page.status_code == 200
    body = page.content.decode()
    assert "You comment as Frank Focal, on behalf of Canada" in body  # the link is in his language
    assert "Migration and HIV/AIDS" in body

    response = client.post(link, {"body": "Proponemos un panel de preguntas.", "item": item.pk}, follow=True)

    assert response.status_code == 200
    assert "Your comment was added." in response.content.decode()
    assert "Proponemos un panel de preguntas." in response.content.decode()
    comment = AgendaComment.objects.get(body="Proponemos un panel de preguntas.")
    assert comment.contact == ca_contact and comment.item == item and comment.author is None


def test_the_secretariat_sees_the_contacts_comment_with_the_contacts_name(opened, ca_contact, st_officer, client_for):
    services.agenda_comment_add_by_contact(version=opened, person=ca_contact, body="Add Q&A")
    body = (
        client_for(st_officer)
        .get(reverse("meetings:agenda_version", kwargs={"slug": opened.meeting.slug, "pk": opened.pk}))
        .content.decode()
    )
    assert "Frank Focal" in body and "(Canadá)" in body and "por enlace personal" in body


def test_the_contact_replies_to_a_comment_through_the_link(opened, ca_contact, ca_official, client):
    first = services.agenda_comment_add(version=opened, by=ca_official, body="¿Y la clausura?")
    link = reverse("meetings:agenda_sponsor_comment",
                   kwargs={"token": agenda_svc.agenda_sponsor_token(version=opened, person=ca_contact)})  # fmt: skip

    client.post(link, {"body": "De acuerdo.", "parent": first.pk})

    reply = AgendaComment.objects.get(body="De acuerdo.")
    assert reply.parent == first and reply.contact == ca_contact


def test_an_empty_comment_is_refused_with_a_message(opened, ca_contact, client):
    link = reverse("meetings:agenda_sponsor_comment",
                   kwargs={"token": agenda_svc.agenda_sponsor_token(version=opened, person=ca_contact)})  # fmt: skip
    response = client.post(link, {"body": "  "}, follow=True)
    assert response.status_code == 200 and "Escriba un comentario." in response.content.decode()
    assert AgendaComment.objects.count() == 0


def test_an_altered_link_is_refused_clearly(opened, ca_contact, client):
    token = agenda_svc.agenda_sponsor_token(version=opened, person=ca_contact)
    response = client.get(reverse("meetings:agenda_sponsor_comment", kwargs={"token": token[:-3] + "abc"}))
    assert response.status_code == 400
    assert "Este enlace no es válido" in response.content.decode()
    assert (
        client.post(
            reverse("meetings:agenda_sponsor_comment", kwargs={"token": token[:-3] + "abc"}), {"body": "x"}
        ).status_code
        == 400
    )
    assert AgendaComment.objects.count() == 0


def test_an_expired_link_is_refused_clearly(opened, ca_contact, client):
    token = agenda_svc.agenda_sponsor_token(
        version=opened, person=ca_contact, on=timezone.now() - datetime.timedelta(days=agenda_svc.SPONSOR_LINK_DAYS + 2)
    )
    response = client.get(reverse("meetings:agenda_sponsor_comment", kwargs={"token": token}))
    assert response.status_code == 410 and "Este enlace ha vencido" in response.content.decode()


def test_a_link_to_a_submitted_draft_is_refused_clearly(opened, ca_contact, st_officer, client):
    url = reverse("meetings:agenda_sponsor_comment",
                  kwargs={"token": agenda_svc.agenda_sponsor_token(version=opened, person=ca_contact)})  # fmt: skip
    services.agenda_submit(version=opened, by=st_officer, notify=False)

    response = client.post(url, {"body": "Tarde"})

    assert response.status_code == 410
    assert "Esta agenda ya no está abierta a comentarios" in response.content.decode()
    assert AgendaComment.objects.count() == 0


def test_the_secretariat_sends_the_link_from_the_draft_page(opened, st_officer, ca_contact, client_for):
    client = client_for(st_officer)
    page = client.get(reverse("meetings:agenda_version", kwargs={"slug": opened.meeting.slug, "pk": opened.pk}))
    assert "Patrocinadores sin cuenta" in page.content.decode() and "Frank Focal (Canadá)" in page.content.decode()
    mail.outbox.clear()

    url = reverse("meetings:agenda_sponsor_link", kwargs={"slug": opened.meeting.slug, "pk": opened.pk})
    response = client.post(url, {"person": ca_contact.pk, "do": "send"}, follow=True)

    assert "El enlace personal se envió por correo a Frank Focal" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["frank@example.ca"]]

    response = client.post(url, {"person": ca_contact.pk, "do": "copy"}, follow=True)
    assert "Enlace personal de Frank Focal, para copiar y enviar:" in response.content.decode()


def test_others_cannot_send_sponsor_links(opened, ca_official, ca_contact, client_for):
    url = reverse("meetings:agenda_sponsor_link", kwargs={"slug": opened.meeting.slug, "pk": opened.pk})
    response = client_for(ca_official).post(url, {"person": ca_contact.pk})
    assert response.status_code == 403
    assert mail.outbox == [] or all(m.to != ["frank@example.ca"] for m in mail.outbox)
