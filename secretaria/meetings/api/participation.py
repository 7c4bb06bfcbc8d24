"""Invitations and registrations in JSON, mounted under /api/v1/meetings/.

The Secretariat lists and creates invitations and approves or rejects registrations; anyone may
read a meeting's public list of participants (only those who agreed to appear, name, delegation
and category); an invitee answers with the token from the e-mailed link, without an account.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from secretaria.accounts.auth import require_user
from secretaria.core import access
from secretaria.core.openapi import Id, Page, Slug, mapped
from secretaria.directory.models import Group, Person
from secretaria.meetings import selectors
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory, Registration
from secretaria.meetings.selectors import participants as sel

router = Router(tags=["meetings: participation"])


class PublicParticipantOut(Schema):
    name: str
    delegation: str
    category: str


class InvitationOut(Schema):
    id: int
    category: InviteeCategory
    for_delegation: bool
    invitee: str
    addressee: str | None
    email: str
    language: str
    quota: int
    status: Invitation.Status
    sent_at: datetime.datetime | None
    responded_at: datetime.datetime | None
    reminder_count: int


class InvitationsIn(Schema):
    member_states: bool = False
    observer_organizations: bool = False
    group: Slug | None = Field(None, description="Slug of a directory group whose members are invited personally")
    people: list[Id] = Field(
        default_factory=list, max_length=1000, description="Ids of directory people invited personally"
    )
    category: InviteeCategory = InviteeCategory.OTHER
    quota: int = Field(2, ge=1, le=50, description="Places per delegation")


class InvitationsCreatedOut(Schema):
    created: list[InvitationOut]
    skipped: int
    without_address: list[int]


class RegistrationOut(Schema):
    id: int
    invitation: int
    name: str
    delegation: str
    category: str
    role: Registration.Role
    status: Registration.Status
    arrival: datetime.datetime | None
    departure: datetime.datetime | None
    hotel: str
    dietary_needs: str
    accessibility_needs: str
    interpretation_language: str
    needs_visa: bool
    listed_publicly: bool


class RegistrationIn(Schema):
    arrival: datetime.datetime | None = None
    departure: datetime.datetime | None = None
    hotel: str = Field("", max_length=200)
    dietary_needs: str = Field("", max_length=300)
    accessibility_needs: str = Field("", max_length=300)
    interpretation_language: str = Field("", max_length=2, description='"es", "en" or empty')
    needs_visa: bool = False
    passport_number: str = Field("", max_length=40)
    passport_country: str = Field("", max_length=100)
    listed_publicly: bool = False


class AnswerIn(Schema):
    token: str = Field(max_length=500, description="The token from the personal link in the invitation e-mail")
    accept: bool
    registration: RegistrationIn | None = Field(None, description="For a personal invitation that is accepted")


class AnswerOut(Schema):
    invitation_status: Invitation.Status
    registration_status: Registration.Status | None = None
    delegation_token: str | None = Field(None, description="For a delegation: the token to name the delegates")


class ErrorOut(Schema):
    detail: str


def _invitation_out(inv: Invitation) -> dict:
    return {
        "id": inv.pk, "category": inv.category, "for_delegation": inv.for_delegation, "invitee": inv.invitee_name,
        "addressee": inv.person.full_name if inv.person_id else None, "email": inv.email, "language": inv.language,
        "quota": inv.quota, "status": inv.status, "sent_at": inv.sent_at, "responded_at": inv.responded_at,
        "reminder_count": inv.reminder_count,
    }  # fmt: skip


def _registration_out(r: Registration) -> dict:
    return {
        "id": r.pk, "invitation": r.invitation_id, "name": r.person.full_name, "delegation": r.delegation_name,
        "category": r.invitation.category, "role": r.role, "status": r.status, "arrival": r.arrival,
        "departure": r.departure, "hotel": r.hotel, "dietary_needs": r.dietary_needs,
        "accessibility_needs": r.accessibility_needs, "interpretation_language": r.interpretation_language,
        "needs_visa": r.needs_visa, "listed_publicly": r.listed_publicly,
    }  # fmt: skip


def _managed(request, slug):
    user = require_user(request)
    meeting = selectors.meeting_for_page(slug, user)
    if meeting is None:
        raise Http404
    if not access.can(user, "meetings.participation.manage", meeting):
        raise PermissionDenied(_("Only the Technical Secretariat manages invitations."))
    return user, meeting


@router.get("/{slug}/participants", response=list[PublicParticipantOut], summary="Public list of participants")
@paginate(Page)
def public_participants(request, slug: Slug):
    meeting = selectors.meeting_for_page(slug, request.auth)
    if meeting is None:
        raise Http404
    return [
        {"name": r.person.full_name, "delegation": r.delegation_name, "category": r.invitation.category}
        for r in sel.public_participants(meeting)
    ]


@router.get("/{slug}/invitations", response=list[InvitationOut], summary="Invitations (Secretariat)")
@paginate(Page)
def list_invitations(request, slug: Slug):
    _user, meeting = _managed(request, slug)
    return mapped(sel.invitations_for_meeting(meeting), _invitation_out)


@router.post(
    "/{slug}/invitations",
    response={201: InvitationsCreatedOut, 400: ErrorOut},
    summary="Invite groups or people and send the e-mails (Secretariat)",
)
def create_invitations(request, slug: Slug, payload: InvitationsIn):
    user, meeting = _managed(request, slug)
    group = get_object_or_404(Group, slug=payload.group) if payload.group else None
    people = list(Person.objects.filter(pk__in=payload.people))
    if len(people) != len(set(payload.people)):
        raise HttpError(400, _("Unknown person id."))
    result = svc.invitations_create(
        meeting=meeting, by=user, member_states=payload.member_states,
        observer_organizations=payload.observer_organizations, group=group, people=people,
        category=payload.category, quota=payload.quota,
    )  # fmt: skip
    return 201, {
        "created": [_invitation_out(inv) for inv in result.created],
        "skipped": result.skipped,
        "without_address": [inv.pk for inv in result.without_address],
    }


@router.get(
    "/{slug}/registrations", response=list[RegistrationOut], summary="Registrations with logistics (Secretariat)"
)
@paginate(Page)
def list_registrations(request, slug: Slug):
    _user, meeting = _managed(request, slug)
    return mapped(sel.registrations_for_meeting(meeting), _registration_out)


def _decide(request, slug, pk, service):
    user, meeting = _managed(request, slug)
    registration = get_object_or_404(
        Registration.objects.select_related("person", "invitation"), meeting=meeting, pk=pk
    )
    service(registration=registration, by=user)
    return _registration_out(registration)


@router.post(
    "/{slug}/registrations/{pk}/approve",
    response={200: RegistrationOut, 400: ErrorOut},
    summary="Approve a registration (Secretariat)",
)
def approve_registration(request, slug: Slug, pk: Id):
    return _decide(request, slug, pk, svc.registration_approve)


@router.post(
    "/{slug}/registrations/{pk}/reject",
    response={200: RegistrationOut, 400: ErrorOut},
    summary="Reject a registration (Secretariat)",
)
def reject_registration(request, slug: Slug, pk: Id):
    return _decide(request, slug, pk, svc.registration_reject)


@router.post(
    "/invitations/answer",
    response={200: AnswerOut, 400: ErrorOut, 410: ErrorOut},
    auth=None,
    summary="Accept or decline an invitation with the token of its e-mailed link (no account)",
)
def answer_invitation(request, payload: AnswerIn):
    try:
        invitation = svc.token_read(payload.token, "respond")
    except svc.LinkError as exc:
        messages = {
            "invalid": _("This link is not valid."),
            "expired": _("This link has expired."),
            "used": _("This link has already been used."),
        }
        raise HttpError(400 if exc.reason == "invalid" else 410, messages[exc.reason]) from None
    if not payload.accept:
        svc.invitation_decline(invitation=invitation)
        return {"invitation_status": Invitation.Status.DECLINED}
    data = payload.registration.dict() if payload.registration else {}
    try:
        svc.invitation_accept(invitation=invitation, registration_data=data)
    except ValidationError as exc:
        raise HttpError(400, " ".join(exc.messages)) from None
    invitation.refresh_from_db()
    if invitation.for_delegation:
        return {
            "invitation_status": invitation.status,
            "delegation_token": svc.invitation_token(invitation, "delegation"),
        }
    registration = invitation.registrations.get()
    return {"invitation_status": invitation.status, "registration_status": registration.status}
