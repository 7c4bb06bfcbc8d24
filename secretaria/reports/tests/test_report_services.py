"""A report drafted from the records, edited section by section in versions, issued frozen."""

import datetime
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from secretaria.documents.models import Document
from secretaria.reports import sections, services
from secretaria.reports.models import Report
from secretaria.reports.selectors import compare, default_period, report_content, visible

pytestmark = pytest.mark.django_db
D = datetime.date


def _texts(report, lang="es"):
    return [p[lang] for s in visible(report_content(report)) for p in s["paragraphs"]]


def test_the_default_period_is_the_last_six_whole_months():
    period = default_period(D(2004, 12, 3))
    assert (period.start, period.end) == (D(2004, 6, 1), D(2004, 11, 30))
    assert default_period(D(2005, 3, 10)).start == D(2004, 9, 1)


def test_a_draft_groups_the_meetings_steps_under_the_meeting(seminar, st_officer):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    texts = _texts(report)
    heading = next(t for t in texts if t.startswith("Seminario sobre Migración y Salud"))
    assert "patrocinado por Canadá y México" in heading and "18 y 19 de octubre de 2004" in heading
    after = texts[texts.index(heading) + 1 :]
    assert "Colaboración con los países patrocinadores en la elaboración de la agenda." in after
    assert "Moderación del evento a cargo del Coordinador, a petición de los países patrocinadores." in after
    assert report.title_es.endswith("mayo-noviembre de 2004") and report.versions.count() == 1
    assert "The Coordinator moderated the event at the sponsor countries' request." in _texts(report, "en")


def test_only_the_secretariat_drafts_a_report(gt_official):
    with pytest.raises(PermissionDenied):
        services.report_create(by=gt_official, start=D(2004, 5, 1), end=D(2004, 11, 30))


def test_editing_keeps_edits_by_paragraph_and_versions_compare(seminar, st_officer):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    support = next(s for s in report_content(report) if s["key"] == "support")
    agenda = next(p["key"] for p in support["paragraphs"] if p["key"].endswith("agenda-sponsors"))
    moderation = next(p["key"] for p in support["paragraphs"] if ".manual." in p["key"])
    v2 = services.report_edit_section(
        by=st_officer, report=report, section="support",
        paragraphs={agenda: {"state": "edited", "es": "Agenda con Canadá y México.", "en": "Agenda with Canada and Mexico."},
                    moderation: {"state": "removed"}},
        added=[{"es": "Apoyo telefónico.", "en": "Phone support.", "after": agenda}],
    )  # fmt: skip
    texts = _texts(report)
    assert (
        "Agenda con Canadá y México." in texts
        and texts[texts.index("Agenda con Canadá y México.") + 1] == "Apoyo telefónico."
    )
    assert not any(t.startswith("Moderación del evento") for t in texts)
    diff = compare(report.versions.get(number=1), v2)
    assert ("added", "• Agenda con Canadá y México.") in diff
    assert ("removed", "• Colaboración con los países patrocinadores en la elaboración de la agenda.") in diff
    with pytest.raises(ValidationError):
        services.report_edit_section(by=st_officer, report=report, section="support",
                                     paragraphs={agenda: {"state": "edited", "es": "Solo español", "en": ""}})  # fmt: skip


def test_issuing_freezes_the_report_with_its_files_and_publishes_a_document(seminar, st_officer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    services.report_issue(by=st_officer, report=report, symbol="CRM/ST/2004/INF.2")
    report.refresh_from_db()
    assert report.is_issued and report.issued_by == st_officer
    assert sorted((f.language, f.fmt) for f in report.files.all()) == [
        ("en", "docx"), ("en", "pdf"), ("en", "xlsx"), ("es", "docx"), ("es", "pdf"), ("es", "xlsx")]  # fmt: skip
    for f in report.files.all():
        with f.file.open("rb") as fh:
            assert hashlib.sha256(fh.read()).hexdigest() == f.sha256
    document = Document.objects.get(symbol="CRM/ST/2004/INF.2")
    assert report.document == document and document.doc_type == Document.Type.REPORT
    assert document.status == Document.Status.PUBLISHED and document.files.count() == 2
    frozen = report.snapshot["sections"]
    seminar.title_es = "Otro título"
    seminar.save()
    assert report_content(report) == frozen  # the issued text does not follow the records
    with pytest.raises(ValidationError):
        services.report_edit_section(by=st_officer, report=report, section="support", paragraphs={})
    correction = services.report_correct(by=st_officer, report=report)
    assert correction.corrects == report and correction.status == Report.Status.DRAFT


def test_a_mismatch_in_the_figures_blocks_issuing_and_says_where(seminar, st_officer):
    def broken(period):
        return sections.Section("broken", "Cuentas", "Accounts", problems=["Seminario: el total no coincide"])

    sections.register_section("broken", 95, broken)
    try:
        report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
        with pytest.raises(ValidationError, match="Seminario: el total no coincide"):
            services.report_issue(by=st_officer, report=report, symbol="CRM/ST/2004/INF.3")
    finally:
        sections.unregister_section("broken")
    assert not Report.objects.get(pk=report.pk).is_issued


def test_the_ppt_approves_a_report_sent_to_it(seminar, st_officer, gt_official):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    services.report_submit(by=st_officer, report=report)
    with pytest.raises(PermissionDenied):
        services.report_approve(by=gt_official, report=report)
    services.report_approve(by=st_officer, report=report)
    assert Report.objects.get(pk=report.pk).status == Report.Status.APPROVED


def test_the_command_writes_the_issued_file_byte_for_byte(seminar, st_officer, tmp_path, settings):

    settings.MEDIA_ROOT = tmp_path
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    services.report_issue(by=st_officer, report=report, symbol="CRM/ST/2004/INF.2")
    out = tmp_path / "issued.pdf"
    call_command("activity_report", "--from", "2004-05-01", "--to", "2004-11-30", "--lang", "en", "--format", "pdf",
                 "--issued", str(out), stdout=open("/dev/null", "w"))  # noqa: SIM115  # fmt: skip
    stored = report.files.get(language="en", fmt="pdf")
    assert hashlib.sha256(out.read_bytes()).hexdigest() == stored.sha256
