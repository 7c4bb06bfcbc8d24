"""A follow-up letter names its commitments by their keys inside JSON: a site export carries them
as stable ids and the import turns them into the new site's keys, so the letter still marks them."""

import datetime
from io import StringIO

from django.core.management import call_command

from secretaria.decisions import services
from secretaria.decisions.models import Commitment, CommitmentParty, FollowUpLetter, ProgressNote
from secretaria.decisions.sending import letter_mark_sent


def test_a_letter_imported_elsewhere_still_lists_its_own_commitments(tmp_path, ix_crm, parties, st_officer):
    letter = services.letters_prepare(meeting=ix_crm, by=st_officer, letter_date=datetime.date(2004, 10, 1))[0]
    country = letter.country
    old_ids = {item["party_id"] for item in letter.items}
    call_command("export_site", str(tmp_path / "bag"), "--no-progress", stdout=StringIO())
    FollowUpLetter.objects.all().delete()
    Commitment.objects.all().delete()  # and its parties: the import gives them new keys

    out = StringIO()
    call_command("import_site", str(tmp_path / "bag"), "--no-reindex", stdout=out)

    letter = FollowUpLetter.objects.get(country=country)
    new_ids = {item["party_id"] for item in letter.items}
    assert new_ids and not new_ids & old_ids
    assert set(CommitmentParty.objects.filter(pk__in=new_ids).values_list("country", flat=True)) == {country.pk}
    letter_mark_sent(letter=letter, recipients=["focal@example.org"])
    assert ProgressNote.objects.filter(party__in=new_ids, kind=ProgressNote.Kind.LETTER).count() == len(new_ids)
