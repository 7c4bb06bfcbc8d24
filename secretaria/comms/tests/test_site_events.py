"""Lists and bulletins follow the meetings and decisions too: new meetings, approved agendas,
documents of a meeting, and the bulletin's sections on meetings, agendas and decisions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from secretaria.comms import bulletins, sending, services
from secretaria.comms.models import Delivery, Message
from secretaria.core.access import AccessLevel
from secretaria.meetings import services as meetings
from secretaria.meetings.models import Meeting


@pytest.fixture
def meetings_list(db):
    lst = services.mailing_list_create(
        slug="reuniones", name_es="Reuniones de la CRM", name_en="RCM meetings", access_level=AccessLevel.PUBLIC,
        auto_roles=["member", "ppt"],
    )  # fmt: skip
    services.list_rule_create(mailing_list=lst, event_kind="meeting.announced")
    services.list_rule_create(mailing_list=lst, event_kind="agenda.approved")
    return lst


@pytest.fixture
def make_meeting(crm, st_officer):
    def make(slug="migracion-y-salud", access_level=AccessLevel.PUBLIC, **fields):
        start = timezone.localdate() + datetime.timedelta(days=30)
        fields.setdefault("title_es", "Seminario Migración y Salud")
        fields.setdefault("title_en", "Seminar on Migration and Health")
        return meetings.meeting_create(
            by=st_officer, kind=Meeting.Kind.SEMINAR, slug=slug, start_date=start,
            end_date=start + datetime.timedelta(days=1), city="Ciudad de Guatemala", country=crm["countries"]["GT"],
            access_level=access_level, **fields,
        )  # fmt: skip

    return make


def _approved_agenda(meeting, st_officer, ppt_official):
    version = meetings.agenda_start_draft(meeting=meeting, by=st_officer)
    meetings.agenda_item_save(
        version=version, by=st_officer, day=meeting.start_date, start_time=datetime.time(9, 0),
        end_time=datetime.time(10, 0), title_es="Inauguración", title_en="Opening",
    )  # fmt: skip
    meetings.agenda_submit(version=version, by=st_officer, notify=False)
    return meetings.agenda_approve(version=version, by=ppt_official, notify=False)


def test_a_new_meeting_is_announced_to_the_list_in_each_subscribers_language(
    smtp_sink, meetings_list, subscribe_public, make_meeting
):
    subscribe_public(meetings_list, "lectora@example.com", language="es")
    subscribe_public(meetings_list, "reader@example.com", language="en")
    meeting = make_meeting()
    services.process_outbox()
    sending.send_queue(worker_id="test")

    [es] = smtp_sink.to("lectora@example.com")
    [en] = smtp_sink.to("reader@example.com")
    assert en["Subject"] == "New meeting: Seminar on Migration and Health"
    assert es["Subject"].strip() == "Nueva reunión: Seminario Migración y Salud"
    assert "La Secretaría Técnica ha convocado una reunión." in es.get_body(("plain",)).get_content()
    text = en.get_body(("plain",)).get_content()
    assert "Ciudad de Guatemala" in text and "Guatemala" in text
    assert "https://sv.example.org/en/" in text and meeting.slug in text
    assert "/es/" in es.get_body(("plain",)).get_content()


def test_a_members_only_meeting_is_announced_only_to_those_who_may_see_it(
    meetings_list, subscribe_public, make_meeting, gt_official
):
    services.subscriptions_sync()
    subscribe_public(meetings_list, "periodista@example.com")
    make_meeting(slug="grcm-reservada", access_level=AccessLevel.MEMBERS, title_es="Reunión del GRCM")
    services.process_outbox()
    recipients = set(Delivery.objects.values_list("email", flat=True))
    assert "gt_official@example.org" in recipients
    assert "periodista@example.com" not in recipients


def test_an_approved_agenda_goes_to_a_list_that_follows_that_meeting_only(
    st_officer, ppt_official, subscribe_public, make_meeting
):
    seminar = make_meeting()
    other = make_meeting(slug="taller-trata", title_es="Taller sobre trata", title_en="Workshop on trafficking")
    lst = services.mailing_list_create(slug="seminario", name_es="Seminario", name_en="Seminar")
    services.list_rule_create(mailing_list=lst, event_kind="agenda.approved", meeting_id=seminar.pk)
    subscribe_public(lst, "reader@example.com", language="en")
    services.process_outbox()  # the two announcements: this list does not take them

    _approved_agenda(other, st_officer, ppt_official)
    services.process_outbox()
    assert not Message.objects.filter(mailing_list=lst).exists()

    version = _approved_agenda(seminar, st_officer, ppt_official)
    services.process_outbox()
    message = Message.objects.get(mailing_list=lst)
    assert message.subject_en == "Agenda approved: Preliminary agenda, version 1: Seminar on Migration and Health"
    with translation.override("es"):
        address = "https://sv.example.org" + reverse("meetings:agenda_version", args=[seminar.slug, version.pk])
    assert address in message.text_es


def test_a_document_linked_to_a_meeting_reaches_the_list_of_that_meeting(
    st_officer, subscribe_public, make_meeting, publish
):
    seminar = make_meeting()
    lst = services.mailing_list_create(slug="seminario", name_es="Seminario", name_en="Seminar")
    services.list_rule_create(mailing_list=lst, event_kind="document.published", meeting_id=seminar.pk)
    subscribe_public(lst, "reader@example.com")
    unrelated = publish(title_es="Nota sin reunión")
    linked = publish(title_es="Programa del seminario")
    meetings.meeting_document_link(meeting=seminar, document=linked, by=st_officer)
    services.process_outbox()
    [message] = Message.objects.filter(mailing_list=lst)
    assert linked.symbol in message.subject_es and unrelated.symbol not in message.subject_es


def test_the_secretariat_picks_the_meeting_of_a_rule_by_its_title(client_for, st_officer, make_meeting):
    seminar = make_meeting()
    lst = services.mailing_list_create(slug="seminario", name_es="Seminario", name_en="Seminar")
    client = client_for(st_officer)
    page = client.get(reverse("comms:manage_list", args=[lst.pk])).content.decode()
    assert "Seminario Migración y Salud" in page  # offered in the rule form
    client.post(
        reverse("comms:rule_create", args=[lst.pk]), {"event_kind": "agenda.approved", "meeting_id": seminar.pk}
    )
    assert lst.rules.get().meeting_id == seminar.pk
    response = client.post(
        reverse("comms:rule_create", args=[lst.pk]), {"event_kind": "agenda.approved", "meeting_id": 999999}
    )
    assert lst.rules.count() == 1 and response.status_code == 302
    page = client.get(reverse("comms:manage_list", args=[lst.pk])).content.decode()
    assert f'href="{seminar.get_absolute_url()}"' in page


def test_the_bulletin_drafts_sections_on_meetings_agendas_and_decisions(st_officer, ppt_official, make_meeting, crm):
    from secretaria.decisions import services as decisions

    seminar = make_meeting()
    make_meeting(slug="grcm-reservada", access_level=AccessLevel.MEMBERS, title_es="Reunión reservada del GRCM")
    _approved_agenda(seminar, st_officer, ppt_official)
    decisions.decision_create(
        meeting=seminar, number=3, by=st_officer, text_es="Aprobar el plan de trabajo.", access_level=AccessLevel.PUBLIC
    )
    decisions.decision_create(
        meeting=seminar, number=4, by=st_officer, text_es="Asunto reservado.", access_level=AccessLevel.SECRETARIAT
    )
    today = timezone.localdate()

    bulletin = bulletins.bulletin_draft(
        by=st_officer, period_start=today - datetime.timedelta(days=7), period_end=today
    )

    body_es, body_en = bulletin.body_es, bulletin.body_en
    assert "## Reuniones convocadas" in body_es and "## Meetings announced" in body_en
    assert "## Agendas aprobadas" in body_es and "## Agendas approved" in body_en
    assert "## Decisiones actualizadas" in body_es and "## Decisions updated" in body_en
    assert "Seminar on Migration and Health" in body_en and "Seminario Migración y Salud" in body_es
    assert "Reunión reservada del GRCM" not in body_es  # a public bulletin lists public items only
    assert "decision 3" in body_en and "decision 4" not in body_en
    sections = [line for line in body_en.splitlines() if line.startswith("## ")]
    assert sections == ["## Meetings announced", "## Agendas approved", "## Decisions updated"]


def test_a_sent_bulletin_also_reaches_the_lists_that_follow_bulletins(
    st_officer, subscribe_public, public_list, publish
):
    publish()
    today = timezone.localdate()
    followers = services.mailing_list_create(slug="novedades", name_es="Novedades", name_en="What's new")
    services.list_rule_create(mailing_list=followers, event_kind="bulletin.published")
    services.list_rule_create(mailing_list=public_list, event_kind="bulletin.published")  # the list it is sent to
    subscribe_public(followers, "reader@example.com", language="en")
    subscribe_public(public_list, "lectora@example.com")
    bulletin = bulletins.bulletin_draft(by=st_officer, period_start=today, period_end=today)
    services.process_outbox()  # the document's own announcement
    Delivery.objects.all().delete()

    bulletins.bulletin_send(bulletin=bulletin, mailing_list=public_list, by=st_officer)
    services.process_outbox()

    assert Delivery.objects.filter(email="lectora@example.com").count() == 1  # once, not twice
    [follow] = Delivery.objects.filter(email="reader@example.com")
    assert follow.message.mailing_list == followers
    assert follow.message.subject_en.startswith("Bulletin of changes")
    assert "Documents published" in follow.message.text_en


def test_a_countrys_progress_note_does_not_put_a_public_decision_in_a_public_bulletin(
    st_officer, gt_official, make_meeting, crm
):
    import datetime as dt

    from secretaria.decisions import services as decisions
    from secretaria.decisions.models import Decision

    seminar = make_meeting()
    decision = decisions.decision_create(
        meeting=seminar, number=5, by=st_officer, text_es="Informar sobre retornos.", access_level=AccessLevel.PUBLIC
    )
    commitment = decisions.commitment_create(
        decision=decision, by=st_officer, description_es="Informe nacional",
        parties=[{"kind": "country", "country": crm["countries"]["GT"]}, {"kind": "secretariat"}],
    )  # fmt: skip
    # The decision itself last changed long ago; only progress notes are new.
    Decision.objects.filter(pk=decision.pk).update(updated_at=timezone.now() - dt.timedelta(days=60))
    today = timezone.localdate()
    week = {"period_start": today - dt.timedelta(days=7), "period_end": today}
    gt_party = commitment.parties.get(kind="country")
    decisions.party_update(party=gt_party, by=gt_official, status="in_progress", text="Borrador listo.")
    assert "decision 5" not in bulletins.bulletin_draft(by=st_officer, **week).body_en
    st_party = commitment.parties.get(kind="secretariat")
    decisions.party_update(party=st_party, by=st_officer, status="done", text="Formato enviado.")
    assert "decision 5" in bulletins.bulletin_draft(by=st_officer, **week).body_en
