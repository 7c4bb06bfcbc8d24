"""The directory in JSON: countries, organisations, people, posts and their holders, the
presidency and groups.

E-mail addresses and phone numbers are present only for callers the access policy allows
(``directory.view_contacts``); for everyone else the fields are ``null``, and only people
shown on the public portal are listed.
"""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from secretaria.core import access
from secretaria.core.openapi import Id, Iso2, Page, Slug, mapped
from secretaria.directory import selectors
from secretaria.directory.models import Country, Group, Membership, Organization, Person, Post, PresidencyTerm, Term

router = Router(tags=["directory"])


# --- Schemas ---------------------------------------------------------------------------


class OrganizationOut(Schema):
    id: int
    kind: Organization.Kind
    name_es: str
    name_en: str
    acronym_es: str
    acronym_en: str
    country: str | None = Field(None, description="ISO alpha-2 code of the country, if any")
    website: str


class CountryOut(Schema):
    iso2: str
    iso3: str
    name_es: str
    name_en: str
    status: Country.Status


class CountryDetailOut(CountryOut):
    holds_presidency: bool = Field(description="Whether the country holds the Pro-Tempore Presidency today")
    agencies: list[OrganizationOut]


class PersonOut(Schema):
    id: int
    honorific: str
    given_name: str
    family_name: str
    full_name: str
    languages: list[str]
    organization: str | None
    country: str | None = Field(None, description="ISO alpha-2 code")
    email: str | None = Field(None, description="Only for callers allowed to see contact details; null otherwise")
    phone: str | None = Field(None, description="Only for callers allowed to see contact details; null otherwise")


class HolderOut(Schema):
    person_id: int
    name: str
    start: datetime.date
    end: datetime.date | None
    note: str


class PostOut(Schema):
    slug: str
    title_es: str
    title_en: str
    organization: str | None
    country: str | None = Field(None, description="ISO alpha-2 code")
    group: str | None = Field(None, description="Slug of the group the post belongs to")
    is_public: bool
    is_focal_point: bool
    on: datetime.date = Field(description="The date the holder is given for")
    holder: HolderOut | None = Field(None, description="Who held the post on `on`; null when vacant")


class PostDetailOut(PostOut):
    history: list[HolderOut] = Field(description="Every term, oldest first")


class PresidencyTermOut(Schema):
    country: str = Field(description="ISO alpha-2 code")
    country_name_es: str
    country_name_en: str
    start: datetime.date
    end: datetime.date | None
    note: str


class PresidencyOut(Schema):
    current: PresidencyTermOut | None
    history: list[PresidencyTermOut] = Field(description="Every term, most recent first")


class GroupOut(Schema):
    slug: str
    kind: Group.Kind
    name_es: str
    name_en: str
    acronym_es: str
    acronym_en: str
    description_es: str
    description_en: str
    access_level: access.AccessLevel
    member_count: int


class MemberOut(Schema):
    person_id: int
    name: str
    country: str | None = Field(None, description="ISO alpha-2 code of the country represented")
    organization: str | None
    role: Membership.Role
    email: str | None = None
    phone: str | None = None


class GroupDetailOut(GroupOut):
    members: list[MemberOut] | None = Field(
        None, description="Current members; null when the caller may not see the member list"
    )


class OnDate(Schema):
    on: datetime.date | None = Field(None, description="A date (YYYY-MM-DD); default today")


class OrganizationFilter(Schema):
    kind: Organization.Kind | None = None


# --- Serialisers -----------------------------------------------------------------------


def _organization(org: Organization) -> dict:
    return {
        "id": org.pk,
        "kind": org.kind,
        "name_es": org.name_es,
        "name_en": org.name_en,
        "acronym_es": org.acronym_es,
        "acronym_en": org.acronym_en,
        "country": org.country.iso2 if org.country_id else None,
        "website": org.website,
    }


def _contacts(user) -> str | None:
    """None: no contact field; "members": the fields their owners show to member officials; "all"."""
    if access.is_secretariat(user):
        return "all"
    return "members" if access.can(user, "directory.view_contacts") else None


def _field(person: Person, field: str, contacts: str | None) -> str | None:
    if contacts is None or (contacts == "members" and getattr(person, f"{field}_visibility") != "members"):
        return None
    return getattr(person, field) or None


def _person(person: Person, contacts: str | None) -> dict:
    return {
        "id": person.pk,
        "honorific": person.honorific,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "full_name": person.full_name,
        "languages": person.languages or [],
        "organization": str(person.organization) if person.organization_id else None,
        "country": person.country.iso2 if person.country_id else None,
        # Each field as its owner allows (the Secretariat only, or member officials too).
        "email": _field(person, "email", contacts),
        "phone": _field(person, "phone", contacts),
    }


def _holder(term: Term | None) -> dict | None:
    if term is None:
        return None
    return {
        "person_id": term.person_id,
        "name": term.person.full_name,
        "start": term.start,
        "end": term.end,
        "note": term.note,
    }


