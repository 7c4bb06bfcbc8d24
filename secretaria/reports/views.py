"""The Secretariat's pages of the activity reports: list, generate, edit section by section,
compare versions, send to the PPT, issue, download."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.views import members_only
from secretaria.files.serving import stored_file_response
from secretaria.reports import rendering, richtext, selectors, services
from secretaria.reports.forms import IssueForm, PlatformChangeForm, ReportForm, RichTextWidget
from secretaria.reports.models import PlatformChange, Report
from secretaria.reports.rendering.charts import bar_png


def _require(request, rule: str = "reports.manage") -> None:
    if not access.can(request.user, rule):
        raise PermissionDenied


def _report(request, pk: int) -> Report:
    report = get_object_or_404(Report, pk=pk)
    if not (access.can(request.user, "reports.manage") or access.can(request.user, "reports.approve", report)):
        raise PermissionDenied
    return report


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@members_only
def report_list(request):
    _require(request)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_create(
                by=request.user, start=data["start"], end=data["end"], symbol=data["symbol"]
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            return redirect(report)
    return render(request, "reports/report_list.html", {"reports": selectors.reports_list(), "form": form})


@members_only
def report_detail(request, pk: int):
    report = _report(request, pk)
    content = selectors.report_content(report)
    lang = translation.get_language()[:2]
    for section in content:
        for p in section["paragraphs"]:
            # Cleaned when saved; cleaned again here, for a page that shows it.
            p["shown"] = mark_safe(richtext.clean(p[f"html_{lang}"])) if p.get(f"html_{lang}") else p[lang]
        for table in section.get("tables", []):
            table["shown"] = [[r[1] if lang == "en" else r[0], r[3] if lang == "en" else r[2], rendering.amount(r[4], lang)]
                              for r in table["rows"]]  # fmt: skip
    versions = list(report.versions.select_related("created_by").order_by("-number"))
    return render(request, "reports/report_detail.html", {
        "report": report, "sections": selectors.visible(content), "problems": selectors.problems(content),
        "versions": versions, "issue_form": IssueForm(initial={"symbol": report.symbol}),
        "can_manage": access.can(request.user, "reports.manage"),
        "can_approve": access.can(request.user, "reports.approve", report),
    })  # fmt: skip


def _editor_fields(section: dict) -> RichTextWidget:
    """Each paragraph's two editors (Spanish, English), filled with its rich text."""
    widget = RichTextWidget()
    for n, p in enumerate(section["paragraphs"], start=1):
        if p["style"] == "heading":
            continue  # a group's title is plain text
        for lang in ("es", "en"):
            html = p.get(f"html_{lang}") or richtext.html_of(p[lang])
            p[f"editor_{lang}"] = widget.render(f"html_{lang}-{p['key']}", html, attrs={"id": f"{lang}-{n}"})
    for lang in ("es", "en"):
        section[f"new_{lang}"] = widget.render(f"new-html_{lang}", "", attrs={"id": f"new-{lang}"})
    return widget


@members_only
def report_section(request, pk: int, key: str):
    _require(request)
    report = get_object_or_404(Report, pk=pk)
    if report.is_issued:
        messages.error(request, _("An issued report never changes: correct it with a new version."))
        return redirect(report)
    section = next((s for s in selectors.report_content(report) if s["key"] == key), None)
    if section is None:
        raise Http404
    if request.method == "POST":
        choices = {}
        for p in section["paragraphs"]:
            state = request.POST.get(f"state-{p['key']}", "kept")
            if p["state"] == "added" and state != "removed":
                state = "added"
            choice = {"state": state}
            for lang in ("es", "en"):
                sent = request.POST.get(f"html_{lang}-{p['key']}")
                if sent is not None:
                    choice[f"html_{lang}"] = sent
                elif f"{lang}-{p['key']}" in request.POST:  # a group's title, plain text
                    choice[f"html_{lang}"] = richtext.html_of(request.POST[f"{lang}-{p['key']}"])
            if state == "kept" and p["state"] == "kept" and not all(
                richtext.is_plain(choice.get(f"html_{lang}", richtext.html_of(p[f"generated_{lang}"])),
                                  p[f"generated_{lang}"]) for lang in ("es", "en")
            ):  # fmt: skip
                choice["state"] = "edited"  # text changed without choosing "edited"; an edited one set back
                # to "kept" reads as generated again
            choices[p["key"]] = choice
        added = [{"html_es": request.POST.get("new-html_es", ""), "html_en": request.POST.get("new-html_en", ""),
                  "after": request.POST.get("new-after", "")}]  # fmt: skip
        try:
            services.report_edit_section(by=request.user, report=report, section=key, paragraphs=choices, added=added,
                                         note=request.POST.get("note", ""))  # fmt: skip
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("Saved as a new version."))
            return redirect(report)
    widget = _editor_fields(section)
    return render(request, "reports/report_section.html", {"report": report, "section": section, "media": widget.media})


