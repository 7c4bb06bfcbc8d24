"""Inviting delegations and people, their signed links, registration, waiting list, reminders and letters.

Every write is a keyword-only ``<entity>_<action>`` function; each Secretariat step goes on the
activity record and each change of an invitation or registration on its ``ParticipationEvent`` history.
"""

from __future__ import annotations

import datetime
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core import access
from secretaria.core.i18n import pick
from secretaria.core.tasks import queue_email
from secretaria.directory.letters import signatory
from secretaria.directory.models import Country, Group, Membership, Organization, Person, Term
from secretaria.meetings.letters import merge, merge_context, merge_for, on_behalf_texts, recipient_layout
from secretaria.meetings.models import (
    Invitation,
    InviteeCategory,
    Letter,
    LetterRecipient,
    LetterTemplate,
    Mailing,
    Meeting,
    ParticipationEvent,
    Registration,
)

LINK_SALT = "meetings.invitation"
# Without a registration deadline a link lasts this many days from its sending.
LINK_DAYS = getattr(settings, "MEETINGS_INVITATION_LINK_DAYS", 30)
# Reminders: the first this many days before the deadline, then no more often than every REMIND_EVERY days.
REMIND_BEFORE_DAYS = getattr(settings, "MEETINGS_REMINDER_DAYS_BEFORE", 7)
REMIND_EVERY_DAYS = 3

ENGLISH_SPEAKING = {"US", "CA", "BZ"}

ACCREDITATION_TYPES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
ACCREDITATION_MAX_BYTES = 10 * 1024 * 1024

Ev = ParticipationEvent.Kind
RS = Registration.Status


def _require_manager(by) -> None:
    if by is not None and not access.can(by, "meetings.participation.manage"):
        raise PermissionDenied(_("Only the Technical Secretariat manages invitations."))


def _event(invitation, kind, *, registration=None, actor=None, note="", at=None) -> ParticipationEvent:
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return ParticipationEvent.objects.create(
        invitation=invitation,
        registration=registration,
        kind=kind,
        actor=actor,
        note=note[:300],
        at=at or timezone.now(),
    )


# --- Signed links ------------------------------------------------------------------------


class LinkError(Exception):
    """A signed link that cannot be used; ``reason`` is invalid, expired, used or closed.

    ``obj`` is the invitation or registration a genuine link names (None for an invalid one):
    a used personal link then leads to the registration it made, while it can still change.
    """

    def __init__(self, reason: str, obj=None):
        super().__init__(reason)
        self.reason = reason
        self.obj = obj


def link_expiry(meeting: Meeting, sent_at: datetime.datetime | None = None) -> datetime.date:
    if meeting.registration_deadline:
        return meeting.registration_deadline
    return timezone.localdate(sent_at or timezone.now()) + datetime.timedelta(days=LINK_DAYS)


def _token(kind: str, obj, action: str) -> str:
    meeting = obj.meeting
    sent_at = getattr(obj, "sent_at", None) or getattr(obj, "created_at", None)
    payload = {"k": kind, "id": obj.pk, "a": action, "n": obj.nonce, "x": link_expiry(meeting, sent_at).toordinal()}
    return signing.dumps(payload, salt=LINK_SALT, compress=True)


def invitation_token(invitation: Invitation, action: str = "respond") -> str:
    """``respond`` (accept or decline, once) or ``delegation`` (the focal point names the delegation)."""
    return _token("i", invitation, action)


def registration_token(registration: Registration, action: str = "register") -> str:
    """``register`` (a named delegate sends the form, once) or ``edit`` (the sent registration
    changes until the registration deadline)."""
    return _token("r", registration, action)


def token_read(token: str, action: str, *, today: datetime.date | None = None):
    """The invitation or registration a link names for ``action``; raises ``LinkError``."""
    try:
        payload = signing.loads(token, salt=LINK_SALT)
        kind, pk, token_action, nonce, expiry = payload["k"], payload["id"], payload["a"], payload["n"], payload["x"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkError("invalid") from None
    if token_action != action:
        raise LinkError("invalid")
    model = {"i": Invitation, "r": Registration}.get(kind)
    obj = model and model.objects.select_related("meeting").filter(pk=pk).first()
    if obj is None:
        raise LinkError("invalid")
    today = today or timezone.localdate()
    deadline = obj.meeting.registration_deadline
    if today.toordinal() > expiry or (deadline is not None and today > deadline):
        raise LinkError("expired", obj)
    if obj.nonce != nonce:
        raise LinkError("used", obj)
    if isinstance(obj, Invitation):
        if action == "respond" and obj.status != Invitation.Status.INVITED:
            raise LinkError("used", obj)
        if action == "delegation" and obj.status != Invitation.Status.ACCEPTED:
            raise LinkError("used", obj)
    elif action == "edit":
        if obj.status not in Registration.CHANGEABLE:
            raise LinkError("closed", obj)
    elif obj.status != RS.NAMED:
        raise LinkError("used", obj)
    return obj


def changeable_registration_for(obj) -> Registration | None:
    """The sent registration a used personal link (invitation or registration) leads to, while
    its invitee may still change it; None otherwise."""
    if isinstance(obj, Registration):
        registration = obj
    elif isinstance(obj, Invitation) and not obj.for_delegation:
        registration = obj.registrations.select_related("meeting").first()
    else:
        return None
    if registration is None or not registration_changeable_by_invitee(registration):
        return None
    return registration


def registration_changeable_by_invitee(registration: Registration, *, today: datetime.date | None = None) -> bool:
    """A sent registration (awaiting approval, waiting list or approved) before the registration
    deadline (or the link's own expiry when there is none) and the meeting's last day."""
    if registration.status not in Registration.CHANGEABLE:
        return False
    meeting = registration.meeting
    today = today or timezone.localdate()
    if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.HELD, Meeting.Status.REPORT_PUBLISHED):
        return False
    if today > meeting.end_date:
        return False
    return today <= link_expiry(meeting, registration.created_at)


