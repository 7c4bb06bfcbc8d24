"""Reads for the forum pages, with their joins done once (each page makes a constant
number of queries whatever the number of forums, threads or posts)."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.access import Role
from secretaria.directory import selectors as directory_selectors
from secretaria.forums.models import Follow, Forum, Post, PostAttachment, PostReport, Thread


def forums_for(user) -> QuerySet[Forum]:
    """The forums ``user`` may read, each with its thread count and its latest thread."""
    moderator = access.can(user, "forums.moderate")
    visible_threads = Q() if moderator else Q(threads__hidden=False)
    latest = Thread.objects.filter(forum=OuterRef("pk")).order_by("-last_post_at")
    if not moderator:
        latest = latest.filter(hidden=False)
    return (
        Forum.objects.filter(access.visible_filter(user))
        .select_related("group")
        .annotate(
            thread_count=Count("threads", filter=visible_threads),
            last_thread_id=Subquery(latest.values("pk")[:1]),
            last_thread_title=Subquery(latest.values("title")[:1]),
            last_post_at=Subquery(latest.values("last_post_at")[:1]),
        )
        .order_by("position", "name_es")
    )


def forum_by_slug(slug: str) -> Forum | None:
    return Forum.objects.select_related("group", "access_group").filter(slug=slug).first()


def threads_in(forum: Forum, user) -> QuerySet[Thread]:
    qs = Thread.objects.filter(forum=forum).select_related("author", "forum")
    if not access.can(user, "forums.moderate"):
        qs = qs.filter(hidden=False)
    return qs.order_by("-pinned", "-last_post_at", "-pk")


def thread_by_id(pk: int) -> Thread | None:
    return Thread.objects.select_related("forum__group", "author").filter(pk=pk).first()


def posts_in(thread: Thread) -> QuerySet[Post]:
    return (
        Post.objects.filter(thread=thread)
        .select_related("author__country", "author__organization", "hidden_by", "quote_of__author")
        .prefetch_related(Prefetch("attachments", queryset=PostAttachment.objects.order_by("pk")))
        .annotate(revision_count=Count("revisions"))
        .order_by("created", "pk")
    )


def post_by_id(pk: int) -> Post | None:
    return Post.objects.select_related("thread__forum", "author").filter(pk=pk).first()


def post_position(post: Post) -> int:
    """How many posts come before ``post`` in its thread (for the page it is on)."""
    return (
        Post.objects.filter(thread_id=post.thread_id)
        .filter(Q(created__lt=post.created) | Q(created=post.created, pk__lt=post.pk))
        .count()
    )


def attachment_by_id(pk: int) -> PostAttachment | None:
    return PostAttachment.objects.select_related("post__thread__forum").filter(pk=pk).first()


def follow_of(user, *, thread: Thread | None = None, forum: Forum | None = None) -> Follow | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Follow.objects.filter(user=user, thread=thread, forum=forum).first()


def follows_of(user) -> QuerySet[Follow]:
    return Follow.objects.filter(user=user).select_related("thread__forum", "forum").order_by("-created")


def open_reports() -> QuerySet[PostReport]:
    return (
        PostReport.objects.filter(resolved_at__isnull=True)
        .select_related("post__thread__forum", "post__author", "reporter")
        .order_by("created")
    )


def recent_threads_for(user, limit: int = 5) -> list[Thread]:
    readable = Forum.objects.filter(access.visible_filter(user))
    return list(
        Thread.objects.filter(forum__in=readable, hidden=False)
        .select_related("forum")
        .order_by("-last_post_at")[:limit]
    )


def label_authors(posts) -> None:
    """Set ``post.author_affiliation``: what the page shows beside the author's name. Secretariat
    staff speak for the Secretariat, so they are shown with it and the post they held when they
    wrote ("Technical Secretariat · Coordinator…"), not with the country they come from; others
    with their country or organisation. One query for the whole page."""
    posts = list(posts)
    staff = {
        post.author.person_id
        for post in posts
        if post.author_id and post.author.person_id and post.author.role in (Role.SECRETARIAT, Role.ADMIN)
    }
    terms_by_person: dict[int, list] = {}
    for term in directory_selectors.secretariat_terms_of(staff) if staff else ():
        terms_by_person.setdefault(term.person_id, []).append(term)
    for post in posts:
        author = post.author
        label = ""
        speaks_for_secretariat = author is not None and (
            author.role == Role.SECRETARIAT or (author.role == Role.ADMIN and author.person_id in terms_by_person)
        )
        if speaks_for_secretariat:
            terms = terms_by_person.get(author.person_id, [])
            day = timezone.localdate(post.created) if post.created else timezone.localdate()
            held = next((t for t in terms if t.start <= day and (t.end is None or t.end >= day)), None)
            held = held or (terms[0] if terms else None)
            label = str(_("Technical Secretariat"))
            if held is not None:
                title = str(held.post.title)
                # "Coordinator of the Technical Secretariat" says both; "Coordinator" alone does not.
                label = title if label.casefold() in title.casefold() else f"{label} · {title}"
        elif author is not None and author.country_id:
            label = str(author.country.name)
        elif author is not None and author.organization_id:
            label = author.organization.acronym or author.organization.name
        post.author_affiliation = label
