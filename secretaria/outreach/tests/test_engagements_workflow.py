import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from secretaria.outreach.models import Engagement
from secretaria.outreach.selectors.report import outreach_for_period
from secretaria.outreach.services import engagements as services

pytestmark = pytest.mark.django_db


def test_an_invitation_is_sent_to_the_current_ppt_for_approval(crm, st_officer, ppt_official, former_ppt):
    engagement = services.engagement_create(
        by=st_officer,
        kind="panel",
        title_es="Foro Mundial",
        summary_es="Foro Mundial, Barcelona",
        start_date=datetime.date(2004, 9, 20),
        place="Barcelona",
    )
    assert engagement.status == Engagement.Status.REQUESTED
    recipients = [m.to for m in mail.outbox]
    assert [ppt_official.email] in recipients
    assert [former_ppt.email] not in recipients
    assert "Foro Mundial" in mail.outbox[0].subject


def test_the_current_ppt_approves_with_a_comment_and_the_secretariat_is_told(event, ppt_official, st_officer):
    mail.outbox.clear()
    services.engagement_approve(engagement=event, by=ppt_official, comment="Adelante")
    event.refresh_from_db()
    assert event.status == Engagement.Status.APPROVED
    assert event.decided_by == ppt_official and event.decision_comment == "Adelante"
    assert mail.outbox[0].to == [st_officer.email]
    services.engagement_close(engagement=event, by=st_officer, to="attended")
    event.refresh_from_db()
    assert event.status == Engagement.Status.ATTENDED and event.approved_by_ppt


def test_a_decline_needs_a_reason(event, ppt_official):
    with pytest.raises(ValidationError):
        services.engagement_decline(engagement=event, by=ppt_official, comment="  ")
    services.engagement_decline(engagement=event, by=ppt_official, comment="No es oportuno")
    event.refresh_from_db()
    assert event.status == Engagement.Status.DECLINED


@pytest.mark.parametrize("who", ["st_officer", "gt_official", "former_ppt", "observer"])
def test_nobody_but_the_current_ppt_may_decide_and_nothing_changes(event, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied, match="Presidencia Pro-Témpore"):
        services.engagement_approve(engagement=event, by=user)
    event.refresh_from_db()
    assert event.status == Engagement.Status.REQUESTED and event.decided_at is None


def test_an_engagement_cannot_be_attended_before_the_ppt_approves(event, st_officer):
    with pytest.raises(ValidationError, match="aún no ha aprobado"):
        services.engagement_close(engagement=event, by=st_officer, to="attended")


def test_an_informal_meeting_needs_no_approval(informal, st_officer):
    assert informal.status == Engagement.Status.PLANNED
    services.engagement_close(engagement=informal, by=st_officer, to="attended")


def test_invalid_dates_are_refused_and_nothing_is_saved(crm, st_officer):
    with pytest.raises(ValidationError) as exc:
        services.engagement_create(by=st_officer, kind="meeting", title_es="X", summary_es="X",
                                   start_date=datetime.date(2004, 8, 10), end_date=datetime.date(2004, 8, 1))  # fmt: skip
    assert "end_date" in exc.value.message_dict
    assert not Engagement.objects.exists()


def test_an_unknown_kind_is_refused(crm, st_officer):
    with pytest.raises(ValidationError):
        services.engagement_create(by=st_officer, kind="party", title_es="X", summary_es="X",
                                   start_date=datetime.date(2004, 8, 10))  # fmt: skip
    assert not Engagement.objects.exists()


def test_only_the_secretariat_records_outreach(crm, gt_official):
    with pytest.raises(PermissionDenied):
        services.engagement_create(by=gt_official, kind="meeting", title_es="X", summary_es="X",
                                   start_date=datetime.date(2004, 8, 10))  # fmt: skip


def test_mission_costs_use_the_contracted_services_funders(crm, st_officer):
    mission = services.engagement_create(by=st_officer, kind="mission", title_es="Visita a Panamá",
                                         summary_es="Visita a Panamá", start_date=datetime.date(2004, 11, 3),
                                         notify=False)  # fmt: skip
    cost = services.mission_cost_add(engagement=mission, by=st_officer, kind="travel", amount="450.00",
                                     currency="USD", funder="iom")  # fmt: skip
    assert str(cost.amount_usd) == "450.00" and cost.funder_label == "OIM"
    with pytest.raises(ValidationError):
        services.mission_cost_add(engagement=mission, by=st_officer, kind="travel", amount="10", currency="USD",
                                  funder="sponsor_country")  # fmt: skip
    assert mission.costs.count() == 1


def test_material_goes_draft_reviewed_published_and_needs_its_document(crm, st_officer, paper):
    material = services.material_create(by=st_officer, kind="poster", title_es="Afiche de la CRM",
                                        summary_es="Borrador de afiche", date=datetime.date(2004, 11, 1),
                                        campaign="Promoción de la CRM 2004")  # fmt: skip
    services.material_advance(material=material, by=st_officer)
    material.refresh_from_db()
    assert material.status == "reviewed" and material.reviewed_by == st_officer
    with pytest.raises(ValidationError):
        services.material_advance(material=material, by=st_officer)
    material.document = paper
    material.save()
    services.material_advance(material=material, by=st_officer)
    material.refresh_from_db()
    assert material.status == "published"


def test_the_report_counts_only_published_material(crm, st_officer, paper):
    period = (datetime.date(2004, 5, 1), datetime.date(2004, 11, 30))
    draft = services.material_create(by=st_officer, kind="brochure", title_es="Folleto", summary_es="Folleto en borrador",
                                     date=datetime.date(2004, 10, 1), campaign="Promoción")  # fmt: skip
    services.material_advance(material=draft, by=st_officer)  # reviewed, still not published
    published = services.material_create(by=st_officer, kind="poster", title_es="Afiche", summary_es="Afiche publicado",
                                         date=datetime.date(2004, 10, 2), campaign="Promoción", document=paper)  # fmt: skip
    (material,) = [g for g in outreach_for_period(*period) if g.key == "material"]
    assert material.count == 0
    services.material_advance(material=published, by=st_officer)
    services.material_advance(material=published, by=st_officer)
    (material,) = [g for g in outreach_for_period(*period) if g.key == "material"]
    assert material.count == 1 and [i.summary_es for i in material.items] == ["Afiche publicado"]