def registration_edit_link(registration: Registration, lang: str | None = None) -> str:
    """The invitee's link to change the sent registration (site-relative unless SITE_URL is set)."""
    return _link("registration_edit", registration_token(registration, "edit"), lang or translation.get_language())


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path if getattr(settings, "SITE_URL", "") else path


def _link(name: str, token: str, lang: str) -> str:
    with translation.override(lang):
        return absolute_url(reverse(f"meetings:{name}", kwargs={"token": token}))


# --- Who receives an invitation ------------------------------------------------------------


def focal_point_for(
    *, country: Country | None = None, organization: Organization | None = None, on=None
) -> Person | None:
    """Who holds a focal-point post of the country or organisation today."""
    on = on or timezone.localdate()
    posts = Q(post__country=country) if country else Q(post__organization=organization)
    term = (
        Term.objects.filter(posts, post__is_focal_point=True, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .select_related("person")
        .order_by("-start")
        .first()
    )
    return term.person if term else None


def language_for(*, person: Person | None = None, country: Country | None = None) -> str:
    """The invitee's language: their account's preference, the languages they speak, their country's."""
    if person is not None:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(person=person).only("preferred_language").first()
        preferred = user.preferred_language if user else ""
        if preferred in ("es", "en"):
            return preferred
        for code in person.languages or []:
            if code in ("es", "en"):
                return code
        country = country or person.country
    return "en" if country is not None and country.iso2 in ENGLISH_SPEAKING else "es"


@dataclass
class InviteResult:
    created: list[Invitation]
    skipped: int
    without_address: list[Invitation]


def _create_invitation(*, meeting, by, category, for_delegation, quota, country=None, organization=None, person=None):
    lookup = {"meeting": meeting, "for_delegation": for_delegation}
    if for_delegation:
        lookup.update({"country": country} if country else {"organization": organization})
    else:
        lookup["person"] = person
    if Invitation.objects.filter(**lookup).exists():
        return None
    if for_delegation:
        person = focal_point_for(country=country, organization=organization)
    email = (person.email if person else "") or (organization.email if organization and for_delegation else "")
    return Invitation.objects.create(
        meeting=meeting,
        category=category,
        for_delegation=for_delegation,
        country=country,
        organization=organization if for_delegation else (organization or (person.organization if person else None)),
        person=person,
        email=email,
        language=language_for(person=person, country=country or (person.country if person else None)),
        quota=quota if for_delegation else 1,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )


@transaction.atomic
def invitations_create(
    *,
    meeting: Meeting,
    by,
    member_states: bool = False,
    observer_organizations: bool = False,
    group: Group | None = None,
    people=(),
    category: str = InviteeCategory.OTHER,
    quota: int = 2,
    send: bool = True,
) -> InviteResult:
    """Invite whole groups from the directory at once, then e-mail the invitations.

    ``member_states``: every member state (its focal point names the delegation);
    ``observer_organizations``: every observer organisation (likewise); ``group``: the people who
    belong to a directory group today (a network's liaison officers), each invited personally;
    ``people``: named people, invited personally in ``category``. Already invited: skipped.
    """
    _require_manager(by)
    created: list[Invitation] = []
    skipped = 0

    def add(invitation):
        nonlocal skipped
        if invitation is None:
            skipped += 1
        else:
            created.append(invitation)

    if member_states:
        for country in Country.objects.filter(status=Country.Status.MEMBER).order_by("name_es"):
            add(_create_invitation(meeting=meeting, by=by, category=InviteeCategory.DELEGATION, for_delegation=True,
                                   quota=quota, country=country))  # fmt: skip
    if observer_organizations:
        for org in Organization.objects.filter(kind=Organization.Kind.OBSERVER).order_by("name_es"):
            add(_create_invitation(meeting=meeting, by=by, category=InviteeCategory.OBSERVER, for_delegation=True,
                                   quota=quota, organization=org))  # fmt: skip
    if group is not None:
        today = timezone.localdate()
        memberships = (
            Membership.objects.filter(group=group)
            .filter(Q(start__isnull=True) | Q(start__lte=today), Q(end__isnull=True) | Q(end__gte=today))
            .select_related("person", "person__country", "person__organization")
        )
        group_category = category if category != InviteeCategory.OTHER else InviteeCategory.DELEGATION
        for membership in memberships:
            add(_create_invitation(meeting=meeting, by=by, category=group_category, for_delegation=False, quota=1,
                                   person=membership.person))  # fmt: skip
    for person in people:
        add(_create_invitation(meeting=meeting, by=by, category=category, for_delegation=False, quota=1, person=person))
    without_address = [inv for inv in created if not inv.email]
    if send and created:
        invitations_send(invitations=created, by=by)
    return InviteResult(created=created, skipped=skipped, without_address=without_address)


def _invitation_email(invitation: Invitation, *, reminder: bool = False) -> tuple[str, str]:
    lang = invitation.language
    with translation.override(lang):
        context = {
            "invitation": invitation,
            "meeting": invitation.meeting,
            "reminder": reminder,
            "addressee": invitation.person.full_name if invitation.person_id else invitation.invitee_name,
            "link": _link("invitation_respond", invitation_token(invitation), lang),
            "expires": link_expiry(invitation.meeting, invitation.sent_at),
            **logistics_facts(invitation.meeting, lang),
        }
        body = render_to_string("meetings/participation/email/invitation.txt", context)
        title = invitation.meeting.title
        subject = (_("Reminder: invitation to %(meeting)s") if reminder else _("Invitation to %(meeting)s")) % {
            "meeting": title
        }
    return str(subject), body


def logistics_facts(meeting: Meeting, lang: str) -> dict:
    """What an invitation e-mail says about the practical side: the published logistics note's
    address, the place, the registration deadline and whom to ask (the note's contacts, or the
    Secretariat's address)."""
    from secretaria.meetings.models import MeetingLogistics

    info = MeetingLogistics.objects.filter(meeting=meeting, is_published=True).first()
    with translation.override(lang):
        country = meeting.country.name if meeting.country_id else ""
        place = ", ".join(part for part in (meeting.venue, meeting.city_in(lang), country) if part)
        contacts = (info.contacts if info else "").strip()
        return {
            "place": place,
            "deadline": meeting.registration_deadline,
            "logistics_url": absolute_url(reverse("meetings:logistics", kwargs={"slug": meeting.slug})) if info else "",
            "meeting_url": absolute_url(meeting.get_absolute_url()),
            "contact": contacts or getattr(settings, "SECRETARIAT_EMAIL", ""),
        }


def invitations_send(*, invitations: list[Invitation], by) -> int:
    """E-mail each invitation (in its language) with its personal link; record the step."""
    _require_manager(by)
    now = timezone.now()
    sent = 0
    meeting = None
    for invitation in invitations:
        if not invitation.email:
            continue  # stays unsent: invitations_send_pending sends it once the directory has an address
        meeting = invitation.meeting
        invitation.sent_at = invitation.sent_at or now
        invitation.save(update_fields=["sent_at"])
        _event(invitation, Ev.INVITED, actor=by, note=invitation.email)
        subject, body = _invitation_email(invitation)
        queue_email(subject=subject, body=body, to=[invitation.email])
        sent += 1
    if meeting is not None:
        activity_record(
            kind=Activity.Kind.INVITATIONS_SENT,
            actor=by,
            meeting=meeting,
            summary_es=f"{meeting.title_es}: {sent} invitaciones enviadas",
            summary_en=f"{meeting.title_en or meeting.title_es}: {sent} invitations sent",
        )
        reminders_schedule(meeting=meeting)
    return sent


def invitations_closed_reason(meeting: Meeting) -> str | None:
    """Why invitations can no longer go out for this meeting, or None."""
    closed_statuses = (
        Meeting.Status.CANCELLED,
        Meeting.Status.POSTPONED,
        Meeting.Status.HELD,
        Meeting.Status.REPORT_PUBLISHED,
    )
    if meeting.status in closed_statuses:
        return _("Invitations are not sent for a meeting that is %(status)s.") % {
            "status": meeting.get_status_display().lower()
        }
    if meeting.registration_deadline and meeting.registration_deadline < timezone.localdate():
        return _("The registration deadline has passed: the invitation's link would not work.")
    return None


def invitations_unsent(*, meeting: Meeting):
    return meeting.invitations.filter(sent_at__isnull=True, status=Invitation.Status.INVITED)


@transaction.atomic
def invitations_send_pending(*, meeting: Meeting, by) -> InviteResult:
    """Send the invitations that had no address when they were made, looking the address up again
    in the directory (a focal point named since, an e-mail added to a person or organisation)."""
    _require_manager(by)
    closed = invitations_closed_reason(meeting)
    if closed:
        raise ValidationError(closed)
    # Locked: two clicks (or two officers) at once must not send an invitation twice.
    unsent = invitations_unsent(meeting=meeting).select_for_update(of=("self",))
    pending = list(unsent.select_related("person", "organization", "country"))
    for invitation in pending:
        if invitation.email:
            continue
        person = invitation.person
        if invitation.for_delegation:
            person = focal_point_for(country=invitation.country, organization=invitation.organization) or person
        email = (person.email if person else "") or (
            invitation.organization.email if invitation.organization and invitation.for_delegation else ""
        )
        if email:
            invitation.person, invitation.email = person, email
            invitation.language = language_for(person=person, country=invitation.country)
            invitation.save(update_fields=["person", "email", "language"])
    invitations_send(invitations=pending, by=by)
    return InviteResult(
        created=[inv for inv in pending if inv.email],
        skipped=0,
        without_address=[inv for inv in pending if not inv.email],
    )


def reminders_schedule(*, meeting: Meeting):
    """Enqueue the reminder run before the deadline, when the task backend can defer tasks."""
    if not meeting.registration_deadline:
        return None
    backend = send_meeting_reminders.get_backend()
    if not backend.supports_defer:
        return None
    day = meeting.registration_deadline - datetime.timedelta(days=REMIND_BEFORE_DAYS)
    run_after = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=meeting.tz)
    if run_after <= timezone.now():
        return None
    return send_meeting_reminders.using(run_after=run_after).enqueue(meeting_id=meeting.pk)


