"""The cached parts of a meeting's page: the programme and the list of documents.

Rendering 60 agenda items and 80 document rows is most of the page's cost, and they change
rarely, so the page caches them (Django's ``{% cache %}`` tag) under ``fragment_key``:

* the meeting's **page token**, a random string kept in the cache and replaced by ``touch``
  whenever something the fragments show changes (the receivers below: the meeting, its agenda
  versions and items with their speakers, moderators and documents, its document links, those
  documents and their files, the people and organisations named in its agenda). A token that
  the cache has lost is replaced by a new random one, never by an old one, so a lost token
  makes the fragments render again, never come back stale;
* the meeting's ``updated_at`` and ``created_at`` (a new meeting that reuses a deleted one's id
  never meets its fragments);
* the viewer's **visibility class** (``access.visibility_key``: the Secretariat, or the rank on
  the ladder of levels and the groups), which is all that decides which documents the programme
  and the list show; two viewers share a fragment only when they may see the same documents;
* the language.

Viewer-specific parts (registration box, participants, the Secretariat's actions) stay outside
the fragments. ``touch`` runs at once and again when the transaction commits, so a request that
read the old rows while the change was being written cannot store them under the new token.
The cache is shared by every process (files on one machine, Redis on several: settings.CACHES),
so a change made by one process is seen at once by the others.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.utils.translation import get_language

from secretaria.core import access
from secretaria.directory.models import Organization, Person
from secretaria.documents.models import Document, DocumentFile
from secretaria.meetings.models import AgendaItem, AgendaVersion, Meeting, MeetingDocument

# The fragments live until replaced; a day bounds what a stale entry can cost in space.
FRAGMENT_SECONDS = 24 * 3600
_PREFIX = "meetings:page:"
logger = logging.getLogger(__name__)


def _token_key(meeting_id: int) -> str:
    return f"{_PREFIX}{meeting_id}"


def page_token(meeting_id: int) -> str | None:
    """The meeting's change token; None when the cache cannot be read (the page renders uncached)."""
    key = _token_key(meeting_id)
    try:
        token = cache.get(key)
        if token is None:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            token = cache.get(key) or uuid.uuid4().hex  # a cache that keeps nothing caches nothing
    except Exception:  # Redis down: the page must still answer
        logger.warning("meeting page cache unavailable; rendering without it", exc_info=True)
        return None
    return token


def fragment_key(meeting, user) -> str | None:
    """What the page's cached fragments are keyed on, for ``meeting`` as ``user`` sees it; None
    when the cache is unavailable (the template then renders the fragments uncached)."""
    token = page_token(meeting.pk)
    if token is None:
        return None
    return ":".join(
        (
            str(meeting.pk),
            token,
            meeting.created_at.isoformat(),
            meeting.updated_at.isoformat(),
            access.visibility_key(user),
            get_language() or "",
        )
    )


def _replace(meeting_ids: frozenset[int]) -> None:
    try:
        cache.set_many({_token_key(pk): uuid.uuid4().hex for pk in meeting_ids}, timeout=None)
    except Exception:
        # The change is saved all the same; a cache that cannot be written serves nothing either.
        logger.warning("meeting page tokens not replaced for meetings %s", sorted(meeting_ids), exc_info=True)


def touch(meeting_ids: Iterable[int]) -> None:
    """The pages of these meetings changed: their cached fragments are no longer used."""
    ids = frozenset(pk for pk in meeting_ids if pk is not None)
    if not ids:
        return
    _replace(ids)
    transaction.on_commit(lambda: _replace(ids))


# --- Which meetings a change concerns ----------------------------------------------------


def _meetings_of_versions(version_ids) -> list[int]:
    return list(AgendaVersion.objects.filter(pk__in=version_ids).values_list("meeting_id", flat=True))


def _meetings_of_documents(document_ids) -> set[int]:
    linked = MeetingDocument.objects.filter(document_id__in=document_ids).values_list("meeting_id", flat=True)
    on_items = AgendaItem.documents.through.objects.filter(document_id__in=document_ids).values_list(
        "agendaitem__version__meeting_id", flat=True
    )
    return set(linked) | set(on_items)


def _meetings_of_people(person_ids) -> set[int]:
    found: set[int] = set()
    for through in (AgendaItem.speakers.through, AgendaItem.moderators.through):
        found |= set(
            through.objects.filter(person_id__in=person_ids).values_list("agendaitem__version__meeting_id", flat=True)
        )
    return found


def _on_meeting(sender, instance, **kwargs):
    touch([instance.pk])


def _on_version(sender, instance, **kwargs):
    touch([instance.meeting_id])


def _on_item(sender, instance, **kwargs):
    touch(_meetings_of_versions([instance.version_id]))


def _on_item_people_or_documents(sender, instance, **kwargs):
    # Before and after the change: a "clear" from the document's side leaves no rows to follow after it.
    if isinstance(instance, AgendaItem):
        touch(_meetings_of_versions([instance.version_id]))
    elif sender is AgendaItem.documents.through:  # changed from the document's side
        touch(_meetings_of_documents([instance.pk]))
    else:
        touch(_meetings_of_people([instance.pk]))


def _on_link(sender, instance, **kwargs):
    touch([instance.meeting_id])


def _on_document(sender, instance, **kwargs):
    touch(_meetings_of_documents([instance.pk]))


def _on_document_file(sender, instance, **kwargs):
    touch(_meetings_of_documents([instance.document_id]))


def _on_person(sender, instance, **kwargs):
    touch(_meetings_of_people([instance.pk]))


def _on_organization(sender, instance, **kwargs):
    touch(_meetings_of_people(Person.objects.filter(organization=instance).values("pk")))


def register() -> None:
    """Connect the receivers (MeetingsConfig.ready)."""
    receivers = [
        (Meeting, _on_meeting),
        (AgendaVersion, _on_version),
        (AgendaItem, _on_item),
        (MeetingDocument, _on_link),
        (Document, _on_document),
        (DocumentFile, _on_document_file),
        (Person, _on_person),
        (Organization, _on_organization),
    ]
    for model, receiver in receivers:
        uid = f"meetings.page_cache.{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid + ".save")
        # Before the delete: the rows that lead to the meeting still exist (after it, not always).
        pre_delete.connect(receiver, sender=model, dispatch_uid=uid + ".delete")
    for through in (AgendaItem.speakers.through, AgendaItem.moderators.through, AgendaItem.documents.through):
        m2m_changed.connect(
            _on_item_people_or_documents, sender=through, dispatch_uid=f"meetings.page_cache.{through._meta.label}"
        )
