"""E-mail to the people who follow a thread or a forum: one per post, or a daily digest.

Recipients are re-checked against ``forums.read`` one by one at sending time, so someone who
left a network stops receiving its forum the day they leave. Each message carries the
recipient's own reply address (reply+<token>@FORUM_REPLY_DOMAIN), which ``inbound.py`` turns
back into a post.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.tasks import queue_email
from secretaria.forums.models import Follow, Post
from secretaria.forums.tokens import reply_address_for


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _language(user) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def _may_receive(user, thread) -> bool:
    return bool(user.is_active and user.email) and access.can(user, "forums.read", thread)


def recipients_for(post: Post) -> list:
    """Users to e-mail about ``post`` now: following its thread or forum post by post, who may
    read it, never its author. A thread's own setting wins over the forum's."""
    thread = post.thread
    follows = (Follow.objects.filter(thread=thread) | Follow.objects.filter(forum_id=thread.forum_id)).select_related(
        "user"
    )
    by_user: dict[int, Follow] = {}
    for follow in follows:
        if follow.user_id == post.author_id:
            continue
        current = by_user.get(follow.user_id)
        if current is None or follow.thread_id is not None:
            by_user[follow.user_id] = follow
    return [f.user for f in by_user.values() if f.mode == Follow.Mode.EACH and _may_receive(f.user, thread)]


def notify_new_post(post: Post) -> int:
    """Queue one e-mail per recipient (in the posting transaction: a rolled-back post sends nothing)."""
    if post.hidden:
        return 0
    thread = post.thread
    sent = 0
    for user in recipients_for(post):
        reply = reply_address_for(user=user, thread=thread)
        with translation.override(_language(user)):
            context = {
                "post": post,
                "thread": thread,
                "forum": thread.forum,
                "author": post.author.get_full_name() or post.author.get_username(),
                "post_url": _absolute(reverse("forums:post", kwargs={"pk": post.pk})),
                "follow_url": _absolute(reverse("forums:thread", kwargs={"slug": thread.forum.slug, "pk": thread.pk})),
                "settings_url": _absolute(reverse("forums:following")),
                "user": user,
            }
            subject = f"[{thread.forum.name}] {thread.title}"
            body = render_to_string("forums/email/post.txt", context)
            html = render_to_string("forums/email/post.html", context)
        queue_email(subject=subject, body=body, html=html, to=[user.email], reply_to=[reply.address])
        sent += 1
    return sent


def send_digests(*, now: datetime.datetime | None = None) -> int:
    """One e-mail per user following something in digest mode, listing the posts since their
    last digest that they may read. Returns the number of e-mails queued."""
    now = now or timezone.now()
    follows = list(
        Follow.objects.filter(mode=Follow.Mode.DIGEST, digest_since__lt=now).select_related("user", "forum", "thread")
    )
    by_user: dict[int, list[Follow]] = defaultdict(list)
    for follow in follows:
        by_user[follow.user_id].append(follow)
    # Threads each user follows post by post are mailed one by one, never in a digest too.
    each_threads = set(
        Follow.objects.filter(user_id__in=by_user, mode=Follow.Mode.EACH, thread__isnull=False).values_list(
            "user_id", "thread_id"
        )
    )
    sent = 0
    for user_id, user_follows in by_user.items():
        user = user_follows[0].user
        posts: dict[int, Post] = {}
        for follow in user_follows:
            qs = Post.objects.filter(
                created__gt=follow.digest_since, created__lte=now, hidden=False, thread__hidden=False
            )
            qs = qs.filter(thread=follow.thread) if follow.thread_id else qs.filter(thread__forum=follow.forum)
            for post in qs.exclude(author_id=user_id).select_related("thread__forum", "author"):
                if (user_id, post.thread_id) in each_threads:
                    continue
                posts[post.pk] = post
        visible = [
            p for p in sorted(posts.values(), key=lambda p: (p.thread_id, p.created)) if _may_receive(user, p.thread)
        ]
        if visible:
            threads: dict[int, dict] = {}
            for post in visible:
                entry = threads.setdefault(post.thread_id, {"thread": post.thread, "posts": []})
                entry["posts"].append(post)
            with translation.override(_language(user)):
                context = {
                    "threads": [
                        {
                            **entry,
                            "url": _absolute(
                                reverse("forums:thread", kwargs={"slug": entry["thread"].forum.slug, "pk": tid})
                            ),
                        }
                        for tid, entry in threads.items()
                    ],
                    "count": len(visible),
                    "settings_url": _absolute(reverse("forums:following")),
                    "user": user,
                }
                subject = _("Forums: %(count)s new posts") % {"count": len(visible)}
                body = render_to_string("forums/email/digest.txt", context)
                html = render_to_string("forums/email/digest.html", context)
            queue_email(subject=subject, body=body, html=html, to=[user.email])
            sent += 1
        Follow.objects.filter(pk__in=[f.pk for f in user_follows]).update(digest_since=now)
    return sent
