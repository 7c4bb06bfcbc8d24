"""Pages of the documents app. Thin: selectors read, services write, the access policy decides."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.forms import add_service_errors
from secretaria.documents import selectors, services
from secretaria.documents.forms import (
    AccessForm,
    CommentForm,
    DocumentForm,
    FilterForm,
    NewDocumentForm,
    UploadForm,
    WithdrawForm,
)
from secretaria.documents.models import Document
from secretaria.documents.selectors import DocumentFilters
from secretaria.files.serving import stored_file_response

PAGE_SIZE = 20


def _not_found_or_login(request):
    """What a reader who may not see a thing gets, whether it exists or not.

    Anonymous visitors are asked to sign in, for a restricted thing and a missing one alike
    (a difference would tell them which restricted symbols and files exist); signed-in
    readers without access get the 404 page either way.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.can_manage(request.user):
            raise PermissionDenied(_("Only the Technical Secretariat manages documents."))
        return view(request, *args, **kwargs)

    return wrapper


def _listing(request, qs, template, extra=None, *, with_status=False):
    options = selectors.filter_options(qs)
    form = FilterForm(
        request.GET or None, options, with_status=with_status, can_manage=selectors.can_manage(request.user)
    )
    data = {}
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
    filters = DocumentFilters(
        doc_type=data.get("type") or "",
        year=data.get("year") or None,
        group=data.get("group") or "",
        topic=data.get("topic") or "",
        status=data.get("status") or "",
    )
    page = Paginator(selectors.filter_documents(qs, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "documents": page.object_list, "query": query.urlencode()}
    context.update(extra or {})
    return render(request, template, context)


def document_list(request):
    """The portal's list: published documents anyone may read."""
    return _listing(request, selectors.public_documents(), "documents/list.html")


def members_list(request):
    """The members' area list: everything the viewer may read (drafts too, for the Secretariat)."""
    if not access.can(request.user, "members_area.enter"):
        return redirect_to_login(request.get_full_path())
    return _listing(
        request,
        selectors.documents_visible_to(request.user),
        "documents/members_list.html",
        {"can_manage": selectors.can_manage(request.user)},
        with_status=True,
    )


def document_detail(request, symbol):
    document = selectors.document_by_symbol(request.user, symbol)
    if document is None:
        return _not_found_or_login(request)
    return _render_detail(request, document)


def _render_detail(request, document, *, comment_form=None, status=200):
    can_manage = selectors.can_manage(request.user)
    may_comment = selectors.may_comment(request.user, document)
    context = {
        "document": document,
        "files": list(document.files.all()),
        "meeting_links": list(selectors.document_meeting_links(request.user, document)),
        "can_manage": can_manage,
        "may_comment": may_comment,
        "comments": selectors.document_comments(request.user, document),
        "comment_form": (comment_form or CommentForm()) if may_comment else None,
    }
    if can_manage:
        context["revisions"] = list(selectors.document_revisions(document))
        context["access_form"] = AccessForm(
            initial={"access_level": document.access_level, "access_group": document.access_group_id}
        )
    return render(request, "documents/detail.html", context, status=status)


@require_POST
def comment_add(request, pk):
    document = selectors.commentable_document(request.user, pk)
    if document is None:
        return _not_found_or_login(request)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(document=document, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Comment added."))
            return redirect(document.get_absolute_url() + "#comments")
    return _render_detail(request, document, comment_form=form, status=400)


@require_POST
def comment_delete(request, pk):
    comment = selectors.comment_for(request.user, pk)
    if comment is None:
        return _not_found_or_login(request)
    services.comment_delete(comment=comment, by=request.user)  # someone else's: 403
    messages.success(request, _("Comment deleted."))
    return redirect(comment.document.get_absolute_url() + "#comments")


@require_POST
def comment_hide(request, pk):
    comment = selectors.comment_for(request.user, pk)
    if comment is None:
        return _not_found_or_login(request)
    services.comment_hide(comment=comment, by=request.user)  # not the Secretariat: 403
    messages.success(request, _("Comment hidden."))
    return redirect(comment.document.get_absolute_url() + "#comments")


def download(request, pk):
    doc_file = selectors.file_for_download(request.user, pk)
    if doc_file is None:
        return _not_found_or_login(request)
    return stored_file_response(request, doc_file)


def download_revision(request, pk):
    revision = selectors.revision_for_download(request.user, pk)
    if revision is None:
        return _not_found_or_login(request)
    return stored_file_response(request, revision, force_download=True)


# --- The Secretariat's forms -----------------------------------------------------------------
@manager_required
def document_create(request):
    form = NewDocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.document_create(
                by=request.user,
                symbol=data["symbol"],
                doc_type=data["doc_type"],
                date=data["date"],
                title_es=data["title_es"],
                title_en=data["title_en"],
                summary_es=data["summary_es"],
                summary_en=data["summary_en"],
                topics=data["topics"],
                author=data["author"],
                group=data["group"],
                access_level=data["access_level"],
                access_group=data["access_group"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Draft %(symbol)s created. Now add its files.") % {"symbol": document.symbol})
            return redirect("documents:upload", pk=document.pk)
    return render(request, "documents/form.html", {"form": form, "title": _("New document")})


@manager_required
def document_edit(request, pk):
    document = get_object_or_404(Document, pk=pk)
    form = DocumentForm(request.POST or None, instance=Document.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_update(
                document=document,
                by=request.user,
                topics=data.pop("topics"),
                **{key: value for key, value in data.items() if key in services.METADATA_FIELDS},
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Document updated."))
            return redirect(document.get_absolute_url())
    return render(
        request,
        "documents/form.html",
        {"form": form, "document": document, "title": _("Edit %(symbol)s") % {"symbol": document.symbol}},
    )


@manager_required
def document_upload(request, pk):
    document = get_object_or_404(Document, pk=pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = services.document_add_files(document=document, by=request.user, files=form.uploads())
        if report.added:
            messages.success(
                request,
                _("%(count)s file(s) added to %(symbol)s.") % {"count": len(report.added), "symbol": document.symbol},
            )
        if not report.refused:
            return redirect(document.get_absolute_url())
        messages.error(request, _("Some files were refused; see why below."))
        form = UploadForm()
    return render(
        request,
        "documents/upload.html",
        {
            "form": form,
            "document": document,
            "report": report,
            "files": list(document.files.all()),
            "max_mb": settings.MAX_UPLOAD_MB,
        },
    )


@require_POST
@manager_required
def document_publish(request, pk):
    document = get_object_or_404(Document, pk=pk)
    try:
        services.document_publish(document=document, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(symbol)s is published.") % {"symbol": document.symbol})
    return redirect(document.get_absolute_url())


@manager_required
def document_withdraw(request, pk):
    document = get_object_or_404(Document, pk=pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_withdraw(document=document, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(symbol)s is withdrawn.") % {"symbol": document.symbol})
        return redirect(document.get_absolute_url())
    return render(
        request,
        "documents/form.html",
        {"form": form, "document": document, "title": _("Withdraw %(symbol)s") % {"symbol": document.symbol}},
    )


@manager_required
def document_access(request, pk):
    document = get_object_or_404(Document, pk=pk)
    form = AccessForm(
        request.POST or None, initial={"access_level": document.access_level, "access_group": document.access_group_id}
    )
    if request.method == "POST" and form.is_valid():
        services.document_set_access(
            document=document,
            by=request.user,
            access_level=form.cleaned_data["access_level"],
            access_group=form.cleaned_data["access_group"],
            request=request,
        )
        messages.success(request, _("Access changed."))
        return redirect(document.get_absolute_url())
    return render(
        request,
        "documents/form.html",
        {"form": form, "document": document, "title": _("Who may read %(symbol)s") % {"symbol": document.symbol}},
    )


@require_POST
@manager_required
def document_delete(request, pk):
    document = get_object_or_404(Document, pk=pk)
    try:
        services.document_delete(document=document, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(document.get_absolute_url())
    messages.success(request, _("Draft deleted."))
    return redirect("documents:members_list")


def _add_errors(form, exc: ValidationError) -> None:
    add_service_errors(form, exc)