# --- Answering ------------------------------------------------------------------------------


def _bump(obj) -> None:
    type(obj).objects.filter(pk=obj.pk).update(nonce=F("nonce") + 1)
    obj.refresh_from_db(fields=["nonce"])


@transaction.atomic
def invitation_decline(*, invitation: Invitation, by=None, note: str = "") -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status == Invitation.Status.DECLINED:
        return invitation
    invitation.status = Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    _bump(invitation)
    _event(invitation, Ev.DECLINED, actor=by, note=note)
    for registration in invitation.registrations.exclude(status__in=[RS.CANCELLED, RS.REJECTED]):
        _registration_set(registration, RS.CANCELLED, by=by)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, by=None, registration_data: dict | None = None) -> Invitation:
    """Accept. A personal invitation registers its person at once (``registration_data``: logistics)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    if not invitation.for_delegation and invitation.person_id is None:
        raise ValidationError(_("This invitation has no addressee."))
    invitation.status = Invitation.Status.ACCEPTED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    _bump(invitation)
    _event(invitation, Ev.ACCEPTED, actor=by)
    if invitation.for_delegation and invitation.email:
        lang = invitation.language
        with translation.override(lang):
            body = render_to_string(
                "meetings/participation/email/delegation_link.txt",
                {
                    "invitation": invitation,
                    "meeting": invitation.meeting,
                    "addressee": invitation.person.full_name if invitation.person_id else invitation.invitee_name,
                    "link": _link("invitation_delegation", invitation_token(invitation, "delegation"), lang),
                },
            )
            subject = _("Name your delegation to %(meeting)s") % {"meeting": invitation.meeting.title}
        queue_email(subject=subject, body=body, to=[invitation.email])
    if not invitation.for_delegation:
        registration = Registration.objects.create(
            invitation=invitation, meeting=invitation.meeting, person=invitation.person
        )
        registration_submit(registration=registration, data=registration_data or {}, by=by)
    return invitation


@transaction.atomic
def delegation_name_member(
    *,
    invitation: Invitation,
    given_name: str = "",
    family_name: str = "",
    email: str = "",
    role: str = Registration.Role.MEMBER,
    person: Person | None = None,
    by=None,
) -> Registration:
    """The focal point names one member of the delegation, within the quota; the member gets a link."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("meeting", "country", "organization")
        .get(pk=invitation.pk)
    )
    if not invitation.for_delegation or invitation.status != Invitation.Status.ACCEPTED:
        raise ValidationError(_("Only an accepted delegation invitation can name delegates."))
    active = invitation.registrations.exclude(status__in=[RS.CANCELLED, RS.REJECTED])
    if active.count() >= invitation.quota:
        raise ValidationError(
            _("The delegation already has its %(quota)s places; no more can be named.") % {"quota": invitation.quota}
        )
    if role == Registration.Role.HEAD and active.filter(role=Registration.Role.HEAD).exists():
        raise ValidationError({"role": _("The delegation already has a head.")})
    if person is None:
        email = email.strip().lower()
        person = Person.objects.filter(email__iexact=email).first() if email else None
        if person is None:
            if not (given_name.strip() and family_name.strip()):
                raise ValidationError(_("Give the delegate's given and family names."))
            person = Person(
                given_name=given_name.strip(),
                family_name=family_name.strip(),
                email=email,
                country=invitation.country,
                organization=invitation.organization,
            )
            person.full_clean()
            person.save()
    if Registration.objects.filter(meeting=invitation.meeting, person=person).exists():
        raise ValidationError(_("%(name)s is already registered for this meeting.") % {"name": person.full_name})
    registration = Registration.objects.create(
        invitation=invitation, meeting=invitation.meeting, person=person, role=role
    )
    _event(invitation, Ev.NAMED, registration=registration, actor=by, note=person.full_name)
    address = person.email or invitation.email
    if address:
        lang = invitation.language
        with translation.override(lang):
            body = render_to_string(
                "meetings/participation/email/delegate.txt",
                {
                    "registration": registration,
                    "meeting": invitation.meeting,
                    "invitation": invitation,
                    "link": _link("registration_form", registration_token(registration), lang),
                    **logistics_facts(invitation.meeting, lang),
                },
            )
            subject = _("Your registration for %(meeting)s") % {"meeting": invitation.meeting.title}
        queue_email(subject=subject, body=body, to=[address])
    return registration


