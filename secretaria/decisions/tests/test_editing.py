from django.urls import reverse

from secretaria.core.models import AuditEvent
from secretaria.decisions.models import Commitment


def test_the_secretariat_adds_a_commitment_with_its_parties(decision, st_officer, crm, client_for, search_calls):
    c = client_for(st_officer)
    url = reverse("decisions:commitment_add", args=[decision.pk])
    response = c.post(
        url,
        {
            "description_es": "Enviar los nombres de los ponentes.",
            "due_date": "2004-09-15",
            "countries": [crm["countries"]["MX"].pk, crm["countries"]["CA"].pk],
            "secretariat": "on",
        },
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get(decision=decision)
    assert sorted(p.key for p in commitment.parties.select_related("country")) == ["CA", "MX", "st"]


def test_a_commitment_without_party_or_with_two_deadlines_is_refused(decision, ix_crm, st_officer, client_for):
    c = client_for(st_officer)
    url = reverse("decisions:commitment_add", args=[decision.pk])
    response = c.post(url, {"description_es": "Algo", "due_date": "2004-09-15", "due_before_meeting": ix_crm.pk})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Commitment.objects.exists()


def test_the_secretariat_makes_the_country_detail_public_and_it_is_audited(
    decision, st_officer, client_for, search_calls
):
    c = client_for(st_officer)
    url = reverse("decisions:edit", args=[decision.pk])
    data = {
        "text_es": decision.text_es,
        "text_en": decision.text_en,
        "theme": decision.theme_id,
        "kind": decision.kind,
        "access_level": "members",
        "country_detail_public": "on",
    }
    assert c.post(url, data).status_code == 302
    decision.refresh_from_db()
    assert decision.country_detail_public and decision.access_level == "members"
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCESS_CHANGED).exists()
    assert ("index", "decision", decision.pk) in search_calls


def test_members_cannot_edit_decisions(decision, gt_official, client_for):
    c = client_for(gt_official)
    assert c.get(reverse("decisions:edit", args=[decision.pk])).status_code == 403
    assert c.get(reverse("decisions:commitment_add", args=[decision.pk])).status_code == 403
