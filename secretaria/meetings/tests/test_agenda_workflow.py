import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from secretaria.activity.models import Activity
from secretaria.meetings import selectors, services
from secretaria.meetings.agenda_diff import compare_versions
from secretaria.meetings.models import AgendaVersion
from secretaria.meetings.services import AgendaWorkflowError


def version_url(version):
    return reverse("meetings:agenda_version", kwargs={"slug": version.meeting.slug, "pk": version.pk})


def action_url(version, action):
    return reverse("meetings:agenda_action", kwargs={"slug": version.meeting.slug, "pk": version.pk, "action": action})


def test_submitting_sends_the_agenda_to_the_current_ppt_by_email(draft, st_officer, ppt_official, mx_former_ppt):
    mail.outbox.clear()
    services.agenda_submit(version=draft, by=st_officer)
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.SUBMITTED
    assert draft.submitted_by == st_officer and draft.submitted_at is not None
    assert [m.to for m in mail.outbox] == [["ppt_official@example.org"]]  # not the former PPT of Mexico
    assert "Seminario Migración y Salud" in mail.outbox[0].subject
    assert version_url(draft) in mail.outbox[0].body


def test_the_current_ppt_approves_and_the_agenda_is_published(draft, st_officer, ppt_official, observer, client):
    services.agenda_submit(version=draft, by=st_officer)
    assert client.get(version_url(draft)).status_code == 404
    services.agenda_approve(version=draft, by=ppt_official)
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.APPROVED
    assert draft.decided_by == ppt_official and draft.published_at is not None
    page = client.get(draft.meeting.get_absolute_url())
    assert "Migración y VIH/SIDA" in page.content.decode()
    assert "Lilian Reneau" in page.content.decode()
    assert client.get(version_url(draft)).status_code == 200


def test_a_ppt_official_of_another_term_cannot_approve(draft, st_officer, mx_former_ppt, client_for):
    services.agenda_submit(version=draft, by=st_officer)
    with pytest.raises(PermissionDenied):
        services.agenda_approve(version=draft, by=mx_former_ppt)
    response = client_for(mx_former_ppt).post(action_url(draft, "approve"))
    assert response.status_code == 404  # the submitted draft is not even visible to them
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.SUBMITTED


def test_a_member_official_or_the_secretariat_cannot_approve(draft, st_officer, gt_official):
    services.agenda_submit(version=draft, by=st_officer)
    for user in (gt_official, st_officer):
        with pytest.raises(PermissionDenied):
            services.agenda_approve(version=draft, by=user)


def test_the_ppt_returns_the_agenda_with_comments(draft, st_officer, ppt_official, client_for):
    services.agenda_submit(version=draft, by=st_officer)
    mail.outbox.clear()
    ppt = client_for(ppt_official)
    response = ppt.post(action_url(draft, "return"), {"comment": ""}, follow=True)
    assert "Indique qué debe cambiar." in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.SUBMITTED
    ppt.post(action_url(draft, "return"), {"comment": "Añadir una sesión sobre salud mental."})
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.RETURNED
    assert draft.decision_comment == "Añadir una sesión sobre salud mental."
    assert mail.outbox[-1].to == ["st_officer@example.org"]
    page = client_for(st_officer).get(version_url(draft)).content.decode()
    assert "Añadir una sesión sobre salud mental." in page


def awaiting_panel(client) -> str:
    page = client.get(reverse("members:dashboard")).content.decode()
    start = page.index('id="panel-agendas-awaiting"')
    return page[start : page.index("</section>", start)]


def test_the_ppt_approves_through_the_page(draft, st_officer, ppt_official, client_for):
    services.agenda_submit(version=draft, by=st_officer)
    ppt = client_for(ppt_official)
    assert "Seminario Migración y Salud" in awaiting_panel(ppt)
    page = ppt.get(version_url(draft)).content.decode()
    assert action_url(draft, "approve") in page
    ppt.post(action_url(draft, "approve"), {"comment": ""})
    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.APPROVED
    assert "Seminario Migración y Salud" not in awaiting_panel(ppt)


def test_an_observer_cannot_see_unapproved_agendas(draft, st_officer, observer, gt_official, client_for):
    for user in (observer, gt_official):
        c = client_for(user)
        assert c.get(version_url(draft)).status_code == 404
        assert selectors.agenda_versions_visible_to(draft.meeting, user) == []
        assert "Migración y VIH/SIDA" not in c.get(draft.meeting.get_absolute_url()).content.decode()
    export = reverse(
        "meetings:agenda_export", kwargs={"slug": draft.meeting.slug, "pk": draft.pk, "fmt": "pdf", "lang": "es"}
    )
    assert client_for(observer).get(export).status_code == 404
    assert client_for(st_officer).get(export).status_code == 200


def test_the_ppt_sees_drafts(draft, ppt_official, client_for):
    assert client_for(ppt_official).get(version_url(draft)).status_code == 200