def accreditation_letter_check(upload) -> None:
    import os

    ext = os.path.splitext(upload.name or "")[1].lower()
    if ext not in ACCREDITATION_TYPES:
        raise ValidationError(_("The accreditation letter must be a PDF, a Word (.docx) file or an image (PNG, JPEG)."))
    if upload.size > ACCREDITATION_MAX_BYTES:
        raise ValidationError(_("The accreditation letter is larger than 10 MB."))
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in ACCREDITATION_TYPES[ext]):
        raise ValidationError(_("The file's content does not match its name (%(ext)s).") % {"ext": ext})


@transaction.atomic
def delegation_upload_letter(*, invitation: Invitation, upload, by=None) -> Invitation:
    """Keep the note verbale as a Secretariat-only document (a new upload replaces it; the old one is a revision)."""
    from secretaria.core.access import AccessLevel
    from secretaria.documents import services as documents
    from secretaria.documents.models import Document
    from secretaria.files.filetypes import UploadRefused

    accreditation_letter_check(upload)
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=invitation.pk)
    meeting = invitation.meeting
    by = by if getattr(by, "is_authenticated", False) else None  # the focal point has no account
    try:
        document = invitation.accreditation_document
        if document is None:
            document = documents.document_create(
                by=None,
                symbol=f"CRM/ST/NV/{meeting.slug}/{invitation.pk}",
                date=timezone.localdate(),
                doc_type=Document.Type.LETTER,
                title_es=f"Nota verbal de acreditación: {_name_in(invitation, 'es')} — {meeting.title_es}",
                title_en=f"Accreditation letter: {_name_in(invitation, 'en')} — {meeting.title_en or meeting.title_es}",
                access_level=AccessLevel.SECRETARIAT,
            )
            invitation.accreditation_document = document
            invitation.save(update_fields=["accreditation_document"])
        documents.document_add_file(
            document=document, by=None, fileobj=upload, name=upload.name, language=invitation.language
        )
    except UploadRefused as exc:
        raise ValidationError(str(exc)) from None
    _event(invitation, Ev.LETTER_UPLOADED, actor=by, note=upload.name)
    return invitation


