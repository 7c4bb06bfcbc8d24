"""The reports API under /api/v1/reports: the list of reports (paged ``{count, results}``) and one
report with its sections as they read now (a draft: live figures with the Secretariat's edits; an
issued report: its frozen snapshot). The same rules as the pages: the list is the Secretariat's;
one report is also the Pro-Tempore Presidency's when it may approve it."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from secretaria.accounts.auth import require_user
from secretaria.core import access
from secretaria.core.openapi import Id, Page, mapped
from secretaria.reports import selectors
from secretaria.reports.models import Report

router = Router(tags=["reports"])


class ReportOut(Schema):
    id: int
    title_es: str
    title_en: str
    period_start: datetime.date
    period_end: datetime.date
    symbol: str
    status: str
    access_level: str
    issued_at: datetime.datetime | None


class ReportParagraphOut(Schema):
    key: str
    style: str
    state: str
    es: str
    en: str


class ReportTableOut(Schema):
    key: str
    title_es: str
    title_en: str
    columns_es: list[str]
    columns_en: list[str]
    rows: list[list]


class ReportSectionOut(Schema):
    key: str
    title_es: str
    title_en: str
    paragraphs: list[ReportParagraphOut]
    tables: list[ReportTableOut]
    problems: list[str]


class ReportDetailOut(ReportOut):
    sections: list[ReportSectionOut]
    problems: list[str]


def _out(report: Report) -> dict:
    return {f: getattr(report, f) for f in ReportOut.model_fields}


@router.get("", response=list[ReportOut], summary="The activity reports (the Secretariat)")
@paginate(Page)
def report_list(request):
    user = require_user(request)
    if not access.can(user, "reports.manage"):
        raise PermissionDenied
    return mapped(selectors.reports_list(), _out)


@router.get("/{pk}", response=ReportDetailOut, summary="One report with its sections as they read now")
def report_detail(request, pk: Id):
    user = require_user(request)
    report = Report.objects.filter(pk=pk).first()
    if report is None:
        raise Http404
    if not (access.can(user, "reports.manage") or access.can(user, "reports.approve", report)):
        raise PermissionDenied
    content = selectors.visible(selectors.report_content(report))
    return {**_out(report), "sections": content, "problems": selectors.problems(content)}
