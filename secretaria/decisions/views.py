"""Pages of the decisions app: public accountability, the members' matrix, decisions, party
updates, the paste-in import and the follow-up letters (thin: selectors and services work)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.audit import audit_export
from secretaria.core.views import members_only
from secretaria.decisions import exports, letters, selectors, services
from secretaria.decisions.charts import completion_chart
from secretaria.decisions.forms import CommitmentForm, DecisionForm, ImportForm, LettersForm, PartyUpdateForm, SendForm
from secretaria.decisions.models import CommitmentParty, Decision, FollowUpLetter, PartyStatus
from secretaria.decisions.parsing import pair_texts
from secretaria.files.filetypes import UploadRefused
from secretaria.files.serving import file_response
from secretaria.meetings.models import Meeting


def _require(user, rule, obj=None):
    if not access.can(user, rule, obj):
        raise PermissionDenied


def _int_or_none(value):
    try:
        return int(value) if value else None
    except (TypeError, ValueError):
        return None


def _filters(request) -> selectors.MatrixFilters:
    status = request.GET.get("status") or None
    party = (request.GET.get("party") or "").strip()[:40] or None
    return selectors.MatrixFilters(
        meeting=_int_or_none(request.GET.get("meeting")),
        theme=_int_or_none(request.GET.get("theme")),
        status=status if status in PartyStatus.values else None,
        party=party,
    )


# --- Public accountability -----------------------------------------------------------------


def accountability_index(request):
    meetings = selectors.meetings_with_decisions(access_anonymous())
    return render(request, "decisions/accountability_index.html", {"meetings": meetings})


def access_anonymous():
    return AnonymousUser()


def accountability(request, slug):
    meeting = selectors.meeting_for_accountability(slug)
    if meeting is None:
        raise Http404
    anonymous = access_anonymous()
    matrix = selectors.decision_matrix(anonymous, selectors.MatrixFilters(meeting=meeting.pk))
    return render(
        request,
        "decisions/accountability.html",
        {
            "meeting": meeting,
            "matrix": matrix,
            "chart": completion_chart(matrix.chart),
            "restricted": selectors.restricted_decision_count(meeting, anonymous),
        },
    )


# --- Decisions -----------------------------------------------------------------------------


def decision_detail(request, pk):
    decision = selectors.decision_for_page(pk, request.user)
    if decision is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    show_countries = access.can(request.user, "decisions.view_country_detail", decision)
    commitments = []
    for commitment in decision.commitments.all():
        parties = [
            (party, access.can(request.user, "decisions.update_party", party))
            for party in commitment.parties.all()
            if show_countries or party.kind != CommitmentParty.Kind.COUNTRY
        ]
        commitments.append((commitment, parties))
    all_parties = [p for c in decision.commitments.all() for p in c.parties.all()]
    return render(
        request,
        "decisions/decision_detail.html",
        {
            "decision": decision,
            "commitments": commitments,
            "progress": selectors.progress_of(all_parties),
            "show_countries": show_countries,
            "can_manage": access.can(request.user, "decisions.manage"),
        },
    )


@members_only
def matrix(request):
    _require(request.user, "decisions.view_matrix")
    filters = _filters(request)
    data = selectors.decision_matrix(request.user, filters)
    return render(
        request,
        "decisions/matrix.html",
        {
            "matrix": data,
            "chart": completion_chart(data.chart),
            "filters": filters,
            "meetings": selectors.meetings_with_decisions(request.user),
            "themes": selectors.themes(),
            "statuses": PartyStatus.choices,
            "can_export": access.can(request.user, "decisions.export"),
            "can_manage": access.can(request.user, "decisions.manage"),
            "query": request.GET.urlencode(),
        },
    )


_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _export_response(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=_CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@members_only
def matrix_export(request, fmt):
    _require(request.user, "decisions.export")
    if fmt not in _CONTENT_TYPES:
        raise Http404
    data = selectors.decision_matrix(request.user, _filters(request))
    rows = exports.matrix_rows(data)
    content = exports.to_csv(rows) if fmt == "csv" else exports.to_xlsx(rows, _("Matrix"))
    audit_export(
        what=f"decisions matrix ({fmt})",
        by=request.user,
        request=request,
        count=len(data.rows),
        filters=request.GET.urlencode(),
    )
    return _export_response(content, fmt, f"decisions-matrix-{timezone.localdate():%Y%m%d}")


@members_only
def log_export(request, fmt):
    _require(request.user, "decisions.export")
    if fmt not in _CONTENT_TYPES:
        raise Http404
    notes = list(selectors.log_entries_visible_to(request.user, _filters(request)))
    rows = exports.log_rows(notes)
    content = exports.to_csv(rows) if fmt == "csv" else exports.to_xlsx(rows, _("Progress log"))
    audit_export(what=f"decisions progress log ({fmt})", by=request.user, request=request, count=len(notes))
    return _export_response(content, fmt, f"decisions-log-{timezone.localdate():%Y%m%d}")


@members_only
def party_update(request, pk):
    party = get_object_or_404(
        CommitmentParty.objects.select_related(
            "commitment", "commitment__decision", "commitment__decision__meeting", "country", "group", "organization"
        ),
        pk=pk,
    )
    decision = party.commitment.decision
    if not access.can(request.user, "decisions.view", decision):
        raise Http404
    _require(request.user, "decisions.update_party", party)
    if request.method == "POST":
        form = PartyUpdateForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                services.party_update(
                    party=party,
                    by=request.user,
                    status=form.cleaned_data["status"],
                    text=form.cleaned_data["text"],
                    evidence_url=form.cleaned_data["evidence_url"],
                    evidence_documents=form.cleaned_data["evidence_symbols"],
                    evidence_files=[(f, f.name) for f in form.cleaned_data["evidence_files"]],
                    evidence_files_level=form.cleaned_data["evidence_files_level"],
                    on=form.cleaned_data["on"],
                    request=request,
                )
            except UploadRefused as exc:
                form.add_error("evidence_files", str(exc))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Progress recorded."))
                return redirect(decision.get_absolute_url() + f"#party-{party.pk}")
    else:
        form = PartyUpdateForm(initial={"status": party.status}, user=request.user)
    return render(request, "decisions/party_update.html", {"party": party, "decision": decision, "form": form})


def evidence_file(request, pk):
    """An uploaded evidence file, to those who see its note (``decisions.view_evidence_file``)."""
    evidence = selectors.evidence_file(pk)
    if evidence is None:
        raise Http404
    if not access.can(request.user, "decisions.view_evidence_file", evidence):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return file_response(
        request,
        file=evidence.file,
        size=evidence.size,
        content_type=evidence.content_type,
        filename=evidence.original_name,
        etag=evidence.sha256,
        last_modified=evidence.uploaded_at,
        force_download=request.GET.get("download") == "1",
    )


# --- The Secretariat's tools ----------------------------------------------------------------


@members_only
def import_decisions(request):
    _require(request.user, "decisions.manage")
    pairing = None
    if request.method == "POST":
        form = ImportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            pairing = pair_texts(data["text_es"], data["text_en"])
            if not pairing.items:
                form.add_error("text_es", _("No numbered paragraph was found in the text."))
                pairing = None
            elif "confirm" in request.POST:
                saved = services.decisions_import(
                    meeting=data["meeting"],
                    text_es=data["text_es"],
                    text_en=data["text_en"],
                    by=request.user,
                    theme=data["theme"],
                    access_level=data["access_level"],
                    access_group=data["access_group"],
                )
                messages.success(request, _("%(count)s decisions and paragraphs saved.") % {"count": len(saved)})
                return redirect(f"{_matrix_url()}?meeting={data['meeting'].pk}")
    else:
        form = ImportForm()
    return render(request, "decisions/import.html", {"form": form, "pairing": pairing})


def _matrix_url():
    return reverse("decisions:matrix")


@members_only
def letters_for_meeting(request, slug):
    _require(request.user, "decisions.manage")

    meeting = get_object_or_404(Meeting, slug=slug)
    if request.method == "POST":
        form = LettersForm(request.POST)
        if form.is_valid():
            result = services.letters_prepare_all(
                meeting=meeting, by=request.user, letter_date=form.cleaned_data["letter_date"]
            )
            messages.success(
                request, _("%(count)s letters prepared: check them, then send.") % {"count": len(result.prepared)}
            )
            if result.nothing_open:
                messages.info(
                    request,
                    _("No letter for %(countries)s: all their commitments on these decisions are closed.")
                    % {"countries": ", ".join(c.name for c in result.nothing_open)},
                )
            return redirect("decisions:letters", slug=meeting.slug)
    else:
        form = LettersForm()
    return render(
        request,
        "decisions/letters.html",
        {
            "meeting": meeting,
            "form": form,
            "send_form": SendForm(),
            "letters": selectors.letters_for_meeting(meeting),
            "countries": selectors.countries_with_commitments(meeting),
            "to_send": services.letters_to_send(meeting).count(),
        },
    )


def _send_preview_rows(letters):
    """Each letter with what sending it would do: sent to its focal points, skipped, or not sent (no address)."""
    rows, seen = [], set()
    letters = list(letters)
    emails_of = selectors.focal_point_emails_by_country({letter.country_id for letter in letters})
    for letter in letters:
        if letter.country_id in seen:
            continue
        seen.add(letter.country_id)
        emails = emails_of.get(letter.country_id, [])
        outcome = "skip" if not letter.items else ("send" if emails else "no_address")
        rows.append({"letter": letter, "emails": emails, "outcome": outcome})
    return rows


@members_only
def letters_send_preview(request, slug):
    """Before sending: how many letters go, which are skipped and why, and one letter as it will be read."""
    _require(request.user, "decisions.manage")

    meeting = get_object_or_404(Meeting, slug=slug)
    letters_qs = services.letters_to_send(meeting)
    only = request.GET.get("letter") or request.POST.get("letter")
    if only:
        letters_qs = letters_qs.filter(pk=only if str(only).isdigit() else 0)
    rows = _send_preview_rows(letters_qs)
    if not rows:
        messages.info(request, _("No letter is waiting to be sent."))
        return redirect("decisions:letters", slug=meeting.slug)
    sendable = [row for row in rows if row["outcome"] == "send"]
    shown_pk = request.GET.get("show", "")
    shown = next((row for row in rows if str(row["letter"].pk) == shown_pk), (sendable or rows)[0])
    return render(
        request,
        "decisions/letters_send_preview.html",
        {
            "meeting": meeting,
            "rows": rows,
            "sendable": sendable,
            "skipped": [row for row in rows if row["outcome"] == "skip"],
            "no_address": [row for row in rows if row["outcome"] == "no_address"],
            "shown": shown,
            "page": letters.letter_content(shown["letter"]).layout,
            "only": only or "",
            "send_form": SendForm(),
        },
    )


@require_POST
@members_only
def letters_send_all(request, slug):
    _require(request.user, "decisions.manage")

    meeting = get_object_or_404(Meeting, slug=slug)
    ids = [int(pk) for pk in request.POST.getlist("letter") if pk.isdigit()]
    result = services.letters_send_all(meeting=meeting, by=request.user, letter_ids=ids or None)
    if result.queued:
        messages.success(request, _("%(count)s letters are being sent.") % {"count": len(result.queued)})
    if result.skipped:
        messages.info(
            request,
            _("Not sent, nothing to follow up (no open commitment): %(countries)s.")
            % {"countries": ", ".join(letter.country.name for letter in result.skipped)},
        )
    if result.no_address:
        messages.warning(
            request,
            _("Not sent, no focal point with an e-mail address in the directory: %(countries)s.")
            % {"countries": ", ".join(letter.country.name for letter in result.no_address)},
        )
    return redirect("decisions:letters", slug=meeting.slug)


@require_POST
@members_only
def letter_send(request, pk):
    _require(request.user, "decisions.manage")
    letter = get_object_or_404(FollowUpLetter.objects.select_related("meeting", "country"), pk=pk)
    form = SendForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("send_at", []):
            messages.error(request, error)
        return redirect("decisions:letters", slug=letter.meeting.slug)
    try:
        letter = services.letter_send(letter=letter, by=request.user, run_after=form.cleaned_data.get("send_at"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if letter.status == FollowUpLetter.Status.SENT:
            messages.success(request, _("Letter to %(country)s sent.") % {"country": letter.country.name})
        elif letter.status in (FollowUpLetter.Status.FAILED, FollowUpLetter.Status.SKIPPED):
            messages.error(
                request,
                _("Letter to %(country)s not sent: %(reason)s")
                % {"country": letter.country.name, "reason": letter.status_reason},
            )
        elif letter.scheduled_for:
            messages.success(
                request,
                _("Letter to %(country)s will be sent on %(when)s.")
                % {"country": letter.country.name, "when": date_format(letter.scheduled_for, "DATETIME_FORMAT")},
            )
        else:
            messages.success(request, _("Letter to %(country)s is being sent.") % {"country": letter.country.name})
    return redirect("decisions:letters", slug=letter.meeting.slug)


@members_only
def letter_download(request, pk, fmt):
    _require(request.user, "decisions.manage")
    letter = get_object_or_404(FollowUpLetter.objects.select_related("meeting", "country"), pk=pk)
    if fmt == "pdf":
        content, content_type = letters.render_pdf(letter), "application/pdf"
    elif fmt == "docx":
        content = letters.render_docx(letter)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{letter.meeting.slug}-{letter.country.iso2.lower()}.{fmt}"'
    )
    return response


@members_only
def decision_edit(request, pk):
    _require(request.user, "decisions.manage")
    decision = get_object_or_404(Decision.objects.select_related("meeting"), pk=pk)
    original = Decision.objects.get(pk=pk)
    form = DecisionForm(request.POST or None, instance=decision)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.decision_update(decision=original, by=request.user, **changes)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Decision saved."))
            return redirect(original.get_absolute_url())
    return render(request, "decisions/decision_form.html", {"form": form, "decision": decision})


@members_only
def commitment_add(request, pk):
    _require(request.user, "decisions.manage")
    decision = get_object_or_404(Decision.objects.select_related("meeting"), pk=pk)
    form = CommitmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.commitment_create(
                decision=decision,
                by=request.user,
                description_es=data["description_es"],
                description_en=data["description_en"],
                due_date=data["due_date"],
                due_before_meeting=data["due_before_meeting"],
                parties=form.parties(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Commitment added."))
            return redirect(decision.get_absolute_url())
    return render(request, "decisions/commitment_form.html", {"form": form, "decision": decision})