@members_only
def editor_upload(request):
    """The editor's upload address: the report's text takes no pictures or files."""
    return JsonResponse({"error": {"message": _("The report's text takes no pictures or files.")}}, status=403)


@members_only
def report_compare(request, pk: int):
    report = _report(request, pk)
    versions = {v.number: v for v in report.versions.all()}
    try:
        a, b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
    except ValueError:
        a = b = 0
    if a not in versions or b not in versions:
        numbers = sorted(versions)
        a, b = (numbers[-2], numbers[-1]) if len(numbers) > 1 else (numbers[0], numbers[0])
    lang = request.GET.get("lang") if request.GET.get("lang") in ("es", "en") else "es"
    diff = selectors.compare(versions[a], versions[b], lang)
    return render(request, "reports/report_compare.html",
                  {"report": report, "a": versions[a], "b": versions[b], "diff": diff, "numbers": sorted(versions),
                   "lang": lang})  # fmt: skip


@members_only
@require_POST
def report_action(request, pk: int, action: str):
    report = _report(request, pk)
    try:
        if action == "refresh":
            services.report_refresh(by=request.user, report=report)
        elif action == "submit":
            services.report_submit(by=request.user, report=report)
        elif action == "approve":
            services.report_approve(by=request.user, report=report)
        elif action == "correct":
            return redirect(services.report_correct(by=request.user, report=report))
        elif action == "issue":
            form = IssueForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the report its document symbol before issuing it."))
            services.report_issue(by=request.user, report=report, **form.cleaned_data)
            messages.success(request, _("The report was issued and published as a document."))
        else:
            raise Http404
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(report)


@members_only
def report_download(request, pk: int, lang: str, fmt: str):
    report = _report(request, pk)
    if lang not in ("es", "en") or fmt not in rendering.FORMATS:
        raise Http404
    if report.is_issued:
        stored = report.files.filter(language=lang, fmt=fmt).first()
        if stored is None:
            raise Http404
        return stored_file_response(request, stored, force_download=True)
    data = rendering.render(report, selectors.report_content(report), lang, fmt)
    response = HttpResponse(data, content_type=rendering.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{rendering.filename(report, lang, "draft." + fmt)}"'
    return response


@members_only
def platform_changes(request, pk: int | None = None):
    """The Secretariat's list of changes to the Virtual Secretariat, told in section C."""
    _require(request)
    instance = get_object_or_404(PlatformChange, pk=pk) if pk else None
    form = PlatformChangeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.platform_change_save(by=request.user, form=form)
        messages.success(request, _("Saved."))
        return redirect("reports:platform")
    return render(request, "reports/platform_changes.html",
                  {"form": form, "changes": PlatformChange.objects.order_by("-recorded_on"), "editing": instance})  # fmt: skip


@members_only
def report_chart(request, pk: int, key: str, lang: str):
    """A chart of the report as PNG, for the page (its text alternative is the image's alt)."""
    report = _report(request, pk)
    if lang not in ("es", "en"):
        raise Http404
    chart = next((c for s in selectors.report_content(report) for c in s.get("charts", []) if c["key"] == key), None)
    if chart is None:
        raise Http404
    return HttpResponse(bar_png(chart, lang), content_type="image/png")
