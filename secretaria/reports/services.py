"""Writes of the activity report: create a draft for a period, edit it section by section (each
save a version), send it to the PPT and have it approved (optional), issue it (frozen: snapshot,
files with their SHA-256, a document of the documents app), and correct an issued one (a new
report)."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.core import access
from secretaria.core.audit import audit_record
from secretaria.core.tasks import queue_email
from secretaria.documents.models import Document
from secretaria.documents.services import document_add_file, document_create, document_publish
from secretaria.files.storage import generated_name
from secretaria.files.uploads import hash_and_size
from secretaria.meetings.selectors.agenda import current_ppt_users
from secretaria.reports import rendering, richtext
from secretaria.reports.models import Report, ReportFile, ReportVersion
from secretaria.reports.providers import period_text
from secretaria.reports.sections import Period
from secretaria.reports.selectors import (
    default_period,
    generated_sections,
    latest_version,
    problems,
    resolve,
)

STATES = ("kept", "edited", "removed")


def _require(by, rule: str = "reports.manage", report=None) -> None:
    if not access.can(by, rule, report):
        raise PermissionDenied(_("Only the Technical Secretariat prepares the activity reports."))


def _require_draft(report: Report) -> None:
    if report.is_issued:
        raise ValidationError(_("An issued report never changes: correct it with a new version."))


def _save_version(report: Report, *, by, edits: dict, note: str = "") -> ReportVersion:
    last = latest_version(report)
    return ReportVersion.objects.create(
        report=report, number=(last.number + 1) if last else 1, edits=edits,
        content=resolve(generated_sections(report), edits), note=note[:300],
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )  # fmt: skip


@transaction.atomic
def report_create(*, by, start=None, end=None, title_es: str = "", title_en: str = "", symbol: str = "",
                  access_level: str = access.AccessLevel.MEMBERS, on=None) -> Report:  # fmt: skip
    """A draft for ``start``–``end`` (default: the last six whole months), generated from the records."""
    _require(by)
    if start is None or end is None:
        period = default_period(timezone.localdate(on))
        start, end = start or period.start, end or period.end
    if end < start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    period = Period(start, end)
    report = Report(
        period_start=start, period_end=end, symbol=symbol.strip(), access_level=access_level,
        title_es=title_es or f"Informe de actividades de la Secretaría Técnica, {period_text(period, 'es')}",
        title_en=title_en or f"Activity report of the Technical Secretariat, {period_text(period, 'en')}",
        created_by=by,
    )  # fmt: skip
    report.full_clean()
    report.save()
    _save_version(report, by=by, edits={}, note=_("Generated from the records"))
    audit_record(kind="reports.created", actor=by, target=report)
    return report


def _texts(choice: dict, fallback: dict | None = None) -> dict:
    """A paragraph's text in both languages from the editor: ``html_es``/``html_en`` (cleaned to the
    allow-list) or plain ``es``/``en``; each language as HTML and as plain text."""
    out = {}
    for lang in ("es", "en"):
        if f"html_{lang}" in choice:
            html = richtext.clean(choice[f"html_{lang}"])
            text = richtext.text_of(html)
        elif lang in choice or not fallback:
            text = (choice.get(lang) or "").strip()
            html = richtext.html_of(text) if text else ""
        else:
            text, html = fallback[lang], fallback.get(f"html_{lang}") or richtext.html_of(fallback[lang])
        out[lang], out[f"html_{lang}"] = text, (html if text else "")
    return out


@transaction.atomic
def report_edit_section(*, by, report: Report, section: str, paragraphs: dict, added: list | None = None,
                        note: str = "") -> ReportVersion:  # fmt: skip
    """Save the Secretariat's choices for one section as a new version.

    ``paragraphs``: {key: {"state": "kept"|"edited"|"removed", "html_es", "html_en"}} for the
    section's paragraphs (rich text, cleaned here; or plain "es"/"en"); ``added``: [{"html_es",
    "html_en", "after"}] new paragraphs written by hand."""
    _require(by)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    last = latest_version(report)
    edits = dict(last.edits if last else {})
    current = {s["key"]: s for s in resolve(generated_sections(report), edits)}
    if section not in current:
        raise ValidationError(_("This report has no such section."))
    keys = {p["key"] for p in current[section]["paragraphs"]}
    for key, choice in paragraphs.items():
        if key not in keys:
            raise ValidationError(_("Unknown paragraph: %(key)s.") % {"key": key})
        state = choice.get("state", "kept")
        if state not in STATES and not (state == "added" and key in edits):
            raise ValidationError(_("Unknown choice: %(state)s.") % {"state": state})
        previous = edits.get(key, {})
        if previous.get("state") == "added":
            if state == "removed":
                edits.pop(key)
            else:
                texts = _texts(choice, previous)
                if not (texts["es"] and texts["en"]):
                    raise ValidationError(_("An edited paragraph needs its text in both languages."))
                edits[key] = {**previous, **texts}
        elif state == "kept":
            edits.pop(key, None)
        elif state == "removed":
            edits[key] = {"state": "removed"}
        else:
            texts = _texts(choice)
            if not (texts["es"] and texts["en"]):
                raise ValidationError(_("An edited paragraph needs its text in both languages."))
            edits[key] = {"state": "edited", **texts}
    count = sum(1 for k in edits if k.startswith("added-"))
    for new in added or []:
        texts = _texts(new)
        if not (texts["es"] or texts["en"]):
            continue
        if not (texts["es"] and texts["en"]):
            raise ValidationError(_("A new paragraph needs its text in both languages."))
        count += 1
        edits[f"added-{count:03d}"] = {"state": "added", "section": section, "after": new.get("after", ""),
                                       "style": new.get("style", "text"), **texts}  # fmt: skip
    version = _save_version(report, by=by, edits=edits, note=note)
    if report.status != Report.Status.DRAFT:
        report.status = Report.Status.DRAFT  # an edit after sending needs a new approval
        report.save(update_fields=["status"])
    return version


def report_refresh(*, by, report: Report) -> ReportVersion:
    """A new version regenerated from the records as they are now, with the same edits."""
    _require(by)
    _require_draft(report)
    last = latest_version(report)
    return _save_version(report, by=by, edits=dict(last.edits if last else {}), note=_("Regenerated from the records"))


SUBMIT_SUBJECT = gettext_noop("Activity report waiting for your approval: %(title)s")
SUBMIT_BODY = gettext_noop(
    "The Technical Secretariat has sent the %(title)s to the Pro-Tempore Presidency for approval.\n\n"
    "Read it and approve it here:\n%(url)s\n"
)


def submit_notifications(report: Report) -> list[tuple[str, str, str]]:
    """(address, subject, body) for each official of the current Pro-Tempore Presidency, in their
    preferred language, as the meetings app tells the PPT of an agenda waiting for it."""
    url = settings.SITE_URL + report.get_absolute_url()
    out = []
    for user in current_ppt_users():
        if not user.email:
            continue
        lang = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(lang):
            values = {"title": report.title_en if lang == "en" else report.title_es, "url": url}
            out.append((user.email, _(SUBMIT_SUBJECT) % values, _(SUBMIT_BODY) % values))
    return out


@transaction.atomic
def report_submit(*, by, report: Report, notify: bool = True) -> Report:
    """Send the draft to the Pro-Tempore Presidency for approval; its officials get an e-mail
    (``notify`` False: none, for the demo data)."""
    _require(by)
    _require_draft(report)
    report.status = Report.Status.SUBMITTED
    report.save(update_fields=["status"])
    audit_record(kind="reports.submitted", actor=by, target=report)
    if notify:
        for address, subject, body in submit_notifications(report):
            transaction.on_commit(lambda a=address, s=subject, b=body: queue_email(subject=s, body=b, to=[a]))
    return report


@transaction.atomic
def report_approve(*, by, report: Report) -> Report:
    if not access.can(by, "reports.approve", report):
        raise PermissionDenied(_("Only the Pro-Tempore Presidency approves the report."))
    if report.status != Report.Status.SUBMITTED:
        raise ValidationError(_("Only a report sent to the Pro-Tempore Presidency can be approved."))
    report.status, report.approved_by, report.approved_at = Report.Status.APPROVED, by, timezone.now()
    report.save(update_fields=["status", "approved_by", "approved_at"])
    audit_record(kind="reports.approved", actor=by, target=report)
    return report


def _store(report: Report, lang: str, fmt: str, data: bytes) -> ReportFile:
    sha256, size = hash_and_size(io.BytesIO(data))
    rf = ReportFile(report=report, language=lang, fmt=fmt, size=size, sha256=sha256,
                    content_type=rendering.CONTENT_TYPES[fmt],
                    original_name=rendering.filename(report, lang, fmt))  # fmt: skip
    rf.file.save(generated_name(f".{fmt}").replace("documents/", "reports/"), ContentFile(data), save=False)
    rf.save()
    return rf


@transaction.atomic
def report_issue(*, by, report: Report, symbol: str = "", access_level: str = "", at=None) -> Report:
    """Freeze the report: the data used, the files (DOCX and PDF in both languages, the XLSX annex)
    with their SHA-256, who issued it; and publish it as a document (its PDFs) under its symbol."""
    _require(by)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    symbol = (symbol or report.symbol).strip()
    if not symbol:
        raise ValidationError({"symbol": _("Give the report its document symbol before issuing it.")})
    if Document.objects.filter(symbol=symbol).exists():
        raise ValidationError({"symbol": _("A document with this symbol already exists.")})
    version = latest_version(report)
    content = resolve(generated_sections(report), version.edits)
    found = problems(content)
    if found:
        raise ValidationError(_("The figures do not add up; issuing is blocked: %(where)s")
                              % {"where": " · ".join(found)})  # fmt: skip
    report.symbol, report.access_level = symbol, access_level or report.access_level
    now = at or timezone.now()
    report.snapshot = {
        "period": [report.period_start.isoformat(), report.period_end.isoformat()],
        "version": version.number,
        "generated_at": now.isoformat(),
        "sections": content,
    }
    report.status, report.issued_by, report.issued_at, report.issued_version = Report.Status.ISSUED, by, now, version
    files = {}
    for lang in ("es", "en"):
        for fmt in ("docx", "pdf", "xlsx"):
            files[(lang, fmt)] = _store(report, lang, fmt, rendering.render(report, content, lang, fmt))
    document = document_create(
        by=by, symbol=symbol, date=now.date() if at is None else at.date(), doc_type=Document.Type.REPORT,
        title_es=report.title_es, title_en=report.title_en, access_level=report.access_level,
        summary_es=f"Informe de actividades y financiero, {period_text(Period(report.period_start, report.period_end), 'es')}.",
        summary_en=f"Activity and financial report, {period_text(Period(report.period_start, report.period_end), 'en')}.",
    )  # fmt: skip
    for lang in ("es", "en"):
        rf = files[(lang, "pdf")]
        with rf.file.open("rb") as fh:
            document_add_file(document=document, by=by, fileobj=fh, name=rf.original_name, language=lang)
    document_publish(document=document, by=by, at=at)
    report.document = document
    report.save()
    audit_record(kind="reports.issued", actor=by, target=report, symbol=symbol,
                 sha256=",".join(f.sha256[:12] for f in files.values()))  # fmt: skip
    return report


@transaction.atomic
def report_correct(*, by, report: Report) -> Report:
    """A correction of an issued report: a new draft for the same period with the same edits."""
    _require(by)
    if not report.is_issued:
        raise ValidationError(_("Only an issued report is corrected; edit the draft instead."))
    new = Report.objects.create(
        period_start=report.period_start, period_end=report.period_end, title_es=report.title_es,
        title_en=report.title_en, access_level=report.access_level, corrects=report, created_by=by,
    )  # fmt: skip
    _save_version(new, by=by, edits=dict(report.issued_version.edits if report.issued_version else {}),
                  note=_("Correction of %(symbol)s") % {"symbol": report.symbol})  # fmt: skip
    return new


@transaction.atomic
def platform_change_save(*, by, form) -> None:
    """Add or change an entry of the Secretariat's list of platform changes (section C)."""
    _require(by)
    change = form.save(commit=False)
    if change.pk is None:
        change.created_by = by
    change.save()
    audit_record(kind="reports.platform_change", actor=by, target=change)
