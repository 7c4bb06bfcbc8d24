"""Signed links of invitations and registrations, and the helpers every participation write shares.

An invitee answers, names a delegation or changes a registration through a signed link
that lasts until the registration deadline (or a configured number of days)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.directory.models import Country, Organization, Person, Term
from secretaria.meetings.models import (
    AgendaVersion,
    Invitation,
    Meeting,
    ParticipationEvent,
    Registration,
)

LINK_SALT = "meetings.invitation"


# Without a registration deadline a link lasts this many days from its sending.
LINK_DAYS = getattr(settings, "MEETINGS_INVITATION_LINK_DAYS", 30)


ENGLISH_SPEAKING = {"US", "CA", "BZ"}


Ev = ParticipationEvent.Kind


RS = Registration.Status


def require_participation_manager(by) -> None:
    if by is not None and not access.can(by, "meetings.participation.manage"):
        raise PermissionDenied(_("Only the Technical Secretariat manages invitations."))


def participation_event(invitation, kind, *, registration=None, actor=None, note="", at=None) -> ParticipationEvent:
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return ParticipationEvent.objects.create(
        invitation=invitation,
        registration=registration,
        kind=kind,
        actor=actor,
        note=note[:300],
        at=at or timezone.now(),
    )


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
    return signed_link(
        "registration_edit", registration_token(registration, "edit"), lang or translation.get_language()
    )


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path if getattr(settings, "SITE_URL", "") else path


def signed_link(name: str, token: str, lang: str) -> str:
    with translation.override(lang):
        return absolute_url(reverse(f"meetings:{name}", kwargs={"token": token}))


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
        user = get_user_model().objects.filter(person=person).only("preferred_language").first()
        preferred = user.preferred_language if user else ""
        if preferred in ("es", "en"):
            return preferred
        for code in person.languages or []:
            if code in ("es", "en"):
                return code
        country = country or person.country
    return "en" if country is not None and country.iso2 in ENGLISH_SPEAKING else "es"


def bump_sequence(obj) -> None:
    type(obj).objects.filter(pk=obj.pk).update(nonce=F("nonce") + 1)
    obj.refresh_from_db(fields=["nonce"])


# --- Sponsors without an account: a signed link to comment on the draft ------------------------

SPONSOR_LINK_SALT = "meetings.agenda.sponsor"
# A sponsor's link lasts this many days from its making (and never past the draft's consultation).
SPONSOR_LINK_DAYS = getattr(settings, "MEETINGS_SPONSOR_LINK_DAYS", 21)


class SponsorLinkError(Exception):
    """A sponsor's comment link that cannot be used; ``reason`` is invalid, expired or closed."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def agenda_sponsor_token(*, version: AgendaVersion, person, on=None) -> str:
    expiry = timezone.localdate(on or timezone.now()) + datetime.timedelta(days=SPONSOR_LINK_DAYS)
    return signing.dumps({"v": version.pk, "p": person.pk, "x": expiry.toordinal()}, salt=SPONSOR_LINK_SALT)


def agenda_sponsor_token_expiry(token: str) -> datetime.date | None:
    try:
        return datetime.date.fromordinal(signing.loads(token, salt=SPONSOR_LINK_SALT)["x"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
