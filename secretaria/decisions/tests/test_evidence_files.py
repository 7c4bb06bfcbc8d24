"""A country uploads its national report as evidence of progress: checked like the library's
files, kept private, downloaded only by those who see the note and reach the file's level."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secretaria.decisions import services
from secretaria.decisions.models import ProgressNote, ProgressNoteFile
from secretaria.files.filetypes import UploadRefused

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _post(client, party, **data):
    return client.post(reverse("decisions:party_update", args=[party.pk]), {"status": "done", "on": "2004-10-19",
                                                                            "evidence_files_level": "members", **data})  # fmt: skip


def test_an_official_uploads_a_national_report_as_evidence(parties, decision, gt_official, hn_official, client_for):
    client = client_for(gt_official)
    form = client.get(reverse("decisions:party_update", args=[parties["GT"].pk])).content.decode()
    assert 'enctype="multipart/form-data"' in form and 'name="evidence_files"' in form
    assert '<option value="members" selected>' in form
    report = SimpleUploadedFile("informe-nacional-guatemala.pdf", PDF, content_type="application/pdf")
    response = _post(client, parties["GT"], evidence_files=[report])
    assert response.status_code == 302
    evidence = ProgressNoteFile.objects.get()
    assert evidence.note.party == parties["GT"] and evidence.original_name == "informe-nacional-guatemala.pdf"
    assert evidence.access_level == "members" and evidence.file_type == "pdf"
    page = client.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert evidence.get_absolute_url() in page and "informe-nacional-guatemala.pdf" in page
    download = client.get(evidence.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    # Another member country's official sees the note and may read a members-level file.
    assert client_for(hn_official).get(evidence.get_absolute_url()).status_code == 200


def test_a_hostile_file_is_refused_with_the_reason_and_nothing_is_kept(parties, gt_official, client_for):
    disguised = SimpleUploadedFile("informe.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)
    response = _post(client_for(gt_official), parties["GT"], evidence_files=[disguised], text="Informe adjunto")
    html = response.content.decode()
    assert response.status_code == 200 and "informe.pdf" in html and "errorlist" in html
    assert not ProgressNote.objects.exists() and not ProgressNoteFile.objects.exists()
    with pytest.raises(UploadRefused):
        services.party_update(party=parties["GT"], by=gt_official, status="done",
                              evidence_files=[(SimpleUploadedFile("x.html", b"<html><script>x</script>"), "x.html")])  # fmt: skip
    assert not ProgressNoteFile.objects.exists()


def test_downloads_are_checked_against_the_note_and_the_files_level(parties, decision, gt_official, st_officer,
                                                                  observer, client, client_for):  # fmt: skip
    services.party_update(party=parties["GT"], by=gt_official, status="done",
                          evidence_files=[(SimpleUploadedFile("r.pdf", PDF), "r.pdf")])  # fmt: skip
    members_file = ProgressNoteFile.objects.get()
    url = members_file.get_absolute_url()
    assert client.get(url).status_code == 302  # anonymous: asked to sign in
    assert client_for(observer).get(url).status_code == 404  # the country's notes are not shown to observers
    assert client_for(st_officer).get(url).status_code == 200
    # Country detail made public: the note shows, but the file stays at its level.
    services.decision_update(decision=decision, by=st_officer, country_detail_public=True)
    assert client.get(url).status_code == 302 and client_for(observer).get(url).status_code == 404
    assert url not in client_for(observer).get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    services.party_update(party=parties["GT"], by=gt_official, status="done", evidence_files_level="public",
                          evidence_files=[(SimpleUploadedFile("p.pdf", PDF), "p.pdf")])  # fmt: skip
    public_file = ProgressNoteFile.objects.get(original_name="p.pdf")
    assert client.get(public_file.get_absolute_url()).status_code == 200