def _name_in(invitation: Invitation, lang: str) -> str:
    if invitation.country_id:
        return getattr(invitation.country, f"name_{lang}") or invitation.country.name_es
    if invitation.organization_id:
        return getattr(invitation.organization, f"name_{lang}") or invitation.organization.name_es
    return invitation.person.full_name if invitation.person_id else ""


REGISTRATION_FIELDS = (
    "arrival",
    "departure",
    "hotel",
    "dietary_needs",
    "accessibility_needs",
    "interpretation_language",
    "needs_visa",
    "passport_number",
    "passport_country",
    "listed_publicly",
)


def _places_taken(meeting: Meeting, exclude_pk=None) -> int:
    qs = Registration.objects.filter(meeting=meeting, status__in=Registration.HOLDS_PLACE)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.count()


@transaction.atomic
def registration_submit(*, registration: Registration, data: dict, by=None) -> Registration:
    """Record the logistics; the person takes a place, or joins the waiting list when the meeting is full."""
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    for field in REGISTRATION_FIELDS:
        if field in data:
            setattr(registration, field, data[field])
    registration.full_clean(exclude=["invitation", "meeting", "person"])
    now = timezone.now()
    registration.registered_at = now
    if meeting.capacity is not None and _places_taken(meeting, registration.pk) >= meeting.capacity:
        registration.status = RS.WAITLISTED
        registration.waitlisted_at = now
    else:
        registration.status = RS.REGISTERED
    registration.save()
    _bump(registration)
    _event(registration.invitation, Ev.REGISTERED, registration=registration, actor=by,
           note=registration.person.full_name)  # fmt: skip
    if registration.status == RS.WAITLISTED:
        _event(registration.invitation, Ev.WAITLISTED, registration=registration, actor=by)
    return registration


@transaction.atomic
def registration_update(*, registration: Registration, data: dict, by=None, reason: str = "", request=None):
    """Change a sent registration's details, keeping the previous ones in its history.

    The invitee (through the signed link: ``by`` anonymous or None) may do so while
    ``registration_changeable_by_invitee``; after that only the Secretariat, from its pages.
    Returns the names of the fields that changed (none: nothing is written).
    """
    from secretaria.core.audit import audit_record
    from secretaria.core.models import AuditEvent

    registration = (
        Registration.objects.select_for_update()
        .select_related("meeting", "invitation", "person")
        .get(pk=registration.pk)
    )
    by_manager = getattr(by, "is_authenticated", False) and access.can(by, "meetings.participation.manage")
    if not by_manager:
        if getattr(by, "is_authenticated", False) and by.person_id != registration.person_id:
            raise PermissionDenied(_("Only the participant or the Secretariat can change this registration."))
        if not registration_changeable_by_invitee(registration):
            raise ValidationError(
                _(
                    "This registration can no longer be changed here: write to the Secretariat, which can still change it."
                )
            )
    elif registration.status in (RS.CANCELLED, RS.REJECTED):
        raise ValidationError(_("A cancelled or rejected registration cannot be changed."))
    if not registration.history.exists():
        # Registered before the history was kept (or by a bulk import): keep the state being replaced.
        Registration.history.bulk_history_create(
            [registration], default_change_reason=_("State before the first recorded change"),
            default_date=registration.registered_at or registration.created_at,
        )  # fmt: skip
    changed = []
    for field in REGISTRATION_FIELDS:
        if field in data and getattr(registration, field) != data[field]:
            setattr(registration, field, data[field])
            changed.append(field)
    if not changed:
        return []
    registration.full_clean(exclude=["invitation", "meeting", "person"])
    actor = by if getattr(by, "is_authenticated", False) else None
    # django-simple-history reads these when it writes the historical row.
    registration._history_user = actor
    who = _("the Secretariat") if by_manager else _("the participant")
    labels = [str(Registration._meta.get_field(f).verbose_name) for f in changed]
    registration._change_reason = (reason.strip() or _("Changed by %(who)s") % {"who": who})[:100]
    registration.save()
    _event(registration.invitation, Ev.CHANGED, registration=registration, actor=actor,
           note=", ".join(labels) + (f" — {reason.strip()}" if reason.strip() else ""))  # fmt: skip
    audit_record(
        kind=AuditEvent.Kind.REGISTRATION_CHANGED,
        actor=actor,
        target=f"meetings.registration:{registration.pk} {registration}",
        request=request,
        fields=", ".join(changed),
        by="secretariat" if by_manager else "invitee link",
        reason=reason.strip(),
    )
    return changed


def registration_history(registration: Registration) -> list[dict]:
    """The registration's saved states, newest first, each with what changed from the one before."""
    records = list(registration.history.select_related("history_user").order_by("-history_date", "-history_id"))
    result = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older, included_fields=list(REGISTRATION_FIELDS) + ["status"])
            for change in delta.changes:
                field = Registration._meta.get_field(change.field)
                changes.append(
                    {
                        "label": field.verbose_name,
                        "old": _display(field, change.old),
                        "new": _display(field, change.new),
                    }
                )
        result.append(
            {
                "at": newer.history_date,
                "user": newer.history_user,
                "reason": newer.history_change_reason or "",
                "kind": newer.history_type,
                "changes": changes,
            }
        )
    return result


def _display(field, value) -> str:
    from django.utils.formats import localize

    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        from django.utils.formats import date_format

        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    return str(localize(value))