def test_sponsors_can_comment_only_when_invited(draft, st_officer, ca_official, hn_official, client_for):
    item = draft.items.first()
    with pytest.raises(PermissionDenied):
        services.agenda_comment_add(version=draft, by=ca_official, body="Proponemos otro ponente.", item=item)
    assert client_for(ca_official).get(version_url(draft)).status_code == 404

    mail.outbox.clear()
    services.agenda_open_for_comment(version=draft, by=st_officer)
    assert ["ca_official@example.org"] in [m.to for m in mail.outbox]

    comment = services.agenda_comment_add(version=draft, by=ca_official, body="Proponemos otro ponente.", item=item)
    assert comment.item == item
    # Honduras does not sponsor the seminar.
    with pytest.raises(PermissionDenied):
        services.agenda_comment_add(version=draft, by=hn_official, body="¿Y nosotros?")

    page = client_for(ca_official).get(version_url(draft)).content.decode()
    assert "Proponemos otro ponente." in page
    response = client_for(ca_official).post(
        reverse("meetings:agenda_comment", kwargs={"slug": draft.meeting.slug, "pk": draft.pk}),
        {"body": "Y una sesión de preguntas.", "item": item.pk},
    )
    assert response.status_code == 302
    assert draft.comments.count() == 2


def test_comments_are_threaded_and_resolved_by_the_secretariat(draft, st_officer, ca_official):
    services.agenda_open_for_comment(version=draft, by=st_officer)
    item = draft.items.last()
    question = services.agenda_comment_add(version=draft, by=ca_official, body="¿Quién modera?", item=item)
    reply = services.agenda_comment_add(version=draft, by=st_officer, body="El coordinador de la ST.", parent=question)
    assert reply.item == item and reply.parent == question
    with pytest.raises(PermissionDenied):
        services.agenda_comment_resolve(comment=question, by=ca_official)
    services.agenda_comment_resolve(comment=question, by=st_officer)
    threads = selectors.comment_threads(AgendaVersion.objects.get(pk=draft.pk))
    assert [c.body for c in threads[item.pk]] == ["¿Quién modera?"]
    assert [r.body for r in threads[item.pk][0].thread] == ["El coordinador de la ST."]
    assert threads[item.pk][0].resolved_by == st_officer


def test_sponsors_cannot_comment_once_submitted(draft, st_officer, ca_official):
    services.agenda_open_for_comment(version=draft, by=st_officer)
    services.agenda_submit(version=draft, by=st_officer)
    with pytest.raises(PermissionDenied):
        services.agenda_comment_add(version=draft, by=ca_official, body="Tarde.")


def test_an_edit_after_approval_starts_a_new_draft(draft, st_officer, ppt_official, speaker):
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    with pytest.raises(AgendaWorkflowError):
        services.agenda_item_save(version=draft, by=st_officer, item=draft.items.first(), title_es="Cambio")
    new = services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    assert new.pk != draft.pk and new.number == 2 and new.based_on == draft and new.state == "draft"
    assert [i.title_es for i in new.items.all()] == ["Inauguración", "Migración y VIH/SIDA"]
    assert list(new.items.last().speakers.all()) == [speaker]
    services.agenda_item_save(version=new, by=st_officer, item=new.items.first(), title_es="Inauguración oficial")
    assert draft.items.first().title_es == "Inauguración"  # the approved version is kept as it was
    assert services.agenda_start_draft(meeting=draft.meeting, by=st_officer) == new  # one draft at a time
    # The public still sees the approved version until the new one is approved.
    assert selectors.published_agenda(draft.meeting).pk == draft.pk


def test_a_returned_agenda_is_revised_in_a_new_version(draft, st_officer, ppt_official):
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_return(version=draft, by=ppt_official, comment="Falta el cierre.")
    new = services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    assert new.number == 2 and new.items.count() == 2


def test_a_submitted_agenda_cannot_be_edited(draft, st_officer):
    services.agenda_submit(version=draft, by=st_officer)
    with pytest.raises(AgendaWorkflowError):
        services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    with pytest.raises(AgendaWorkflowError):
        services.agenda_item_delete(item=draft.items.first(), by=st_officer)


def test_an_empty_agenda_cannot_be_submitted(seminar, st_officer):
    version = services.agenda_start_draft(meeting=seminar, by=st_officer)
    with pytest.raises(AgendaWorkflowError):
        services.agenda_submit(version=version, by=st_officer)


def test_the_annotated_agenda_starts_from_the_approved_preliminary(draft, st_officer, ppt_official, client):
    with pytest.raises(AgendaWorkflowError):
        services.agenda_start_draft(meeting=draft.meeting, kind="annotated", by=st_officer)
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    annotated = services.agenda_start_draft(meeting=draft.meeting, kind="annotated", by=st_officer)
    assert annotated.number == 1 and annotated.based_on == draft and annotated.items.count() == 2
    item = annotated.items.last()
    services.agenda_item_save(
        version=annotated, by=st_officer, item=item,
        description_es="La OIM presenta los resultados del estudio regional.",
    )  # fmt: skip
    services.agenda_submit(version=annotated, by=st_officer)
    services.agenda_approve(version=annotated, by=ppt_official)
    assert selectors.published_agenda(draft.meeting).pk == annotated.pk
    assert "La OIM presenta los resultados" in client.get(draft.meeting.get_absolute_url()).content.decode()


