import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.core.models import AuditEvent
from secretaria.decisions import services
from secretaria.decisions.models import PartyStatus, ProgressNote


def test_an_official_of_honduras_cannot_change_guatemalas_status(parties, hn_official):
    guatemala = parties["GT"]
    assert not access.can(hn_official, "decisions.update_party", guatemala)
    with pytest.raises(PermissionDenied):
        services.party_update(party=guatemala, by=hn_official, status=PartyStatus.DONE)
    guatemala.refresh_from_db()
    assert guatemala.status == PartyStatus.PENDING
    assert not ProgressNote.objects.filter(party=guatemala).exists()


def test_an_official_of_honduras_gets_403_on_guatemalas_update_page(parties, hn_official, client_for):
    c = client_for(hn_official)
    url = reverse("decisions:party_update", args=[parties["GT"].pk])
    assert c.get(url).status_code == 403
    assert c.post(url, {"status": "done", "on": "2004-08-01"}).status_code == 403
    parties["GT"].refresh_from_db()
    assert parties["GT"].status == PartyStatus.PENDING


def test_an_official_updates_their_own_country_and_the_log_says_who_and_when(parties, gt_official):
    note = services.party_update(
        party=parties["GT"], by=gt_official, status=PartyStatus.IN_PROGRESS, text="Agenda en preparación"
    )
    parties["GT"].refresh_from_db()
    assert parties["GT"].status == PartyStatus.IN_PROGRESS
    assert note.author == gt_official and note.author_name
    assert (note.status_from, note.status_to) == ("pending", "in_progress")
    assert note.recorded_at is not None
    assert AuditEvent.objects.filter(kind="commitment_status_changed", actor=gt_official).exists()


def test_an_official_cannot_update_the_secretariats_part(parties, gt_official):
    assert not access.can(gt_official, "decisions.update_party", parties["st"])


def test_the_secretariat_updates_any_party(parties, st_officer):
    for party in parties.values():
        assert access.can(st_officer, "decisions.update_party", party)
    services.party_update(party=parties["HN"], by=st_officer, status=PartyStatus.NOT_APPLICABLE, text="No aplica")
    parties["HN"].refresh_from_db()
    assert parties["HN"].status == PartyStatus.NOT_APPLICABLE


def test_an_observer_sees_only_public_decisions(decision, ix_crm, st_officer, observer, client_for):
    members_only = services.decision_create(
        meeting=ix_crm,
        number=4,
        text_es="Asunto reservado a los países miembros.",
        access_level=AccessLevel.MEMBERS,
        by=st_officer,
    )
    c = client_for(observer)
    assert c.get(reverse("decisions:detail", args=[decision.pk])).status_code == 200
    assert c.get(reverse("decisions:detail", args=[members_only.pk])).status_code == 404
    page = c.get(reverse("decisions:matrix")).content.decode()
    assert reverse("decisions:detail", args=[decision.pk]) in page
    assert reverse("decisions:detail", args=[members_only.pk]) not in page


def test_an_observer_does_not_see_country_statuses_unless_made_public(
    parties, decision, observer, client_for, st_officer
):
    c = client_for(observer)
    url = reverse("decisions:detail", args=[decision.pk])
    assert f'id="party-{parties["GT"].pk}"' not in c.get(url).content.decode()
    services.decision_update(decision=decision, by=st_officer, country_detail_public=True)
    assert f'id="party-{parties["GT"].pk}"' in c.get(url).content.decode()


def test_a_member_official_cannot_manage_decisions(gt_official, ix_crm):
    with pytest.raises(PermissionDenied):
        services.decision_create(meeting=ix_crm, number=1, text_es="x", by=gt_official)


def test_the_ppt_official_updates_the_presidencys_part(commitment, ppt_official, st_officer, gt_official):
    ppt = services.party_add(commitment=commitment, by=st_officer, kind="ppt")
    assert access.can(ppt_official, "decisions.update_party", ppt)
    assert not access.can(gt_official, "decisions.update_party", ppt)
