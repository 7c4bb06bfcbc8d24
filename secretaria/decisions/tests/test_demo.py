import datetime
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from secretaria.decisions.models import CommitmentParty, Decision, FollowUpLetter, PartyStatus, ProgressNote


def _load():
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_has_the_ix_crm_decisions_and_the_letters_of_6_july_2004(db, settings):
    settings.DEV_MODE = True
    _load()
    decisions = Decision.objects.filter(meeting__slug="ix-crm-2004")
    assert decisions.count() >= 5
    statuses = list(CommitmentParty.objects.values_list("status", flat=True))
    assert 0 < statuses.count(PartyStatus.DONE) < statuses.count(PartyStatus.PENDING)
    assert CommitmentParty.objects.filter(kind="country").values("country").distinct().count() >= 5
    assert CommitmentParty.objects.filter(kind="secretariat").exists()
    letters = FollowUpLetter.objects.filter(letter_date=datetime.date(2004, 7, 6), status="sent")
    assert {letter.language for letter in letters} == {"es", "en"}
    assert ProgressNote.objects.filter(kind="letter", occurred_on=datetime.date(2004, 7, 6)).exists()


def test_loading_the_demo_twice_changes_nothing(db, settings):
    settings.DEV_MODE = True
    _load()
    counts = [m.objects.count() for m in (Decision, CommitmentParty, ProgressNote, FollowUpLetter)]
    _load()
    assert [m.objects.count() for m in (Decision, CommitmentParty, ProgressNote, FollowUpLetter)] == counts


def test_the_demo_progress_notes_name_a_person_not_a_spanish_body(db, settings, client):
    settings.DEV_MODE = True
    _load()
    assert set(ProgressNote.objects.exclude(author_name="").values_list("author_name", flat=True)) == {"Luis Monzón"}
    decision = Decision.objects.filter(meeting__slug="ix-crm-2004", access_level="public").order_by("pk").first()
    with translation.override("en"):
        page = client.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert "(Secretaría Técnica)" not in page
