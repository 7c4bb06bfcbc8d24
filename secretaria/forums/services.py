"""Writes in the forums. Views, the e-mail gateway, the demo and the tests call these.

Each service checks the rule it depends on (``forums.post``, ``forums.edit_post``,
``forums.moderate``) and raises PermissionDenied, so no caller can forget it; it keeps the
search index and the thread's denormalised fields in step inside the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.core.audit import audit_record
from secretaria.core.richtext import render_markdown
from secretaria.core.tasks import queue_email
from secretaria.files.uploads import CheckedUpload, check_uploads, store_upload
from secretaria.forums.models import (
    Follow,
    Forum,
    Post,
    PostAttachment,
    PostReport,
    PostRevision,
    Thread,
)
from secretaria.forums.notifications import notify_new_post
from secretaria.search.services import index_object

SEARCH_KIND = "forum_post"
MAX_ATTACHMENTS = 5
MAX_BODY = 50_000


# --- Forums -------------------------------------------------------------------------------
def derived_access(*, kind: str, group=None, access_level: str | None = None, access_group=None):
    """(level, group) a forum is read at: a group's forum by the group's members (and the
    Secretariat); the members' forum at the level it is given (members only by default); a
    public forum by anyone."""
    if kind == Forum.Kind.GROUP:
        if group is None:
            raise ValidationError({"group": _("A group's forum needs its group.")})
        if group.access_level == AccessLevel.SECRETARIAT:
            return AccessLevel.SECRETARIAT, None
        return AccessLevel.GROUP, group
    if kind == Forum.Kind.PUBLIC:
        return AccessLevel.PUBLIC, None
    level = access_level or AccessLevel.MEMBERS
    if level == AccessLevel.GROUP and access_group is None:
        raise ValidationError({"access_group": _("Choose the group that may read this forum.")})
    return level, (access_group if level == AccessLevel.GROUP else None)


@transaction.atomic
def forum_save(*, slug: str, kind: str, name_es: str, name_en: str = "", group=None, **fields) -> Forum:
    """Create or update the forum ``slug``; its access follows ``derived_access``."""
    level, access_group = derived_access(
        kind=kind,
        group=group,
        access_level=fields.pop("access_level", None),
        access_group=fields.pop("access_group", None),
    )
    forum, _created = Forum.objects.update_or_create(
        slug=slug,
        defaults={
            "kind": kind,
            "name_es": name_es,
            "name_en": name_en,
            "group": group,
            "access_level": level,
            "access_group": access_group,
            **fields,
        },
    )
    reindex_posts(Post.objects.filter(thread__forum=forum))
    return forum


# --- Search -------------------------------------------------------------------------------
def reindex_post(post: Post) -> None:
    index_object(SEARCH_KIND, post)


def reindex_posts(posts) -> None:
    for post in posts.select_related("thread__forum").order_by("pk"):
        reindex_post(post)


# --- Text ---------------------------------------------------------------------------------
def _clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if len(body) > MAX_BODY:
        raise ValidationError({"body": _("The message is too long (at most %(max)s characters).") % {"max": MAX_BODY}})
    return body


def quote_markdown(post: Post) -> str:
    """The reply box's start when quoting ``post``: a Markdown blockquote and a link to it."""
    author = post.author.get_full_name() or post.author.get_username()
    lines = post.body.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in lines)
    intro = _("[%(author)s wrote](%(url)s):") % {"author": author, "url": post.get_absolute_url()}
    return f"{intro}\n\n{quoted}\n\n"


# --- Attachments ---------------------------------------------------------------------------
def check_attachments(files: Iterable[tuple]) -> list[CheckedUpload]:
    """Run every (fileobj, name) through the files' checks; raise UploadRefused for the first
    one refused, before anything is written."""
    return check_uploads(
        files,
        max_files=MAX_ATTACHMENTS,
        field="attachments",
        too_many=gettext_noop("At most %(max)s files may be attached to one post."),
    )


