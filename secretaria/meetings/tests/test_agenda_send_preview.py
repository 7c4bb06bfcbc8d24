"""Before the agenda goes to the Pro-Tempore Presidency or to the sponsors, the Secretariat sees who
is told, how many they are and the e-mail one of them reads; nothing is sent until it confirms."""

from django.core import mail
from django.urls import reverse

from secretaria.meetings import services
from secretaria.meetings.models import AgendaVersion


def preview_url(version, action):
    return reverse("meetings:agenda_send_preview",
                   kwargs={"slug": version.meeting.slug, "pk": version.pk, "action": action})  # fmt: skip


def test_the_draft_offers_a_check_before_submitting_not_a_direct_send(draft, st_officer, client_for):
    page = (
        client_for(st_officer)
        .get(reverse("meetings:agenda_version", kwargs={"slug": draft.meeting.slug, "pk": draft.pk}))
        .content.decode()
    )
    assert preview_url(draft, "submit") in page
    assert reverse("meetings:agenda_action", kwargs={"slug": draft.meeting.slug, "pk": draft.pk,
                                                     "action": "submit"}) not in page  # fmt: skip


def test_the_check_shows_the_ppt_recipients_and_their_email_and_sends_nothing(
    draft, st_officer, ppt_official, mx_former_ppt, client_for
):
    mail.outbox.clear()
    page = client_for(st_officer).get(preview_url(draft, "submit")).content.decode()
    assert "1 persona recibirá un aviso por correo electrónico" in page
    assert "ppt_official@example.org" in page and "mx_ppt@example.org" not in page
    assert "Agenda pendiente de su aprobación: Seminario Migración y Salud" in page
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.DRAFT and mail.outbox == []

    confirm = reverse("meetings:agenda_action", kwargs={"slug": draft.meeting.slug, "pk": draft.pk,
                                                        "action": "submit"})  # fmt: skip
    assert f'action="{confirm}"' in page
    client_for(st_officer).post(confirm)
    assert [m.to for m in mail.outbox] == [["ppt_official@example.org"]]


def test_the_check_says_when_nobody_will_be_told(draft, st_officer, client_for):
    page = client_for(st_officer).get(preview_url(draft, "submit")).content.decode()
    assert "Nadie recibirá un aviso por correo electrónico" in page


def test_the_sponsors_check_names_the_sponsors_officials(draft, st_officer, ca_official, client_for):
    page = client_for(st_officer).get(preview_url(draft, "open_comments")).content.decode()
    assert "ca_official@example.org" in page and "Agenda para sus comentarios" in page


def test_only_the_secretariat_checks(draft, gt_official, client_for):
    assert client_for(gt_official).get(preview_url(draft, "submit")).status_code == 404


def test_the_ppt_checks_what_approving_means_before_approving(draft, client_for, st_officer, ppt_official, gt_official):
    services.agenda_submit(version=draft, by=st_officer)
    check = reverse("meetings:agenda_send_preview", args=[draft.meeting.slug, draft.pk, "approve"])
    ppt = client_for(ppt_official)
    page = ppt.post(check, {"comment": "Sin cambios."}).content.decode()
    assert "Aprobar y publicar" in page and "Aprobar publica esta versión" in page and "Sin cambios." in page
    assert st_officer.email in page  # the submitter is told
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.SUBMITTED  # nothing decided yet
    assert client_for(gt_official).post(check).status_code == 404  # a submitted draft is not theirs to see
    approve = reverse("meetings:agenda_action", args=[draft.meeting.slug, draft.pk, "approve"])
    assert ppt.post(approve, {"comment": "Sin cambios."}).status_code == 302
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.APPROVED and draft.decision_comment == "Sin cambios."
