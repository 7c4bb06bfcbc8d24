"""The logistics page of a meeting; publishing it is a Secretariat step on the record."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core import access
from secretaria.meetings.models import Meeting, MeetingLogistics
from secretaria.meetings.models.logistics import SECTIONS
from secretaria.meetings.search import LOGISTICS
from secretaria.search.services import index_object

FIELDS = tuple(f"{section}_{lang}" for section in SECTIONS for lang in ("es", "en"))


@transaction.atomic
def logistics_save(*, meeting: Meeting, by, is_published: bool | None = None, on=None, **texts) -> MeetingLogistics:
    """Save the sections given in ``texts`` (``venue_es``…); publishing is recorded once.

    ``on`` dates the save (and a first publication) for scripts that record past meetings."""
    if by is not None and not access.can(by, "meetings.manage", meeting):
        raise PermissionDenied(_("Only the Technical Secretariat edits the logistics information."))
    unknown = set(texts) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown logistics fields: {sorted(unknown)}")
    logistics, _created = MeetingLogistics.objects.get_or_create(meeting=meeting)
    for name, value in texts.items():
        setattr(logistics, name, value or "")
    newly_published = bool(is_published) and not logistics.is_published
    if is_published is not None:
        logistics.is_published = is_published
    if newly_published:
        logistics.published_at = on or timezone.now()
    logistics.updated_by = by
    logistics.save()
    if on is not None:
        # A backdated save (the demo, an import of a past meeting) reads as written that day;
        # ``updated_at`` is ``auto_now``, so it is set after the save.
        MeetingLogistics.objects.filter(pk=logistics.pk).update(updated_at=on)
        logistics.updated_at = on
    if newly_published:
        activity_record(
            kind=Activity.Kind.LOGISTICS_PUBLISHED,
            actor=by,
            meeting=meeting,
            obj=logistics,
            summary_es=f"{meeting.title_es}: información administrativa y logística publicada",
            summary_en=f"{meeting.title_en or meeting.title_es}: administrative and logistics information published",
            on=on,
        )
    index_object(LOGISTICS, logistics)  # published, changed or taken back
    return logistics
