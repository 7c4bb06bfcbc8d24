"""Who may read, write and moderate in the forums: the rules, registered once in ready().

Every view, notification, attachment download, reply by e-mail and search hit asks these
through ``secretaria.core.access.can``; nothing else decides.

* ``forums.read`` (obj: Forum, Thread or Post): the forum's access level, through
  ``access.can_view``; a hidden thread is readable by the Secretariat only.
* ``forums.post`` (obj: Forum or Thread): may read it, is signed in, the forum is open and the
  thread is not locked. In a public forum any registered user may write.
* ``forums.edit_post`` (obj: Post): its author while the thread is open and the post not
  hidden, or the Secretariat.
* ``forums.moderate`` (obj: anything or None): the Secretariat.
"""

from __future__ import annotations

from secretaria.core import access
from secretaria.forums.models import Forum, Post, Thread


def _forum_of(obj):
    if isinstance(obj, Forum):
        return obj, None
    if isinstance(obj, Thread):
        return obj.forum, obj
    if isinstance(obj, Post):
        return obj.thread.forum, obj.thread
    raise TypeError(f"not a forum object: {obj!r}")


def can_read(user, obj) -> bool:
    if obj is None:
        return False
    forum, thread = _forum_of(obj)
    if thread is not None and thread.hidden and not access.is_secretariat(user):
        return False
    return access.can_view(user, forum.access_level, forum.access_group_id)


def can_post(user, obj) -> bool:
    if obj is None or access.role_of(user) is None or not can_read(user, obj):
        return False
    forum, thread = _forum_of(obj)
    if not forum.is_active and not access.is_secretariat(user):
        return False
    return thread is None or not thread.locked


def can_edit_post(user, post) -> bool:
    if post is None or not can_read(user, post):
        return False
    if access.is_secretariat(user):
        return True
    return (
        access.role_of(user) is not None
        and post.author_id == user.pk
        and not post.hidden
        and not post.thread.locked
        and post.thread.forum.is_active
    )


def can_moderate(user, obj=None) -> bool:
    return access.is_secretariat(user)


RULES = {
    "forums.read": can_read,
    "forums.post": can_post,
    "forums.edit_post": can_edit_post,
    "forums.moderate": can_moderate,
}


def register_rules() -> None:
    existing = access.rules()
    for name, rule in RULES.items():
        if name not in existing:
            access.register_rule(name, rule)