def _post(post: Post, on: datetime.date, holder: Term | None) -> dict:
    return {
        "slug": post.slug,
        "title_es": post.title_es,
        "title_en": post.title_en,
        "organization": str(post.organization) if post.organization_id else None,
        "country": post.country.iso2 if post.country_id else None,
        "group": post.group.slug if post.group_id else None,
        "is_public": post.is_public,
        "is_focal_point": post.is_focal_point,
        "on": on,
        "holder": _holder(holder),
    }


def _presidency(term: PresidencyTerm | None) -> dict | None:
    if term is None:
        return None
    return {
        "country": term.country.iso2,
        "country_name_es": term.country.name_es,
        "country_name_en": term.country.name_en,
        "start": term.start,
        "end": term.end,
        "note": term.note,
    }


def _group(group: Group) -> dict:
    return {
        "slug": group.slug,
        "kind": group.kind,
        "name_es": group.name_es,
        "name_en": group.name_en,
        "acronym_es": group.acronym_es,
        "acronym_en": group.acronym_en,
        "description_es": group.description_es,
        "description_en": group.description_en,
        "access_level": group.access_level,
        "member_count": group.member_count,
    }


# --- Endpoints -------------------------------------------------------------------------


@router.get("/countries", response=list[CountryOut], summary="Member, observer and other countries")
@paginate(Page)
def countries(request):
    return Country.objects.order_by("name_es")


@router.get("/countries/{iso2}", response=CountryDetailOut, summary="A country with its government agencies")
def country(request, iso2: Iso2):
    found = selectors.country_for_page(iso2)
    if found is None:
        raise Http404
    presidency = selectors.presidency_on(selectors.today())
    return {
        "iso2": found.iso2,
        "iso3": found.iso3,
        "name_es": found.name_es,
        "name_en": found.name_en,
        "status": found.status,
        "holds_presidency": presidency is not None and presidency.country_id == found.pk,
        "agencies": [_organization(org) for org in found.agencies],
    }


@router.get("/organizations", response=list[OrganizationOut], summary="Organisations, optionally of one kind")
@paginate(Page)
def organizations(request, filters: Query[OrganizationFilter]):
    found = Organization.objects.select_related("country").order_by("name_es")
    if filters.kind:
        found = found.filter(kind=filters.kind)
    return mapped(found, _organization)


@router.get(
    "/people",
    response=list[PersonOut],
    summary="People in the directory",
    description="Without the right to see contact details, only people shown on the public portal are listed, "
    "and `email` and `phone` are null.",
)
@paginate(Page)
def people(request):
    contacts = _contacts(request.auth)
    return mapped(selectors.people_visible_to(request.auth), lambda person: _person(person, contacts))


@router.get("/people/{person_id}", response=PersonOut, summary="A person")
def person(request, person_id: Id):
    found = selectors.people_visible_to(request.auth).filter(pk=person_id).first()
    if found is None:
        raise Http404
    return _person(found, _contacts(request.auth))


@router.get("/posts", response=list[PostOut], summary="Posts and who held them on a date (default today)")
@paginate(Page)
def posts(request, params: Query[OnDate]):
    on = params.on or selectors.today()
    found = selectors.posts_with_holders(on=on)
    return [
        _post(post, on, post.current_terms[0] if post.current_terms else None)
        for post in found
        if access.can(request.auth, "directory.view_post", post)
    ]


@router.get("/posts/{slug}", response=PostDetailOut, summary="A post, its holder on a date and its full history")
def post(request, slug: Slug, params: Query[OnDate]):
    found = selectors.post_for_page(slug)
    if found is None or not access.can(request.auth, "directory.view_post", found):
        raise Http404
    on = params.on or selectors.today()
    terms = list(selectors.post_terms(found))
    holder = next((t for t in terms if t.start <= on and (t.end is None or t.end >= on)), None)
    data = _post(found, on, holder)
    data["history"] = [_holder(term) for term in reversed(terms)]
    return data


@router.get("/presidency", response=PresidencyOut, summary="The Pro-Tempore Presidency: current term and history")
def presidency(request):
    return {
        "current": _presidency(selectors.presidency_on(selectors.today())),
        "history": [_presidency(term) for term in selectors.presidency_history()],
    }


@router.get("/groups", response=list[GroupOut], summary="Groups the caller may see")
@paginate(Page)
def groups(request):
    return mapped(selectors.groups_visible_to(request.auth), _group)


@router.get(
    "/groups/{slug}",
    response=GroupDetailOut,
    summary="A group, with its members for those allowed to see them",
)
def group(request, slug: Slug):
    found = selectors.groups_visible_to(request.auth).filter(slug=slug).first()
    if found is None:
        raise Http404
    data = _group(found)
    data["members"] = None
    if access.can(request.auth, "directory.view_group_members", found):
        contacts = _contacts(request.auth)
        data["members"] = [
            {
                "person_id": m.person_id,
                "name": m.person.full_name,
                "country": m.country.iso2 if m.country_id else None,
                "organization": str(m.person.organization) if m.person.organization_id else None,
                "role": m.role,
                "email": _field(m.person, "email", contacts),
                "phone": _field(m.person, "phone", contacts),
            }
            for m in selectors.group_members(found)
        ]
    return data
