"""The agenda's workflow: draft → (sponsors' comments) → submitted → approved | returned.

Each step checks the access rule for it, stamps who did it and when on the version, and
goes on the activity record. The PPT is told by e-mail when an agenda waits for it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core import access
from secretaria.core.tasks import queue_email
from secretaria.directory.models import Person
from secretaria.meetings.links import (
    SPONSOR_LINK_SALT,
    SponsorLinkError,
    absolute_url,
    agenda_sponsor_token,
    agenda_sponsor_token_expiry,
    language_for,
)
from secretaria.meetings.mailing import AGENDA_APPROVED
from secretaria.meetings.models import AgendaComment, AgendaItem, AgendaVersion, Meeting
from secretaria.meetings.search import AGENDA
from secretaria.meetings.selectors.agenda import current_ppt_users, sponsor_contacts, sponsor_of, sponsor_users
from secretaria.outbox.services import outbox_emit
from secretaria.search.services import index_object

V = AgendaVersion.State
KIND_ES = {AgendaVersion.Kind.PRELIMINARY: "agenda preliminar", AgendaVersion.Kind.ANNOTATED: "agenda anotada"}
KIND_EN = {AgendaVersion.Kind.PRELIMINARY: "preliminary agenda", AgendaVersion.Kind.ANNOTATED: "annotated agenda"}

_ITEM_FIELDS = (
    "order", "session_es", "session_en", "day", "start_time", "end_time",
    "title_es", "title_en", "description_es", "description_en",
)  # fmt: skip


class AgendaWorkflowError(ValidationError):
    pass


def _check(user, rule: str, obj, message: str) -> None:
    # ``by=None`` is a script run by the operator (demo data, imports of past meetings);
    # views and the API always pass the request's user, signed in or anonymous.
    if user is None:
        return
    if not access.can(user, rule, obj):
        raise PermissionDenied(message)


def _record(kind, *, version: AgendaVersion, by, es: str, en: str, on=None) -> Activity:
    meeting = version.meeting
    return activity_record(
        kind=kind,
        actor=by,
        meeting=meeting,
        obj=version,
        summary_es=f"{meeting.title_es}: {KIND_ES[version.kind]} v{version.number} {es}",
        summary_en=f"{meeting.title_en or meeting.title_es}: {KIND_EN[version.kind]} v{version.number} {en}",
        on=on,
    )


def _copy_items(source: AgendaVersion, target: AgendaVersion) -> None:
    for item in source.items.prefetch_related("speakers", "moderators", "documents"):
        copy = AgendaItem.objects.create(version=target, **{f: getattr(item, f) for f in _ITEM_FIELDS})
        copy.speakers.set(item.speakers.all())
        copy.moderators.set(item.moderators.all())
        copy.documents.set(item.documents.all())


def _latest(meeting: Meeting, kind: str) -> AgendaVersion | None:
    return meeting.agenda_versions.filter(kind=kind).order_by("-number").first()


@transaction.atomic
def agenda_start_draft(*, meeting: Meeting, kind: str = AgendaVersion.Kind.PRELIMINARY, by, on=None) -> AgendaVersion:
    """The draft to work on: the open draft if there is one, else a new version.

    A new version copies the latest one of its kind (so an edit after approval or after
    the PPT returned it starts from that text); the first annotated agenda copies the
    approved preliminary agenda, and needs one.
    """
    _check(by, "meetings.manage", meeting, _("Only the Technical Secretariat drafts agendas."))
    kind = AgendaVersion.Kind(kind)
    # Lock the meeting row: two people pressing "edit" at once get the same draft.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    latest = _latest(meeting, kind)
    if latest is not None and latest.state == V.DRAFT:
        return latest
    if latest is not None and latest.state == V.SUBMITTED:
        raise AgendaWorkflowError(_("This agenda waits for the Pro-Tempore Presidency; it cannot be edited now."))
    source = latest
    if source is None and kind == AgendaVersion.Kind.ANNOTATED:
        source = (
            meeting.agenda_versions.filter(kind=AgendaVersion.Kind.PRELIMINARY, state=V.APPROVED)
            .order_by("-number")
            .first()
        )
        if source is None:
            raise AgendaWorkflowError(_("The annotated agenda starts from the approved preliminary agenda."))
    number = (meeting.agenda_versions.filter(kind=kind).aggregate(n=Max("number"))["n"] or 0) + 1
    version = AgendaVersion.objects.create(
        meeting=meeting,
        kind=kind,
        number=number,
        based_on=source,
        introduction_es=source.introduction_es if source else "",
        introduction_en=source.introduction_en if source else "",
        created_by=by,
        created_at=on or timezone.now(),
    )
    if source is not None:
        _copy_items(source, version)
    _record(Activity.Kind.AGENDA_DRAFTED, version=version, by=by, es="en borrador", en="drafted", on=on)
    return version


def _require_draft(version: AgendaVersion) -> None:
    if version.state != V.DRAFT:
        raise AgendaWorkflowError(_("Only a draft can be changed; start a new draft to edit this agenda."))


@transaction.atomic
def agenda_update(*, version: AgendaVersion, by, introduction_es: str = "", introduction_en: str = "") -> AgendaVersion:
    _check(by, "meetings.manage", version.meeting, _("Only the Technical Secretariat drafts agendas."))
    _require_draft(version)
    version.introduction_es, version.introduction_en = introduction_es, introduction_en
    version.save(update_fields=["introduction_es", "introduction_en"])
    return version


@transaction.atomic
def agenda_item_save(
    *,
    version: AgendaVersion,
    by,
    item: AgendaItem | None = None,
    speakers=None,
    moderators=None,
    documents=None,
    **fields,
) -> AgendaItem:
    """Add an item to a draft, or change one of its items."""
    _check(by, "meetings.manage", version.meeting, _("Only the Technical Secretariat drafts agendas."))
    _require_draft(version)
    unknown = set(fields) - set(_ITEM_FIELDS)
    if unknown:
        raise TypeError(f"unknown agenda item fields: {sorted(unknown)}")
    if item is None:
        item = AgendaItem(version=version)
        if "order" not in fields:
            fields["order"] = (version.items.aggregate(n=Max("order"))["n"] or 0) + 1
    elif item.version_id != version.pk:
        raise AgendaWorkflowError(_("This item belongs to another version."))
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean(exclude=["version"])
    item.save()
    if speakers is not None:
        item.speakers.set(speakers)
    if moderators is not None:
        item.moderators.set(moderators)
    if documents is not None:
        item.documents.set(documents)
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, by) -> None:
    _check(by, "meetings.manage", item.version.meeting, _("Only the Technical Secretariat drafts agendas."))
    _require_draft(item.version)
    item.delete()


def _version_url(version: AgendaVersion) -> str:
    return settings.SITE_URL + reverse(
        "meetings:agenda_version", kwargs={"slug": version.meeting.slug, "pk": version.pk}
    )


@dataclass
class Notification:
    user: object
    subject: str
    body: str


def _notifications(users, *, subject: str, body: str, version: AgendaVersion) -> list[Notification]:
    """One e-mail per person who may see the meeting and has an address, in their preferred language.
    ``subject``/``body`` are format strings with %(meeting)s, %(agenda)s and %(url)s, marked for
    translation by the caller."""
    url = _version_url(version)
    meeting = version.meeting
    out = []
    for user in users:
        # A sponsor's or the PPT's official who may not see the meeting is not told of it.
        if not user.email or not access.can_view(user, meeting.access_level, meeting.access_group_id):
            continue
        lang = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(lang):
            values = {
                "meeting": version.meeting.title_en
                if lang == "en" and version.meeting.title_en
                else version.meeting.title_es,
                "agenda": (KIND_EN if lang == "en" else KIND_ES)[version.kind] + f" v{version.number}",
                "url": url,
            }
            out.append(Notification(user=user, subject=_(subject) % values, body=_(body) % values))
    return out


def _notify(users, *, subject: str, body: str, version: AgendaVersion, enabled: bool = True) -> None:
    """Send the notifications. ``enabled`` False: no e-mail (demo data and imports of past meetings)."""
    if not enabled:
        return
    for n in _notifications(users, subject=subject, body=body, version=version):
        queue_email(subject=n.subject, body=n.body, to=[n.user.email])


SUBMIT_SUBJECT = gettext_noop("Agenda waiting for your approval: %(meeting)s")
SUBMIT_BODY = gettext_noop(
    "The Technical Secretariat has submitted the %(agenda)s of %(meeting)s "
    "to the Pro-Tempore Presidency.\n\nApprove it or return it with comments here:\n%(url)s\n"
)
APPROVED_SUBJECT = gettext_noop("Agenda approved: %(meeting)s")
APPROVED_BODY = gettext_noop(
    "The Pro-Tempore Presidency approved the %(agenda)s of %(meeting)s. It is now published:\n%(url)s\n"
)
COMMENT_SUBJECT = gettext_noop("Agenda for your comments: %(meeting)s")
COMMENT_BODY = gettext_noop(
    "The Technical Secretariat invites you, as a sponsor, to comment on the %(agenda)s "
    "of %(meeting)s.\n\nRead it and comment on its items here:\n%(url)s\n"
)


@dataclass
class SendPreview:
    """Who a step will e-mail and what they will read, before the step is taken."""

    notifications: list[Notification]
    without_address: list  # accounts that will not be told: no e-mail address


def agenda_send_preview(*, version: AgendaVersion, action: str) -> SendPreview:
    """``action``: "submit" (the PPT's officials), "open_comments" (the sponsors' officials) or
    "approve" (the Secretariat official who submitted it)."""
    if action == "approve":
        users = [version.submitted_by] if version.submitted_by else []
        subject, body = APPROVED_SUBJECT, APPROVED_BODY
    elif action == "submit":
        users, subject, body = list(current_ppt_users()), SUBMIT_SUBJECT, SUBMIT_BODY
    elif action == "open_comments":
        users, subject, body = list(sponsor_users(version.meeting)), COMMENT_SUBJECT, COMMENT_BODY
    else:
        raise ValueError(action)
    return SendPreview(
        notifications=_notifications(users, subject=subject, body=body, version=version),
        without_address=[u for u in users if not u.email],
    )


@transaction.atomic
def agenda_open_for_comment(*, version: AgendaVersion, by, on=None, notify: bool = True) -> AgendaVersion:
    """Invite the sponsors' officials to comment on the draft's items."""
    _check(by, "meetings.manage", version.meeting, _("Only the Technical Secretariat drafts agendas."))
    _require_draft(version)
    if not (version.meeting.sponsor_countries.exists() or version.meeting.sponsor_organizations.exists()):
        raise AgendaWorkflowError(_("This meeting has no sponsors to consult."))
    if version.comments_opened_at is None:
        version.comments_opened_at, version.comments_opened_by = on or timezone.now(), by
        version.save(update_fields=["comments_opened_at", "comments_opened_by"])
        _record(
            Activity.Kind.AGENDA_SENT_FOR_COMMENT, version=version, by=by,
            es="enviada a los patrocinadores para comentarios", en="sent to the sponsors for comment", on=on,
        )  # fmt: skip
        _notify(
            sponsor_users(version.meeting), subject=COMMENT_SUBJECT, body=COMMENT_BODY, version=version,
            enabled=notify,
        )  # fmt: skip
    return version


@transaction.atomic
def agenda_comment_add(
    *, version: AgendaVersion, by, body: str, item: AgendaItem | None = None, parent: AgendaComment | None = None
) -> AgendaComment:
    _check(by, "meetings.agenda.comment", version, _("You are not invited to comment on this agenda."))
    return _comment_create(version=version, body=body, item=item, parent=parent, author=by)


def _comment_create(*, version, body, item, parent, author=None, contact=None) -> AgendaComment:
    body = (body or "").strip()
    if not body:
        raise AgendaWorkflowError({"body": _("Write a comment.")})
    if item is not None and item.version_id != version.pk:
        raise AgendaWorkflowError(_("This item belongs to another version."))
    if parent is not None:
        if parent.version_id != version.pk:
            raise AgendaWorkflowError(_("This comment belongs to another version."))
        item = parent.item
    return AgendaComment.objects.create(
        version=version, item=item, parent=parent, author=author, contact=contact, body=body
    )


# --- Sponsors without an account: a signed link to comment on the draft ------------------------


def agenda_sponsor_token_read(token: str, *, today: datetime.date | None = None):
    """The (version, person) a sponsor's link names; raises ``SponsorLinkError``."""

    try:
        payload = signing.loads(token, salt=SPONSOR_LINK_SALT)
        version_pk, person_pk, expiry = int(payload["v"]), int(payload["p"]), int(payload["x"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise SponsorLinkError("invalid") from None
    version = AgendaVersion.objects.select_related("meeting").filter(pk=version_pk).first()
    person = Person.objects.select_related("country", "organization").filter(pk=person_pk).first()
    if version is None or person is None:
        raise SponsorLinkError("invalid")
    if (today or timezone.localdate()).toordinal() > expiry:
        raise SponsorLinkError("expired")
    if not version.is_open_for_comment or not sponsor_contacts(version.meeting).filter(pk=person.pk).exists():
        raise SponsorLinkError("closed")
    return version, person


def agenda_sponsor_link(*, version: AgendaVersion, person, by, send: bool = True) -> str:
    """Make (and e-mail, with ``send``) a sponsor contact's personal link to comment on the draft.

    For the sponsors' people who have no account; their comments carry their name and sponsor.
    """

    meeting = version.meeting
    _check(by, "meetings.manage", meeting, _("Only the Technical Secretariat invites sponsors to comment."))
    if not version.is_open_for_comment:
        raise AgendaWorkflowError(_("Invite the sponsors to comment on this draft first."))
    if not sponsor_contacts(meeting).filter(pk=person.pk).exists():
        raise AgendaWorkflowError(
            _("%(name)s is not a contact of a sponsor of this meeting.") % {"name": person.full_name}
        )
    if send and not person.email:
        raise AgendaWorkflowError(
            _("%(name)s has no e-mail address: copy the link instead.") % {"name": person.full_name}
        )
    token = agenda_sponsor_token(version=version, person=person)
    lang = language_for(person=person)
    with translation.override(lang):
        url = absolute_url(reverse("meetings:agenda_sponsor_comment", kwargs={"token": token}))
        if send:
            kind = (KIND_EN if lang == "en" else KIND_ES)[version.kind]
            title = meeting.title_en if lang == "en" and meeting.title_en else meeting.title_es
            expiry = agenda_sponsor_token_expiry(token)
            subject = _("Agenda for your comments: %(meeting)s") % {"meeting": title}
            body = _(
                "Dear %(name)s,\n\nThe Technical Secretariat invites you, on behalf of %(sponsor)s, a sponsor of "
                "%(meeting)s, to comment on the draft %(agenda)s v%(number)s.\n\nRead it and comment on its items "
                "here, no account needed:\n%(url)s\n\nThis personal link works until %(date)s. Your comments "
                "carry your name. Please do not forward it.\n\nTechnical Secretariat of the Regional Conference "
                "on Migration\n"
            ) % {
                "name": person.full_name, "sponsor": sponsor_of(person, meeting), "meeting": title, "agenda": kind,
                "number": version.number, "url": url, "date": date_format(expiry, "DATE_FORMAT"),
            }  # fmt: skip
            queue_email(subject=subject, body=body, to=[person.email])
    _record(
        Activity.Kind.AGENDA_SENT_FOR_COMMENT, version=version, by=by,
        es=f"enlace para comentarios {'enviado' if send else 'generado'} para {person.full_name}",
        en=f"comment link {'sent' if send else 'made'} for {person.full_name}",
    )  # fmt: skip
    return url


@transaction.atomic
def agenda_comment_add_by_contact(
    *, version: AgendaVersion, person, body: str, item: AgendaItem | None = None, parent: AgendaComment | None = None
) -> AgendaComment:
    """A sponsor contact's comment through the signed link (``agenda_sponsor_token_read`` checked it)."""
    version = AgendaVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_open_for_comment:
        raise AgendaWorkflowError(_("This draft is no longer open for comments."))
    return _comment_create(version=version, body=body, item=item, parent=parent, contact=person)


@transaction.atomic
def agenda_comment_resolve(*, comment: AgendaComment, by) -> AgendaComment:
    _check(by, "meetings.manage", comment.version.meeting, _("Only the Technical Secretariat resolves comments."))
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), by
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment


@transaction.atomic
def agenda_submit(*, version: AgendaVersion, by, on=None, notify: bool = True) -> AgendaVersion:
    """Send the draft to the Pro-Tempore Presidency for approval; its officials get an e-mail."""
    _check(by, "meetings.manage", version.meeting, _("Only the Technical Secretariat submits agendas."))
    _require_draft(version)
    if not version.items.exists():
        raise AgendaWorkflowError(_("An agenda needs at least one item before it is submitted."))
    version.state, version.submitted_at, version.submitted_by = V.SUBMITTED, on or timezone.now(), by
    version.save(update_fields=["state", "submitted_at", "submitted_by"])
    _record(
        Activity.Kind.AGENDA_SUBMITTED, version=version, by=by,
        es="enviada a la Presidencia Pro-Tempore para aprobación",
        en="submitted to the Pro-Tempore Presidency for approval", on=on,
    )  # fmt: skip
    _notify(current_ppt_users(), subject=SUBMIT_SUBJECT, body=SUBMIT_BODY, version=version, enabled=notify)
    return version


def _require_submitted(version: AgendaVersion) -> None:
    if version.state != V.SUBMITTED:
        raise AgendaWorkflowError(_("Only an agenda submitted to the Pro-Tempore Presidency can be decided on."))


@transaction.atomic
def agenda_approve(*, version: AgendaVersion, by, comment: str = "", on=None, notify: bool = True) -> AgendaVersion:
    """The current PPT approves: the version is published (visible to all who see the meeting)."""
    _check(by, "meetings.agenda.decide", version, _("Only the current Pro-Tempore Presidency approves agendas."))
    _require_submitted(version)
    now = on or timezone.now()
    version.state, version.decided_at, version.decided_by = V.APPROVED, now, by
    version.decision_comment, version.published_at = comment.strip(), now
    version.save(update_fields=["state", "decided_at", "decided_by", "decision_comment", "published_at"])
    _record(Activity.Kind.AGENDA_APPROVED, version=version, by=by, es="aprobada por la PPT", en="approved by the PPT",
            on=now)  # fmt: skip
    _record(Activity.Kind.AGENDA_PUBLISHED, version=version, by=by, es="publicada", en="published", on=now)
    outbox_emit(kind=AGENDA_APPROVED, payload={"agenda_version_id": version.pk})  # for the distribution lists
    # The new version stands for the agenda in the search; the one it follows leaves it.
    for approved in AgendaVersion.objects.filter(meeting=version.meeting, kind=version.kind, state=V.APPROVED):
        index_object(AGENDA, approved)
    if version.submitted_by:
        _notify([version.submitted_by], subject=APPROVED_SUBJECT, body=APPROVED_BODY, version=version, enabled=notify)
    return version


@transaction.atomic
def agenda_return(*, version: AgendaVersion, by, comment: str, on=None, notify: bool = True) -> AgendaVersion:
    """The current PPT sends the agenda back to the Secretariat with its comments."""
    _check(by, "meetings.agenda.decide", version, _("Only the current Pro-Tempore Presidency returns agendas."))
    _require_submitted(version)
    if not (comment or "").strip():
        raise AgendaWorkflowError({"comment": _("Say what should change.")})
    version.state, version.decided_at, version.decided_by = V.RETURNED, on or timezone.now(), by
    version.decision_comment = comment.strip()
    version.save(update_fields=["state", "decided_at", "decided_by", "decision_comment"])
    _record(
        Activity.Kind.AGENDA_RETURNED, version=version, by=by, es="devuelta con comentarios por la PPT",
        en="returned with comments by the PPT", on=on,
    )  # fmt: skip
    if version.submitted_by:
        _notify(
            [version.submitted_by],
            subject=gettext_noop("Agenda returned with comments: %(meeting)s"),
            body=gettext_noop(
                "The Pro-Tempore Presidency returned the %(agenda)s of %(meeting)s with comments:\n%(url)s\n"
            ),
            version=version,
            enabled=notify,
        )
    return version