def _store_attachments(post: Post, checked: list[CheckedUpload]) -> None:
    for upload in checked:
        PostAttachment.objects.create(post=post, file=store_upload(upload, "forums"), **upload.fields())


# --- Threads and posts ----------------------------------------------------------------------
def _require(user, rule: str, obj, message: str) -> None:
    if not access.can(user, rule, obj):
        raise PermissionDenied(message)


@transaction.atomic
def thread_create(
    *, forum: Forum, author, title: str, body: str, files: Iterable[tuple] = (), notify: bool = True
) -> Thread:
    _require(author, "forums.post", forum, _("You may not start a thread in this forum."))
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Give the thread a title.")})
    body = _clean_body(body)
    checked = check_attachments(files)
    thread = Thread.objects.create(forum=forum, title=title[:200], author=author, last_post_at=timezone.now())
    _add_post(thread=thread, author=author, body=body, checked=checked, notify=notify)
    return thread


@transaction.atomic
def post_create(
    *,
    thread: Thread,
    author,
    body: str,
    quote_of: Post | None = None,
    files: Iterable[tuple] = (),
    via_email: bool = False,
    notify: bool = True,
) -> Post:
    """Reply in ``thread``; the author follows it from now on; followers are e-mailed."""
    thread = Thread.objects.select_related("forum").get(pk=thread.pk)
    _require(author, "forums.post", thread, _("You may not reply in this thread."))
    if quote_of is not None and (quote_of.thread_id != thread.pk or quote_of.hidden):
        quote_of = None
    body = _clean_body(body)
    checked = check_attachments(files)
    return _add_post(
        thread=thread, author=author, body=body, checked=checked, quote_of=quote_of, via_email=via_email, notify=notify
    )


def _add_post(*, thread, author, body, checked, quote_of=None, via_email=False, notify=True) -> Post:
    post = Post.objects.create(
        thread=thread, author=author, body=body, body_html=render_markdown(body), quote_of=quote_of, via_email=via_email
    )
    if checked:
        _store_attachments(post, checked)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created, post_count=F("post_count") + 1)
    thread.last_post_at = post.created
    _auto_follow(author, thread)
    reindex_post(post)
    if notify:
        notify_new_post(post)
    return post


def _auto_follow(user, thread: Thread) -> None:
    if Follow.objects.filter(user=user, thread=thread).exists():
        return
    forum_follow = Follow.objects.filter(user=user, forum_id=thread.forum_id).first()
    mode = forum_follow.mode if forum_follow else Follow.Mode.EACH
    Follow.objects.create(user=user, thread=thread, mode=mode, digest_since=timezone.now())


