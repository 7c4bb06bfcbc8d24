import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from secretaria.outreach.models import Engagement, Material
from secretaria.outreach.services import engagements as services

pytestmark = pytest.mark.django_db


def test_the_list_and_the_calendar_show_what_members_may_see(event, informal, client_for, gt_official):
    services.engagement_update(engagement=informal, by=None, access_level="secretariat")
    page = client_for(gt_official).get(reverse("outreach:index"))
    assert page.status_code == 200
    assert (
        "Presentación en el IIDH" in page.content.decode() and "Reunión informal con ACNUR" not in page.content.decode()
    )
    calendar = client_for(gt_official).get(reverse("outreach:index") + "?view=calendar")
    assert "julio 2004" in calendar.content.decode().lower()


def test_filters_by_kind_country_and_period(event, informal, client_for, st_officer):
    c = client_for(st_officer)
    body = c.get(reverse("outreach:index") + "?kind=informal").content.decode()
    assert "Reunión informal con ACNUR" in body and "Presentación en el IIDH" not in body
    body = c.get(reverse("outreach:index") + "?country=CR").content.decode()
    assert "Presentación en el IIDH" in body and "Reunión informal con ACNUR" not in body
    body = c.get(reverse("outreach:index") + "?from=2004-08-01&until=2004-08-31").content.decode()
    assert "Reunión informal con ACNUR" in body and "Presentación en el IIDH" not in body


def test_bad_filters_are_explained_not_a_server_error(event, client_for, st_officer):
    page = client_for(st_officer).get(reverse("outreach:index") + "?from=2004-13-45&kind=party&until=x")
    assert page.status_code == 200
    assert "AAAA-MM-DD" in page.content.decode() or "YYYY-MM-DD" in page.content.decode()


def test_the_ppt_approves_on_the_engagement_page(event, client_for, ppt_official):
    c = client_for(ppt_official)
    page = c.get(reverse("outreach:detail", args=[event.pk]))
    assert "Aprobar" in page.content.decode()
    c.post(reverse("outreach:decide", args=[event.pk]), {"decision": "approve", "comment": "De acuerdo"})
    event.refresh_from_db()
    assert event.status == Engagement.Status.APPROVED


def test_a_member_official_who_posts_a_decision_changes_nothing(event, client_for, gt_official):
    response = client_for(gt_official).post(reverse("outreach:decide", args=[event.pk]), {"decision": "approve"},
                                            follow=True)  # fmt: skip
    event.refresh_from_db()
    assert event.status == Engagement.Status.REQUESTED
    assert response.status_code in (403, 404) or "Presidencia Pro-Témpore" in response.content.decode()


def test_the_ppt_dashboard_lists_pending_approvals(event, client_for, ppt_official, gt_official):
    body = client_for(ppt_official).get(reverse("members:dashboard")).content.decode()
    assert "Presentación en el IIDH" in body
    assert "Presentación en el IIDH" not in client_for(gt_official).get(reverse("members:dashboard")).content.decode()


def test_the_secretariat_records_an_engagement_through_the_form(crm, client_for, st_officer):
    c = client_for(st_officer)
    response = c.post(reverse("outreach:create"), {
        "kind": "panel", "title_es": "Panel en la OEA", "summary_es": "Panel en la OEA", "start_date": "2004-10-14",
        "access_level": "members", "needs_approval": "on",
    })  # fmt: skip
    engagement = Engagement.objects.get()
    assert response.status_code == 302 and engagement.status == Engagement.Status.REQUESTED


def test_the_form_refuses_an_unknown_organisation_and_bad_dates_saving_nothing(crm, client_for, st_officer):
    response = client_for(st_officer).post(reverse("outreach:create"), {
        "kind": "panel", "title_es": "X", "summary_es": "X", "start_date": "2004-10-14", "end_date": "2004-10-01",
        "organization": "999999", "access_level": "members",
    })  # fmt: skip
    assert response.status_code == 400
    assert not Engagement.objects.exists()
    assert "organization" in response.context["form"].errors and "end_date" in response.context["form"].errors


def test_members_cannot_open_the_form(crm, client_for, gt_official):
    assert client_for(gt_official).get(reverse("outreach:create")).status_code == 403