def _registration_set(registration: Registration, status: str, *, by=None, note: str = "") -> Registration:
    frees_place = registration.status in Registration.HOLDS_PLACE and status not in Registration.HOLDS_PLACE
    registration.status = status
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decided_at"])
    _event(registration.invitation, Ev(status), registration=registration, actor=by, note=note)
    if frees_place:
        waitlist_promote(meeting=registration.meeting)
    return registration


def waitlist_promote(*, meeting: Meeting) -> list[Registration]:
    """Give freed places to the waiting list, first come first served."""
    promoted = []
    while meeting.capacity is None or _places_taken(meeting) < meeting.capacity:
        nxt = (
            Registration.objects.filter(meeting=meeting, status=RS.WAITLISTED)
            .select_related("invitation", "person")
            .order_by("waitlisted_at", "pk")
            .first()
        )
        if nxt is None:
            break
        nxt.status = RS.REGISTERED
        nxt.save(update_fields=["status"])
        _event(nxt.invitation, Ev.PROMOTED, registration=nxt)
        address = nxt.person.email or nxt.invitation.email
        if address:
            with translation.override(nxt.invitation.language):
                subject = _("A place is free for you at %(meeting)s") % {"meeting": meeting.title}
                body = render_to_string(
                    "meetings/participation/email/promoted.txt", {"registration": nxt, "meeting": meeting}
                )
            queue_email(subject=subject, body=body, to=[address])
        promoted.append(nxt)
    return promoted


@transaction.atomic
def registration_approve(*, registration: Registration, by) -> Registration:
    _require_manager(by)
    if registration.status not in (RS.REGISTERED, RS.WAITLISTED):
        raise ValidationError(_("Only a registration awaiting approval can be approved."))
    if registration.status == RS.WAITLISTED:
        meeting = registration.meeting
        if meeting.capacity is not None and _places_taken(meeting) >= meeting.capacity:
            raise ValidationError(_("The meeting is full: free a place before approving someone on the waiting list."))
    return _registration_set(registration, RS.APPROVED, by=by)


@transaction.atomic
def registration_reject(*, registration: Registration, by, note: str = "") -> Registration:
    _require_manager(by)
    if registration.status in (RS.REJECTED, RS.CANCELLED, RS.ATTENDED):
        raise ValidationError(_("This registration can no longer be rejected."))
    return _registration_set(registration, RS.REJECTED, by=by, note=note)


@transaction.atomic
def registration_mark_attended(*, registration: Registration, by) -> Registration:
    _require_manager(by)
    if registration.status != RS.APPROVED:
        raise ValidationError(_("Only an approved participant can be marked as attended."))
    return _registration_set(registration, RS.ATTENDED, by=by)


# --- Reminders ------------------------------------------------------------------------------


