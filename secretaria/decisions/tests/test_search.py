from django.utils import translation

from secretaria.core.access import AccessLevel
from secretaria.decisions import services
from secretaria.search.registry import get_source


def test_creating_and_editing_a_decision_refreshes_the_index(ix_crm, st_officer, search_calls):
    decision = services.decision_create(meeting=ix_crm, number=7, text_es="Texto", by=st_officer)
    services.decision_update(decision=decision, by=st_officer, access_level=AccessLevel.PUBLIC)
    assert search_calls == [("index", "decision", decision.pk), ("index", "decision", decision.pk)]


def test_the_search_entry_carries_the_access_level_and_both_languages(decision):
    entry = get_source("decision").entry_for(decision)
    assert entry.access_level == AccessLevel.PUBLIC
    assert entry.title_es.endswith("decision 3, paragraph b") or "3" in entry.title_es
    assert "migración y salud" in entry.body_es and "migration and health" in entry.body_en
    assert entry.meeting_id == decision.meeting_id and entry.year == 2004
    with translation.override("en"):
        assert get_source("decision").url_for(decision.pk, "en").startswith("/en/")


def test_the_access_change_is_audited(decision, st_officer):
    from secretaria.core.models import AuditEvent

    services.decision_update(decision=decision, by=st_officer, access_level=AccessLevel.MEMBERS)
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCESS_CHANGED).exists()


def test_the_kind_facet_has_a_readable_label():
    assert get_source("decision").facet_label("status", "operational", "en") == "Operational (something must be done)"
    assert get_source("decision").facet_label("doc_type", "x", "en") is None


def test_the_site_search_finds_decisions_with_the_same_access_filtering(
    monkeypatch, ix_crm, st_officer, observer, gt_official
):
    monkeypatch.undo()  # the real index, not the recorder
    from secretaria.search.selectors import search

    public = services.decision_create(
        meeting=ix_crm,
        number=20,
        text_es="Seminario sobre migración y salud",
        access_level=AccessLevel.PUBLIC,
        by=st_officer,
    )
    members = services.decision_create(
        meeting=ix_crm,
        number=21,
        text_es="Protocolo del fondo de reserva",
        access_level=AccessLevel.MEMBERS,
        by=st_officer,
    )
    found = {hit.object_id for hit in search(user=observer, q="seminario").hits if hit.kind == "decision"}
    assert found == {public.pk}
    assert not [hit for hit in search(user=observer, q="protocolo").hits if hit.kind == "decision"]
    hits = [hit for hit in search(user=gt_official, q="protocolo").hits if hit.kind == "decision"]
    assert [hit.object_id for hit in hits] == [members.pk]
    assert hits[0].url.endswith(f"/{members.pk}/")