def test_exports_carry_no_confidential_note(event, informal, client_for, st_officer):
    c = client_for(st_officer)
    csv = c.get(reverse("outreach:export", args=["csv"])).content.decode("utf-8-sig")
    assert "Presentación en el IIDH" in csv and "SECRETO" not in csv
    xlsx = c.get(reverse("outreach:export", args=["xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Presentación en el IIDH" in values and not any("SECRETO" in str(v) for v in values)


def test_the_confidential_notes_show_to_the_secretariat_only(informal, client_for, st_officer, gt_official):
    url = reverse("outreach:detail", args=[informal.pk])
    assert "SECRETO-NOTA" in client_for(st_officer).get(url).content.decode()
    assert "SECRETO-NOTA" not in client_for(gt_official).get(url).content.decode()


def test_the_api_lists_with_count_and_results_and_refuses_a_reversed_period(event, informal, client_for, st_officer):
    c = client_for(st_officer)
    data = c.get("/api/v1/outreach/engagements?kind=presentation").json()
    assert data["count"] == 1 and data["results"][0]["title_es"] == "Presentación en el IIDH"
    assert "confidential_notes" not in data["results"][0]
    bad = c.get("/api/v1/outreach/engagements?start=2004-09-01&end=2004-08-01")
    assert bad.status_code == 422 and "detail" in bad.json()
    assert c.get("/api/v1/outreach/engagements?start=2004-02-31").status_code == 422


def test_the_api_approval_by_someone_not_the_ppt_is_a_403(event, client_for, gt_official, ppt_official):
    url = f"/api/v1/outreach/engagements/{event.pk}/approve"
    refused = client_for(gt_official).post(url, {"comment": ""}, content_type="application/json")
    assert refused.status_code in (403, 404) and "detail" in refused.json()
    done = client_for(ppt_official).post(url, {"comment": "Sí"}, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "approved"


def test_engagements_are_in_the_site_search_for_those_allowed(event, ppt_official, client_for, gt_official, observer):
    services.engagement_approve(engagement=event, by=ppt_official, notify=False)
    assert (
        "Presentación en el IIDH" in client_for(gt_official).get(reverse("search:search") + "?q=IIDH").content.decode()
    )
    assert (
        "Presentación en el IIDH" not in client_for(observer).get(reverse("search:search") + "?q=IIDH").content.decode()
    )


def test_dates_are_kept(event):
    assert event.start_date == datetime.date(2004, 7, 15)


def test_the_admin_edits_deliverables_follow_ups_and_costs_inline(event, client_for, admin_user):
    page = client_for(admin_user).get(reverse("admin:outreach_engagement_change", args=[event.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "followup_set" in body or "follow_ups" in body


def test_the_list_makes_a_constant_number_of_queries(event, crm, st_officer, client_for, count_queries):
    c = client_for(st_officer)
    url = reverse("outreach:index")
    few = count_queries(lambda: c.get(url))
    for n in range(5):
        services.engagement_create(by=st_officer, kind="meeting", title_es=f"Reunión {n}", summary_es="R",
                                   start_date=datetime.date(2004, 8, 1 + n), secretariat_people=[st_officer.person],
                                   notify=False)  # fmt: skip
    assert count_queries(lambda: c.get(url)) == few
    assert count_queries(lambda: c.get(url + "?view=calendar")) == few


def test_the_secretariat_records_outcomes_and_mission_costs_on_the_page(event, crm, client_for, st_officer):
    c = client_for(st_officer)
    c.post(
        reverse("outreach:follow_up_add", args=[event.pk]),
        {"fu-kind": "outcome", "fu-text_es": "Acuerdo de colaboración"},
    )
    assert event.follow_ups.get().text_es == "Acuerdo de colaboración"
    mission = services.engagement_create(by=st_officer, kind="mission", title_es="Visita a Panamá", summary_es="V",
                                         start_date=datetime.date(2004, 11, 3), notify=False)  # fmt: skip
    assert "Registrar un gasto" in c.get(reverse("outreach:detail", args=[mission.pk])).content.decode()
    c.post(reverse("outreach:cost_add", args=[mission.pk]), {"cost-kind": "travel", "cost-amount": "412.00",
           "cost-currency": "USD", "cost-usd_rate": "1", "cost-funder": "secretariat"})  # fmt: skip
    assert str(mission.costs.get().amount) == "412.00"
    refused = c.post(reverse("outreach:cost_add", args=[mission.pk]), {"cost-kind": "travel", "cost-amount": "-5",
                     "cost-currency": "USD", "cost-usd_rate": "1", "cost-funder": "secretariat"}, follow=True)  # fmt: skip
    assert refused.status_code == 200 and mission.costs.count() == 1


def test_the_secretariat_records_material_from_the_site_and_it_goes_through_review(
    event, paper, client_for, st_officer, gt_official
):
    c = client_for(st_officer)
    detail = c.get(reverse("outreach:detail", args=[event.pk])).content.decode()
    new_url = reverse("outreach:material_new") + f"?engagement={event.pk}"
    assert new_url in detail
    assert c.get(new_url).status_code == 200
    # Neither an engagement nor a campaign: refused, nothing saved.
    fields = {"kind": "poster", "title_es": "Afiche de la CRM", "title_en": "RCM poster",
              "summary_es": "Afiche para el IIDH", "summary_en": "Poster for the IIHR", "date": "2004-07-10",
              "access_level": "public"}  # fmt: skip
    refused = c.post(reverse("outreach:material_new"), fields)
    assert refused.status_code == 400 and not Material.objects.exists()
    assert "Link the material to an engagement" in refused.content.decode() or "Vincule" in refused.content.decode()
    response = c.post(reverse("outreach:material_new"), {**fields, "engagement": event.pk})
    material = Material.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("outreach:material", args=[material.pk])
    assert material.status == "draft" and material.engagement == event
    # A draft is the Secretariat's: members do not see it, nor may they create material.
    assert client_for(gt_official).get(reverse("outreach:material", args=[material.pk])).status_code == 404
    assert client_for(gt_official).get(reverse("outreach:material_new")).status_code == 403
    assert (
        client_for(gt_official).post(reverse("outreach:material_new"), {**fields, "campaign": "X"}).status_code == 403
    )
    # Review, then publish: publishing needs the document, attached by editing the piece.
    c.post(reverse("outreach:material_advance", args=[material.pk]))
    c.post(reverse("outreach:material_advance", args=[material.pk]))
    material.refresh_from_db()
    assert material.status == "reviewed"
    page = c.get(reverse("outreach:material", args=[material.pk])).content.decode()
    assert reverse("outreach:material_edit", args=[material.pk]) in page
    c.post(
        reverse("outreach:material_edit", args=[material.pk]), {**fields, "engagement": event.pk, "document": paper.pk}
    )
    c.post(reverse("outreach:material_advance", args=[material.pk]))
    material.refresh_from_db()
    assert material.status == "published" and material.document == paper
    assert client_for(gt_official).get(reverse("outreach:material", args=[material.pk])).status_code == 200
    assert (
        "Afiche de la CRM" in client_for(gt_official).get(reverse("outreach:detail", args=[event.pk])).content.decode()
    )