def invitations_needing_reminder(*, meeting: Meeting | None = None, now: datetime.datetime | None = None):
    """Invitations not yet answered, sent, with an address, whose link still works and not reminded lately."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    qs = Invitation.objects.filter(status=Invitation.Status.INVITED, sent_at__isnull=False).exclude(email="")
    qs = qs.filter(
        Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lte=now - datetime.timedelta(days=REMIND_EVERY_DAYS))
    )
    qs = qs.filter(Q(meeting__registration_deadline__gte=today) | Q(meeting__registration_deadline__isnull=True))
    qs = qs.filter(
        Q(meeting__registration_deadline__isnull=True)
        | Q(meeting__registration_deadline__lte=today + datetime.timedelta(days=REMIND_BEFORE_DAYS))
    )
    qs = qs.exclude(meeting__status__in=[Meeting.Status.CANCELLED, Meeting.Status.POSTPONED, Meeting.Status.HELD])
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    return qs.select_related("meeting", "person", "country", "organization")


def invitations_send_reminders(*, meeting: Meeting | None = None, now: datetime.datetime | None = None) -> int:
    """Remind those who have not answered; returns how many reminders went out."""
    now = now or timezone.now()
    count = 0
    for invitation in invitations_needing_reminder(meeting=meeting, now=now):
        if invitation.meeting.registration_deadline is None and timezone.localdate(
            invitation.sent_at
        ) + datetime.timedelta(days=LINK_DAYS - REMIND_BEFORE_DAYS) > timezone.localdate(now):
            continue
        subject, body = _invitation_email(invitation, reminder=True)
        queue_email(subject=subject, body=body, to=[invitation.email])
        Invitation.objects.filter(pk=invitation.pk).update(last_reminded_at=now, reminder_count=F("reminder_count") + 1)
        _event(invitation, Ev.REMINDED, at=now)
        count += 1
    return count


@task()
def send_meeting_reminders(meeting_id: int) -> int:
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    return invitations_send_reminders(meeting=meeting) if meeting else 0


# --- Letters and mailings ------------------------------------------------------------------------


@dataclass
class Addressee:
    name: str
    email: str
    language: str
    person: Person | None = None
    delegation: str = ""


def addressees_of(registrations) -> list[Addressee]:
    result = []
    for r in registrations:
        result.append(
            Addressee(
                name=r.person.full_name,
                email=r.person.email or r.invitation.email,
                language=r.invitation.language,
                person=r.person,
                delegation=r.delegation_name,
            )
        )
    return result


def _person_delegation(person: Person, lang: str) -> str:
    if person.country_id:
        return pick(person.country, "name", lang)
    if person.organization_id:
        return pick(person.organization, "acronym", lang) or pick(person.organization, "name", lang)
    return ""


def agenda_speakers(meeting: Meeting) -> list[Addressee]:
    """The speakers of the meeting's approved agenda (its items' speakers), each once, in order of speaking."""
    from secretaria.meetings.selectors import published_agenda

    version = published_agenda(meeting)
    if version is None:
        return []
    seen, result = set(), []
    for item in version.items.all().prefetch_related("speakers__country", "speakers__organization"):
        for person in item.speakers.all():
            if person.pk in seen:
                continue
            seen.add(person.pk)
            invitation = meeting.invitations.filter(person=person).only("email", "language").first()
            lang = invitation.language if invitation else language_for(person=person)
            result.append(
                Addressee(
                    name=person.full_name,
                    email=person.email or (invitation.email if invitation else ""),
                    language=lang,
                    person=person,
                    delegation=_person_delegation(person, lang),
                )
            )
    return result


@dataclass
class LetterDraft:
    """A letter not yet sent: its recipients merged, for the preview and then the sending."""

    letter: Letter
    recipients: list[LetterRecipient]
    signed_by_holder: bool

    @property
    def without_address(self) -> list[LetterRecipient]:
        return [r for r in self.recipients if not r.email]


def letter_compose(
    *,
    meeting: Meeting,
    template: LetterTemplate,
    addressees: list[Addressee],
    by,
    letter_date: datetime.date | None = None,
    on_behalf: str = "",
    on_behalf_es: str = "",
    on_behalf_en: str = "",
    on_behalf_of: str = "",
) -> LetterDraft:
    """Merge the template for each addressee without saving anything (the preview shows it; sending saves it).

    ``on_behalf``: one of ``Letter.OnBehalf`` (the sponsors, the PPT, someone else written in
    ``on_behalf_es``/``on_behalf_en``); ``on_behalf_of`` alone is a text in one language for both.
    """
    _require_manager(by)
    if not addressees:
        raise ValidationError(_("Choose at least one recipient."))
    letter_date = letter_date or timezone.localdate()
    if on_behalf_of and not on_behalf:
        on_behalf, on_behalf_es = Letter.OnBehalf.OTHER, on_behalf_of
    text_es, text_en = on_behalf_texts(
        meeting=meeting, choice=on_behalf, on=letter_date, other_es=on_behalf_es, other_en=on_behalf_en
    )
    if on_behalf and not text_es:
        reasons = {
            Letter.OnBehalf.SPONSORS: _("This meeting has no sponsors to write on behalf of."),
            Letter.OnBehalf.PPT: _("No Pro-Tempore Presidency on the letter's date to write on behalf of."),
        }
        raise ValidationError({"on_behalf": reasons.get(on_behalf, _("Write on whose behalf the letter is sent."))})
    uses_placeholder = "{on_behalf_of}" in (template.body_es + template.body_en)
    if uses_placeholder and not text_es:
        raise ValidationError({"on_behalf": _("This letter is written on someone's behalf: choose whose.")})
    letter = Letter(
        meeting=meeting,
        template=template,
        kind=template.kind,
        letter_date=letter_date,
        on_behalf=on_behalf,
        signed_on_behalf_of=text_es,
        signed_on_behalf_of_en=text_en,
        sent_by=by if getattr(by, "is_authenticated", False) else None,
    )
    recipients = []
    for a in addressees:
        lang = a.language if a.language in ("es", "en") else "es"
        merged = merge_for(
            template=template, meeting=meeting, person=a.person, name=a.name, lang=lang, delegation=a.delegation,
            on_behalf_of=text_en if lang == "en" else text_es,
        )  # fmt: skip
        recipients.append(
            LetterRecipient(
                letter=letter,
                person=a.person,
                name=a.name,
                email=a.email,
                language=lang,
                subject=merged.subject,
                body=merged.body,
                salutation=merged.salutation,
                delegation=a.delegation,
                not_sent_reason="" if a.email else _("No e-mail address in the directory or the invitation."),
            )
        )
    return LetterDraft(letter=letter, recipients=recipients, signed_by_holder=signatory(letter_date, "es").found)


@transaction.atomic
def letter_send(
    *,
    meeting: Meeting,
    template: LetterTemplate,
    addressees: list[Addressee],
    by,
    letter_date: datetime.date | None = None,
    on_behalf: str = "",
    on_behalf_es: str = "",
    on_behalf_en: str = "",
    on_behalf_of: str = "",
    on=None,
) -> Letter:
    """Merge the template for each addressee, keep the letters and send them (PDF and DOCX attached).

    A recipient without an address is kept with the reason it was not sent."""
    draft = letter_compose(
        meeting=meeting, template=template, addressees=addressees, by=by, letter_date=letter_date,
        on_behalf=on_behalf, on_behalf_es=on_behalf_es, on_behalf_en=on_behalf_en, on_behalf_of=on_behalf_of,
    )  # fmt: skip
    letter = draft.letter
    letter.sent_at = on or timezone.now()
    letter.save()
    for recipient in draft.recipients:
        recipient.letter = letter
        recipient.save()
        if recipient.email:
            transaction.on_commit(lambda pk=recipient.pk: send_letter.enqueue(recipient_id=pk))
    behalf_es, behalf_en = letter.signed_on_behalf_of, letter.signed_on_behalf_of_en
    activity_record(
        kind=Activity.Kind.LETTER_SENT,
        actor=by,
        meeting=meeting,
        obj=letter,
        summary_es=f"{meeting.title_es}: carta «{template.subject_es}» enviada a {len(addressees)} destinatarios"
        + (f" en nombre de {behalf_es}" if behalf_es else ""),
        summary_en=f"{meeting.title_en or meeting.title_es}: letter “{template.subject_en or template.subject_es}” "
        f"sent to {len(addressees)} recipients" + (f" on behalf of {behalf_en}" if behalf_en else ""),
        on=on,
    )
    return letter


def letter_resend(*, recipient: LetterRecipient, by) -> None:
    _require_manager(by)
    if not recipient.email:
        raise ValidationError(_("This recipient has no e-mail address."))
    send_letter.enqueue(recipient_id=recipient.pk)


@task(queue_name="email")
def send_letter(recipient_id: int) -> int:
    """The worker renders the letter as PDF and DOCX and sends it as attachments; a failure is kept with its reason."""
    from secretaria.core.letters import render_docx, render_pdf

    recipient = (
        LetterRecipient.objects.select_related("letter__meeting", "letter__template").filter(pk=recipient_id).first()
    )
    if recipient is None:
        return 0
    if not recipient.email:
        with translation.override(recipient.language):
            reason = _("No e-mail address in the directory or the invitation.")
        LetterRecipient.objects.filter(pk=recipient.pk).update(not_sent_reason=reason)
        return 0
    page = recipient_layout(recipient)
    message = EmailMultiAlternatives(
        subject=recipient.subject, body=page.as_text(with_letterhead=False), to=[recipient.email]
    )
    stem = f"carta-{recipient.letter.meeting.slug}-{recipient.pk}"
    message.attach(f"{stem}.pdf", render_pdf(page), "application/pdf")
    message.attach(
        f"{stem}.docx",
        render_docx(page),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    try:
        sent = message.send()
    except (OSError, smtplib.SMTPException) as exc:
        with translation.override(recipient.language):
            reason = _("The mail server refused it: %(error)s") % {"error": str(exc)[:200] or type(exc).__name__}
        LetterRecipient.objects.filter(pk=recipient.pk).update(not_sent_reason=reason)
        return 0
    LetterRecipient.objects.filter(pk=recipient.pk).update(
        sent_at=timezone.now(), send_count=F("send_count") + 1, not_sent_reason=""
    )
    return sent


@transaction.atomic
def mailing_send(
    *,
    meeting: Meeting,
    categories: list[str],
    subject_es: str,
    body_es: str,
    subject_en: str = "",
    body_en: str = "",
    by,
) -> Mailing:
    """E-mail the meeting's participants of ``categories`` (approved, registered or attended), merged and logged."""
    _require_manager(by)
    from secretaria.meetings.selectors_participation import participants_in_categories

    registrations = list(participants_in_categories(meeting, categories))
    if not registrations:
        raise ValidationError(_("No participant in these categories."))
    recipients = []
    for a in addressees_of(registrations):
        if not a.email:
            continue
        lang = a.language
        subject = subject_en if lang == "en" and subject_en else subject_es
        body = body_en if lang == "en" and body_en else body_es
        context = merge_context(meeting=meeting, person=a.person, name=a.name, lang=lang, delegation=a.delegation)
        queue_email(subject=merge(subject, context), body=merge(body, context), to=[a.email])
        recipients.append({"name": a.name, "email": a.email, "language": lang})
    mailing = Mailing.objects.create(
        meeting=meeting,
        categories=list(categories),
        subject_es=subject_es,
        subject_en=subject_en,
        body_es=body_es,
        body_en=body_en,
        recipients=recipients,
        sent_by=by if getattr(by, "is_authenticated", False) else None,
    )
    activity_record(
        kind=Activity.Kind.EMAIL_SENT,
        actor=by,
        meeting=meeting,
        obj=mailing,
        summary_es=f"{meeting.title_es}: correo «{subject_es}» a {len(recipients)} participantes",
        summary_en=f"{meeting.title_en or meeting.title_es}: e-mail “{subject_en or subject_es}” to {len(recipients)} participants",
    )
    return mailing


