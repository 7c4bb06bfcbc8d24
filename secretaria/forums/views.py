"""Forum pages. Thin: selectors read, services write, ``forums.*`` rules decide.

A reader without access learns nothing (404); an anonymous visitor is asked to sign in.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from secretaria.core import access
from secretaria.core.forms import add_service_errors
from secretaria.core.richtext import render_markdown
from secretaria.files.filetypes import UploadRefused
from secretaria.files.serving import stored_file_response
from secretaria.forums import selectors, services, tokens
from secretaria.forums.forms import (
    EditForm,
    FollowForm,
    HideForm,
    MoveForm,
    PostForm,
    ReportForm,
    ResolveForm,
    ThreadForm,
)
from secretaria.forums.models import Follow, PostReport

THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 30


def _denied(request):
    """A forum, thread, post or attachment the reader may not see, or that does not exist.

    Both answer the same, so nobody learns what exists: anonymous visitors are asked to sign
    in, signed-in readers get the 404 page. Hidden posts, for anyone but moderators, too.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


def _readable_forum(request, slug):
    forum = selectors.forum_by_slug(slug)
    if forum is None:
        return None, False
    return forum, access.can(request.user, "forums.read", forum)


def _readable_thread(request, slug, pk):
    thread = selectors.thread_by_id(pk)
    if thread is None or thread.forum.slug != slug:
        return None, False
    return thread, access.can(request.user, "forums.read", thread)


def _readable_post(request, pk):
    post = selectors.post_by_id(pk)
    if post is None:
        return None, False
    return post, access.can(request.user, "forums.read", post)


def _files(request):
    return [(f, f.name) for f in request.FILES.getlist("attachments")]


def _apply_errors(form, exc):
    if isinstance(exc, UploadRefused):
        form.add_error("attachments", str(exc))
    else:
        add_service_errors(form, exc)


def _preview(request, form) -> dict:
    """The "Preview" button: the text as it will be published (the same sanitised rendering),
    nothing saved. Files cannot survive a round trip through the browser, so say so."""
    if "preview" not in request.POST or not form.is_valid():
        return {}
    return {
        "preview_html": render_markdown(form.cleaned_data["body"]),
        "preview_title": form.cleaned_data.get("title", ""),
        "preview_dropped_files": bool(request.FILES.getlist("attachments")),
    }


# --- Reading ---------------------------------------------------------------------------------
def forum_index(request):
    forums = list(selectors.forums_for(request.user))
    return render(request, "forums/index.html", {"forums": forums})


def forum_detail(request, slug):
    forum, readable = _readable_forum(request, slug)
    if not readable:
        return _denied(request)
    page = Paginator(selectors.threads_in(forum, request.user), THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forums/forum.html",
        {
            "forum": forum,
            "page": page,
            "threads": page.object_list,
            "can_post": access.can(request.user, "forums.post", forum),
            "follow": selectors.follow_of(request.user, forum=forum),
            "follow_form": FollowForm(),
            "is_moderator": access.can(request.user, "forums.moderate"),
        },
    )


def _thread_context(request, thread, page_number, form=None):
    user = request.user
    page = Paginator(selectors.posts_in(thread), POSTS_PER_PAGE).get_page(page_number)
    is_moderator = access.can(user, "forums.moderate")
    posts = list(page.object_list)
    selectors.label_authors(posts)
    for post in posts:
        post.thread = thread  # already loaded: the rules below read it without a query each
        post.can_edit = access.can(user, "forums.edit_post", post)
    can_post = access.can(user, "forums.post", thread)
    if form is None and can_post:
        initial = {}
        quote_pk = request.GET.get("quote")
        if quote_pk and quote_pk.isdigit():
            quoted = next((p for p in posts if p.pk == int(quote_pk)), None) or selectors.post_by_id(int(quote_pk))
            if quoted is not None and quoted.thread_id == thread.pk and not quoted.hidden:
                initial = {"body": services.quote_markdown(quoted), "quote_of": quoted.pk}
        form = PostForm(initial=initial)
    return {
        "forum": thread.forum,
        "thread": thread,
        "page": page,
        "posts": posts,
        "form": form,
        "can_post": can_post,
        "is_moderator": is_moderator,
        "move_form": MoveForm(exclude=thread.forum) if is_moderator else None,
        "follow": selectors.follow_of(user, thread=thread),
        "follow_form": FollowForm(),
        "append_replies": page.number == page.paginator.num_pages,
    }


def thread_detail(request, slug, pk):
    thread, readable = _readable_thread(request, slug, pk)
    if not readable:
        return _denied(request)
    return render(request, "forums/thread.html", _thread_context(request, thread, request.GET.get("page")))


def post_redirect(request, pk):
    """A post's permanent address: the page of its thread it is on."""
    post, readable = _readable_post(request, pk)
    if not readable:
        return _denied(request)
    page = selectors.post_position(post) // POSTS_PER_PAGE + 1
    url = post.thread.get_absolute_url()
    if page > 1:
        url += f"?page={page}"
    return HttpResponseRedirect(f"{url}#post-{post.pk}")


