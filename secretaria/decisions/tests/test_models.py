import pytest
from django.db import IntegrityError

from secretaria.decisions.models import CommitmentParty, Decision, paragraph_rank


def test_it_sorts_decisions_by_number_then_paragraph(ix_crm):
    for number, paragraph in [(10, ""), (2, "b"), (2, ""), (2, "a")]:
        Decision.objects.create(meeting=ix_crm, number=number, paragraph=paragraph, text_es="x")
    assert [(d.number, d.paragraph) for d in Decision.objects.all()] == [(2, ""), (2, "a"), (2, "b"), (10, "")]
    assert paragraph_rank("b") < paragraph_rank("aa")


def test_a_decision_label_reads_like_the_declaration(decision):
    assert decision.label_in("en") == "decision 3, paragraph b"
    assert decision.full_label.startswith("IX Conferencia Regional sobre Migración")


def test_a_party_must_name_what_its_kind_needs(commitment, crm):
    with pytest.raises(IntegrityError):
        CommitmentParty.objects.create(commitment=commitment, kind="country")


def test_a_country_is_responsible_only_once_per_commitment(commitment, crm):
    with pytest.raises(IntegrityError):
        CommitmentParty.objects.create(commitment=commitment, kind="country", country=crm["countries"]["GT"])


def test_a_commitment_takes_a_date_or_a_meeting_not_both(commitment, ix_crm):
    commitment.due_before_meeting = ix_crm
    with pytest.raises(IntegrityError):
        commitment.save()