@transaction.atomic
def bench_participants(*, meeting: Meeting, count: int) -> int:
    """Create ``count`` approved participants of ``meeting`` at once (benchmarks and query-count tests).

    Bulk writes: one person, one personal invitation (accepted) and one approved registration
    each, spread over the member countries and the invitee categories, half of them in the
    public list. No e-mail, no history events, no activity record: this is not a workflow.
    """
    countries = list(Country.objects.order_by("iso2")) or [None]
    categories = [code for code, _label in InviteeCategory.choices]
    now = timezone.now()
    start = Person.objects.filter(family_name__startswith=f"Participante {meeting.pk}-").count()
    people = Person.objects.bulk_create(
        [
            Person(
                given_name=f"Nombre {start + n + 1}",
                family_name=f"Participante {meeting.pk}-{start + n + 1}",
                country=countries[n % len(countries)],
            )
            for n in range(count)
        ]
    )
    if any(p.pk is None for p in people):  # databases that do not return keys from bulk inserts
        people = list(Person.objects.filter(family_name__startswith=f"Participante {meeting.pk}-").order_by("pk"))[
            start:
        ]
    invitations = Invitation.objects.bulk_create(
        [
            Invitation(
                meeting=meeting,
                category=categories[n % len(categories)],
                person=person,
                status=Invitation.Status.ACCEPTED,
                sent_at=now,
                responded_at=now,
            )  # fmt: skip
            for n, person in enumerate(people)
        ]
    )
    if any(i.pk is None for i in invitations):
        by_person = {i.person_id: i for i in Invitation.objects.filter(meeting=meeting, person__in=people)}
        invitations = [by_person[p.pk] for p in people]
    Registration.objects.bulk_create(
        [
            Registration(
                invitation=invitation,
                meeting=meeting,
                person=invitation.person,
                status=RS.APPROVED,
                listed_publicly=n % 2 == 0,
                registered_at=now,
                decided_at=now,
                hotel="Hotel Camino Real",
            )  # fmt: skip
            for n, invitation in enumerate(invitations)
        ]
    )
    return count