def attachment_download(request, pk):
    attachment = selectors.attachment_by_id(pk)
    if attachment is None:
        return _denied(request)
    post = attachment.post
    if not access.can(request.user, "forums.read", post):
        return _denied(request)
    if post.hidden and not access.can(request.user, "forums.moderate"):
        return _denied(request)
    return stored_file_response(request, attachment)


def markdown_help(request):
    return render(request, "forums/markdown_help.html")


# --- Writing ---------------------------------------------------------------------------------
def thread_create(request, slug):
    forum, readable = _readable_forum(request, slug)
    if not readable:
        return _denied(request)
    if not access.can(request.user, "forums.post", forum):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied(_("You may not start a thread in this forum."))
    form = ThreadForm(request.POST or None, request.FILES or None)
    preview = _preview(request, form) if request.method == "POST" else {}
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            thread = services.thread_create(
                forum=forum,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                files=_files(request),
            )
        except (ValidationError, UploadRefused) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Your thread is published."))
            return redirect(thread.get_absolute_url())
    return render(request, "forums/thread_form.html", {"forum": forum, "form": form, **preview})


@require_POST
def reply(request, slug, pk):
    thread, readable = _readable_thread(request, slug, pk)
    if not readable:
        return _denied(request)
    if not access.can(request.user, "forums.post", thread):
        if not request.user.is_authenticated:
            return redirect_to_login(thread.get_absolute_url())
        messages.error(request, _("This thread is locked: it takes no more replies."))
        return redirect(thread.get_absolute_url())
    form = PostForm(request.POST, request.FILES)
    post = None
    if "preview" in request.POST:
        preview = _preview(request, form)
        if request.htmx:
            context = {**_thread_context(request, thread, None, form=form), **preview, "append_replies": True}
            return render(request, "forums/_reply_form.html", context)
        context = {**_thread_context(request, thread, request.GET.get("page"), form=form), **preview}
        return render(request, "forums/thread.html", context, status=200 if preview else 400)
    if form.is_valid():
        quote_pk = form.cleaned_data.get("quote_of")
        quoted = selectors.post_by_id(quote_pk) if quote_pk else None
        try:
            post = services.post_create(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                quote_of=quoted,
                files=_files(request),
            )
        except (ValidationError, UploadRefused) as exc:
            _apply_errors(form, exc)
    if request.htmx:
        if post is None:
            context = _thread_context(request, thread, None, form=form)
            return reswap(retarget(render(request, "forums/_reply_form.html", context), "#reply-form"), "outerHTML")
        post.thread = thread
        post.can_edit = access.can(request.user, "forums.edit_post", post)
        post.revision_count = 0
        selectors.label_authors([post])
        context = {
            "forum": thread.forum,
            "thread": thread,
            "post": post,
            "form": PostForm(),
            "can_post": True,
            "is_moderator": access.can(request.user, "forums.moderate"),
            "append_replies": True,
            "oob": True,  # the form replaces itself, emptied
            "published_notice": _("Your reply is published."),
        }
        return render(request, "forums/_post_appended.html", context)
    if post is None:
        context = _thread_context(request, thread, request.GET.get("page"), form=form)
        return render(request, "forums/thread.html", context, status=400)
    messages.success(request, _("Your reply is published."))
    return redirect(reverse("forums:post", kwargs={"pk": post.pk}))