@transaction.atomic
def post_edit(*, post: Post, by, body: str) -> Post:
    post = Post.objects.select_for_update().select_related("thread__forum").get(pk=post.pk)
    _require(by, "forums.edit_post", post, _("You may not edit this post."))
    body = _clean_body(body)
    if body == post.body:
        return post
    PostRevision.objects.create(post=post, body=post.body, edited_by=by)
    post.body = body
    post.body_html = render_markdown(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    reindex_post(post)
    return post


def _require_moderator(by) -> None:
    _require(by, "forums.moderate", None, _("Only the Technical Secretariat moderates the forums."))


@transaction.atomic
def post_hide(*, post: Post, by, reason: str = "", request=None) -> Post:
    _require_moderator(by)
    post.hidden, post.hidden_by, post.hidden_reason = True, by, (reason or "").strip()[:255]
    post.save(update_fields=["hidden", "hidden_by", "hidden_reason"])
    audit_record(kind="forums.post_hidden", actor=by, target=f"forum post {post.pk}", request=request, reason=reason)
    reindex_post(post)
    return post


@transaction.atomic
def post_unhide(*, post: Post, by, request=None) -> Post:
    _require_moderator(by)
    post.hidden, post.hidden_by, post.hidden_reason = False, None, ""
    post.save(update_fields=["hidden", "hidden_by", "hidden_reason"])
    audit_record(kind="forums.post_unhidden", actor=by, target=f"forum post {post.pk}", request=request)
    reindex_post(post)
    return post


@transaction.atomic
def thread_moderate(*, thread: Thread, by, action: str, request=None) -> Thread:
    """``action``: lock, unlock, pin, unpin, hide, unhide."""
    _require_moderator(by)
    field, value = {
        "lock": ("locked", True),
        "unlock": ("locked", False),
        "pin": ("pinned", True),
        "unpin": ("pinned", False),
        "hide": ("hidden", True),
        "unhide": ("hidden", False),
    }[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    audit_record(kind=f"forums.thread_{action}", actor=by, target=f"forum thread {thread.pk}", request=request)
    if field == "hidden":
        reindex_posts(thread.posts.all())
    return thread


@transaction.atomic
def thread_move(*, thread: Thread, by, to: Forum, request=None) -> Thread:
    _require_moderator(by)
    if to.pk == thread.forum_id:
        return thread
    source = thread.forum
    thread.forum = to
    thread.save(update_fields=["forum"])
    audit_record(
        kind="forums.thread_moved", actor=by, target=f"forum thread {thread.pk}", request=request,
        source=source.slug, destination=to.slug,
    )  # fmt: skip
    reindex_posts(thread.posts.all())
    return thread


# --- Reports ---------------------------------------------------------------------------------
@transaction.atomic
def report_create(*, post: Post, reporter, reason: str) -> PostReport:
    _require(reporter, "forums.read", post, _("You may not read this post."))
    if access.role_of(reporter) is None:
        raise PermissionDenied(_("Sign in to report a post."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say what is wrong with this post.")})
    existing = PostReport.objects.filter(post=post, reporter=reporter, resolved_at__isnull=True).first()
    if existing is not None:
        existing.reason = reason
        existing.save(update_fields=["reason"])
        return existing
    report = PostReport.objects.create(post=post, reporter=reporter, reason=reason[:5000])
    _tell_the_secretariat(report)
    return report


def _tell_the_secretariat(report: PostReport) -> None:
    queue_email(
        subject=_("Forum post reported: %(title)s") % {"title": report.post.thread.title},
        body=_("%(who)s reported a post in “%(thread)s”:\n\n%(reason)s\n\nReported posts: %(url)s\n")
        % {
            "who": report.reporter.get_full_name() or report.reporter.get_username(),
            "thread": report.post.thread.title,
            "reason": report.reason,
            "url": settings.SITE_URL + reverse("forums:reports"),
        },
        to=[settings.SECRETARIAT_EMAIL],
    )


@transaction.atomic
def report_resolve(*, report: PostReport, by, resolution: str = "", request=None) -> PostReport:
    _require_moderator(by)
    report.resolved_by, report.resolved_at = by, timezone.now()
    report.resolution = (resolution or "").strip()[:255]
    report.save(update_fields=["resolved_by", "resolved_at", "resolution"])
    audit_record(kind="forums.report_resolved", actor=by, target=f"forum post {report.post_id}", request=request)
    return report


# --- Following and reply addresses ----------------------------------------------------------
def follow_set(*, user, mode: str, thread: Thread | None = None, forum: Forum | None = None) -> Follow:
    if (thread is None) == (forum is None):
        raise ValueError("follow a thread or a forum")
    target = thread or forum
    _require(user, "forums.read", target, _("You may not read this forum."))
    if mode not in Follow.Mode.values:
        raise ValidationError({"mode": _("Unknown notification mode.")})
    follow, _created = Follow.objects.update_or_create(
        user=user,
        thread=thread,
        forum=forum,
        defaults={"mode": mode},
        create_defaults={"mode": mode, "digest_since": timezone.now()},
    )
    return follow


def follow_remove(*, user, thread: Thread | None = None, forum: Forum | None = None) -> None:
    Follow.objects.filter(user=user, thread=thread, forum=forum).delete()