def test_every_step_goes_on_the_activity_record(draft, st_officer, ppt_official):
    services.agenda_open_for_comment(version=draft, by=st_officer)
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    kinds = list(
        Activity.objects.filter(meeting=draft.meeting)
        .order_by("occurred_at", "pk")
        .values_list("kind", "actor__username")
    )
    assert kinds == [
        ("meeting_created", "st_officer"),
        ("agenda_drafted", "st_officer"),
        ("agenda_sent_for_comment", "st_officer"),
        ("agenda_submitted", "st_officer"),
        ("agenda_approved", "ppt_official"),
        ("agenda_published", "ppt_official"),
    ]
    approved = Activity.objects.get(kind="agenda_approved")
    assert approved.obj == draft
    assert "agenda preliminar v1 aprobada" in approved.summary_es


def test_the_comparison_shows_what_changed(draft, st_officer, ppt_official, speaker, client_for):
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    new = services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    first, second = new.items.all()
    services.agenda_item_save(version=new, by=st_officer, item=first, title_es="Inauguración oficial",
                              end_time=datetime.time(9, 15))  # fmt: skip
    services.agenda_item_delete(item=second, by=st_officer)
    services.agenda_item_save(version=new, by=st_officer, title_es="Clausura", day=draft.meeting.end_date)
    rows = compare_versions(draft, new, "es")
    changed = [r for r in rows if r.tag != "equal"]
    assert changed[0].tag == "replace"
    assert "09:<del>00</del>" in changed[0].left and "09:<ins>15</ins>" in changed[0].right
    assert "<ins> oficial</ins>" in changed[0].right
    assert [r.tag for r in changed[1:]] == ["delete", "insert"]
    assert "VIH/SIDA" in changed[1].left and changed[1].left.startswith("<del>")
    assert "Clausura" in changed[2].right and changed[2].right.startswith("<ins>")

    url = reverse("meetings:agenda_compare", kwargs={"slug": draft.meeting.slug})
    page = client_for(st_officer).get(url, {"a": draft.pk, "b": new.pk, "lang": "es"}).content.decode()
    assert "<ins> oficial</ins>" in page and "<del>" in page


def test_the_comparison_refuses_versions_the_user_cannot_see(draft, st_officer, ppt_official, client):
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    new = services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    url = reverse("meetings:agenda_compare", kwargs={"slug": draft.meeting.slug})
    page = client.get(url, {"a": draft.pk, "b": new.pk}).content.decode()
    assert "<ins>" not in page and "Inauguración" not in page
    assert client.get(url, {"a": "x", "b": "y"}).status_code == 200


def test_the_secretariat_edits_items_through_the_pages(seminar, st_officer, speaker, client_for):
    st = client_for(st_officer)
    response = st.post(reverse("meetings:agenda_start", kwargs={"slug": seminar.slug}), {"kind": "preliminary"})
    version = AgendaVersion.objects.get(meeting=seminar)
    assert response.url == version_url(version)
    add = reverse("meetings:agenda_item_add", kwargs={"slug": seminar.slug, "pk": version.pk})
    bad = st.post(add, {"title_es": "", "start_time": "10:00", "end_time": "09:00"})
    assert bad.status_code == 200 and version.items.count() == 0
    st.post(add, {"title_es": "Migración y salud mental", "title_en": "Migration and mental health",
                  "day": seminar.start_date.isoformat(), "start_time": "11:00", "end_time": "12:00",
                  "speakers": [speaker.pk]})  # fmt: skip
    item = version.items.get()
    assert item.title_en == "Migration and mental health" and list(item.speakers.all()) == [speaker]
    page = st.get(version_url(version)).content.decode()
    assert "Migración y salud mental" in page


def test_others_cannot_edit_items(draft, gt_official, ppt_official, client_for):
    add = reverse("meetings:agenda_item_add", kwargs={"slug": draft.meeting.slug, "pk": draft.pk})
    assert client_for(gt_official).post(add, {"title_es": "X"}).status_code == 404
    assert client_for(ppt_official).post(add, {"title_es": "X"}).status_code == 403
    assert draft.items.count() == 2


def test_a_sponsor_who_may_not_see_the_meeting_is_not_told_of_it(draft, st_officer, ca_official, crm):
    from secretaria.core.access import AccessLevel

    meeting = draft.meeting
    meeting.access_level, meeting.access_group = AccessLevel.GROUP, crm["groups"]["grcm"]
    meeting.save(update_fields=["access_level", "access_group"])
    mail.outbox.clear()
    services.agenda_open_for_comment(version=draft, by=st_officer)
    assert ["ca_official@example.org"] not in [m.to for m in mail.outbox]