def post_edit(request, pk):
    post, readable = _readable_post(request, pk)
    if not readable:
        return _denied(request)
    if not access.can(request.user, "forums.edit_post", post):
        raise PermissionDenied(_("You may not edit this post."))
    form = EditForm(request.POST or None, initial={"body": post.body})
    preview = _preview(request, form) if request.method == "POST" else {}
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            services.post_edit(post=post, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Your changes are saved; the earlier text is kept in the history."))
            return redirect(reverse("forums:post", kwargs={"pk": post.pk}))
    return render(request, "forums/post_edit.html", {"post": post, "thread": post.thread, "form": form, **preview})


def post_history(request, pk):
    post, readable = _readable_post(request, pk)
    if not readable:
        return _denied(request)
    if post.hidden and not access.can(request.user, "forums.moderate"):
        return _denied(request)
    revisions = list(post.revisions.select_related("edited_by"))
    return render(request, "forums/post_history.html", {"post": post, "thread": post.thread, "revisions": revisions})


def post_report(request, pk):
    post, readable = _readable_post(request, pk)
    if not readable:
        return _denied(request)
    if post.hidden and not access.can(request.user, "forums.moderate"):
        return _denied(request)  # a hidden post is for the moderators only, here as everywhere
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_create(post=post, reporter=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you. The Technical Secretariat will look at this post."))
        return redirect(reverse("forums:post", kwargs={"pk": post.pk}))
    return render(request, "forums/post_report.html", {"post": post, "thread": post.thread, "form": form})


def follow(request, slug, pk=None):
    if request.method != "POST":
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if pk is None:
        target, readable = _readable_forum(request, slug)
        kwargs = {"forum": target}
    else:
        target, readable = _readable_thread(request, slug, pk)
        kwargs = {"thread": target}
    if not readable:
        raise Http404
    form = FollowForm(request.POST)
    if form.is_valid():
        mode = form.cleaned_data["mode"]
        if mode:
            services.follow_set(user=request.user, mode=mode, **kwargs)
            messages.success(request, _("You follow this: %(mode)s.") % {"mode": Follow.Mode(mode).label})
        else:
            services.follow_remove(user=request.user, **kwargs)
            messages.success(request, _("You no longer follow this."))
    next_url = request.POST.get("next", "")
    if next_url == "following":
        return redirect("forums:following")
    return redirect(target.get_absolute_url())


def following(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    follows = [
        f for f in selectors.follows_of(request.user) if access.can(request.user, "forums.read", f.thread or f.forum)
    ]
    return render(request, "forums/following.html", {"follows": follows, "follow_form": FollowForm()})


@require_POST
def revoke_reply_addresses(request):
    """Cut every reply-by-e-mail address of the user (say, after a mailbox was compromised)."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("forums:following"))
    tokens.reply_address_revoke(user=request.user)
    messages.success(request, _("Your earlier reply addresses no longer work; the next notifications carry new ones."))
    return redirect("forums:following")


# --- Moderation (the Technical Secretariat) ----------------------------------------------------
def _require_moderator(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.can(request.user, "forums.moderate"):
        raise PermissionDenied(_("Only the Technical Secretariat moderates the forums."))
    return None


def _form_errors_as_messages(request, form) -> None:
    """The moderation forms sit inline in lists of posts and reports: their errors come back as
    messages above the list, and nothing is saved."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@require_POST
def post_moderate(request, pk, action):
    if (response := _require_moderator(request)) is not None:
        return response
    post = selectors.post_by_id(pk)
    if post is None:
        raise Http404
    if action == "hide":
        form = HideForm(request.POST)
        if not form.is_valid():
            _form_errors_as_messages(request, form)
            return redirect(reverse("forums:post", kwargs={"pk": post.pk}))
        services.post_hide(post=post, by=request.user, reason=form.cleaned_data["reason"], request=request)
        messages.success(request, _("The post is hidden."))
    elif action == "unhide":
        services.post_unhide(post=post, by=request.user, request=request)
        messages.success(request, _("The post is visible again."))
    else:
        raise Http404
    return redirect(reverse("forums:post", kwargs={"pk": post.pk}))


_THREAD_MESSAGES = {  # lazy: read in the language of each request, not of the import
    "lock": gettext_lazy("The thread is locked."),
    "unlock": gettext_lazy("The thread is open again."),
    "pin": gettext_lazy("The thread is pinned to the top of the forum."),
    "unpin": gettext_lazy("The thread is no longer pinned."),
    "hide": gettext_lazy("The thread is hidden."),
    "unhide": gettext_lazy("The thread is visible again."),
}


@require_POST
def thread_moderate(request, pk, action):
    if (response := _require_moderator(request)) is not None:
        return response
    thread = selectors.thread_by_id(pk)
    if thread is None or action not in _THREAD_MESSAGES:
        raise Http404
    services.thread_moderate(thread=thread, by=request.user, action=action, request=request)
    messages.success(request, _THREAD_MESSAGES[action])
    return redirect(thread.get_absolute_url())


@require_POST
def thread_move(request, pk):
    if (response := _require_moderator(request)) is not None:
        return response
    thread = selectors.thread_by_id(pk)
    if thread is None:
        raise Http404
    form = MoveForm(request.POST, exclude=thread.forum)
    if form.is_valid():
        services.thread_move(thread=thread, by=request.user, to=form.cleaned_data["forum"], request=request)
        messages.success(request, _("The thread is moved to %(forum)s.") % {"forum": thread.forum.name})
    else:
        messages.error(request, _("Choose another forum to move the thread to."))
    return redirect(thread.get_absolute_url())


def reports(request):
    if (response := _require_moderator(request)) is not None:
        return response
    return render(request, "forums/reports.html", {"reports": list(selectors.open_reports()), "form": ResolveForm()})


@require_POST
def report_resolve(request, pk):
    if (response := _require_moderator(request)) is not None:
        return response
    report = PostReport.objects.filter(pk=pk).first()
    if report is None:
        raise Http404
    form = ResolveForm(request.POST)
    if not form.is_valid():
        _form_errors_as_messages(request, form)
        return redirect("forums:reports")
    services.report_resolve(report=report, by=request.user, resolution=form.cleaned_data["resolution"], request=request)
    messages.success(request, _("The report is resolved."))
    return redirect("forums:reports")
