"""Reads of the directory, with their related rows fetched once."""

import datetime
import unicodedata
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from secretaria.core import access
from secretaria.directory.models import (
    ContactUpdate,
    Country,
    Group,
    Membership,
    Organization,
    Person,
    Post,
    PresidencyTerm,
    Term,
)


def _active_on(on: datetime.date) -> Q:
    return (Q(start__isnull=True) | Q(start__lte=on)) & (Q(end__isnull=True) | Q(end__gte=on))


def presidency_on(on: datetime.date) -> PresidencyTerm | None:
    """The Pro-Tempore Presidency term running on ``on``, if any."""
    return PresidencyTerm.objects.filter(_active_on(on)).select_related("country").order_by("-start").first()


def presidency_history() -> QuerySet[PresidencyTerm]:
    return PresidencyTerm.objects.select_related("country").order_by("-start")


def post_holder_on(post: Post, on: datetime.date) -> Person | None:
    """Who held ``post`` on ``on``."""
    term = post.terms.filter(_active_on(on)).select_related("person").order_by("-start").first()
    return term.person if term else None


def post_terms(post: Post) -> QuerySet[Term]:
    return post.terms.select_related("person", "person__organization").order_by("-start")


def active_group_ids_for_person(person_id: int, on: datetime.date | None = None) -> list[int]:
    on = on or timezone.localdate()
    return list(
        Membership.objects.filter(_active_on(on), person_id=person_id, group__is_active=True)
        .values_list("group_id", flat=True)
        .distinct()
    )


def viewer_for(user) -> access.Viewer:
    """What the access policy needs to know of a signed-in ``user``, in two queries at most:
    the groups of its person today and the presidency terms of its country."""
    group_ids = frozenset(active_group_ids_for_person(user.person_id)) if user.person_id else frozenset()
    periods = ()
    if user.country_id:
        periods = tuple(PresidencyTerm.objects.filter(country_id=user.country_id).values_list("start", "end"))
    return access.Viewer(
        user_id=user.pk,
        role=user.role,
        country_id=user.country_id,
        organization_id=user.organization_id,
        person_id=user.person_id,
        group_ids=group_ids,
        presidency_periods=periods,
    )


def member_countries() -> QuerySet[Country]:
    return Country.objects.filter(status=Country.Status.MEMBER).order_by("name_es")


def today() -> datetime.date:
    return timezone.localdate()


def _current_terms(on: datetime.date) -> Prefetch:
    """Prefetch each post's terms running on ``on`` into ``post.current_terms``."""
    return Prefetch(
        "terms",
        queryset=Term.objects.filter(_active_on(on)).select_related("person").order_by("-start"),
        to_attr="current_terms",
    )


# --- Countries and organisations -------------------------------------------------------


def countries_with_status(status: str) -> QuerySet[Country]:
    return Country.objects.filter(status=status).order_by("name_es")


def member_countries_with_agencies() -> QuerySet[Country]:
    """Member states with their government agencies, for the country cards."""
    agencies = Organization.objects.filter(kind=Organization.Kind.GOVERNMENT).order_by("name_es")
    return member_countries().prefetch_related(Prefetch("organizations", queryset=agencies, to_attr="agencies"))


def country_for_page(iso2: str, on: datetime.date | None = None) -> Country | None:
    """A country with its agencies and its posts (current holders prefetched).

    ``country.agencies``, ``country.public_posts`` and ``country.focal_points`` are lists.
    """
    on = on or today()
    agencies = Organization.objects.filter(kind=Organization.Kind.GOVERNMENT).order_by("name_es")
    posts = (
        Post.objects.select_related("organization", "group").prefetch_related(_current_terms(on)).order_by("title_es")
    )
    country = (
        Country.objects.filter(iso2=iso2.upper())
        .prefetch_related(
            Prefetch("organizations", queryset=agencies, to_attr="agencies"),
            Prefetch("posts", queryset=posts.filter(is_public=True), to_attr="public_posts"),
            Prefetch("posts", queryset=posts.filter(is_focal_point=True), to_attr="focal_points"),
        )
        .first()
    )
    return country


def organizations_of_kind(*kinds: str) -> QuerySet[Organization]:
    return Organization.objects.filter(kind__in=kinds).select_related("country").order_by("name_es")


def secretariat_organization() -> Organization | None:
    return Organization.objects.filter(kind=Organization.Kind.SECRETARIAT).select_related("country").first()


def public_posts_with_holders(
    *, organization: Organization | None = None, on: datetime.date | None = None
) -> QuerySet[Post]:
    """Public posts (of ``organization`` if given), each with ``current_terms`` on ``on``."""
    posts = Post.objects.filter(is_public=True)
    if organization is not None:
        posts = posts.filter(organization=organization)
    return (
        posts.select_related("organization", "country")
        .prefetch_related(_current_terms(on or today()))
        .order_by("organization__name_es", "title_es")
    )


def posts_with_holders(*, on: datetime.date | None = None) -> QuerySet[Post]:
    """Every post, each with ``current_terms`` on ``on``; callers filter by the access policy."""
    return (
        Post.objects.select_related("organization", "country", "group")
        .prefetch_related(_current_terms(on or today()))
        .order_by("title_es")
    )


# --- Posts and terms -------------------------------------------------------------------


def post_for_page(slug: str) -> Post | None:
    return Post.objects.select_related("organization", "country", "group").filter(slug=slug).first()


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a post's history: a term, or a stretch when nobody held the post."""

    start: datetime.date
    end: datetime.date | None
    term: Term | None = None

    @property
    def is_vacancy(self) -> bool:
        return self.term is None


def post_history(post: Post, on: datetime.date | None = None) -> list[HistoryEntry]:
    """The post's terms in chronological order, with the vacancies between them (and since the last)."""
    one_day = datetime.timedelta(days=1)
    entries: list[HistoryEntry] = []
    previous_end: datetime.date | None = None
    for term in post.terms.select_related("person", "person__organization").order_by("start"):
        if previous_end is not None and term.start > previous_end + one_day:
            entries.append(HistoryEntry(start=previous_end + one_day, end=term.start - one_day))
        entries.append(HistoryEntry(start=term.start, end=term.end, term=term))
        previous_end = term.end
    if previous_end is not None and previous_end < (on or today()):
        entries.append(HistoryEntry(start=previous_end + one_day, end=None))
    return entries


def terms_held_by(person: Person, on: datetime.date | None = None) -> QuerySet[Term]:
    """Posts ``person`` holds on ``on`` (today), as terms with their post."""
    return (
        Term.objects.filter(_active_on(on or today()), person=person)
        .select_related("post", "post__organization", "post__country")
        .order_by("post__title_es")
    )


def secretariat_terms_of(person_ids) -> QuerySet[Term]:
    """Every term of these people in a post of the Technical Secretariat, latest first."""
    return (
        Term.objects.filter(person_id__in=set(person_ids), post__organization__kind=Organization.Kind.SECRETARIAT)
        .select_related("post")
        .order_by("-start")
    )


def term_history_of(person: Person) -> QuerySet[Term]:
    return Term.objects.filter(person=person).select_related("post").order_by("-start")


# --- Groups ----------------------------------------------------------------------------


def groups_visible_to(user, on: datetime.date | None = None) -> QuerySet[Group]:
    """Active groups ``user`` may see, each with ``member_count`` (members on ``on``)."""
    on = on or today()
    active = Q(memberships__start__isnull=True) | Q(memberships__start__lte=on)
    active &= Q(memberships__end__isnull=True) | Q(memberships__end__gte=on)
    return (
        Group.objects.filter(access.visible_filter(user, "access_level", "id"), is_active=True)
        .annotate(member_count=Count("memberships", filter=active, distinct=True))
        .order_by("kind", "name_es")
    )


def group_for_page(slug: str) -> Group | None:
    return Group.objects.filter(slug=slug).first()


def group_members(group: Group, on: datetime.date | None = None) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(_active_on(on or today()), group=group)
        .select_related("person", "person__organization", "person__country", "country")
        .order_by("country__name_es", "person__family_name", "person__given_name")
    )


def memberships_of(person: Person, on: datetime.date | None = None) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(_active_on(on or today()), person=person, group__is_active=True)
        .select_related("group", "country")
        .order_by("group__kind", "group__name_es")
    )


# --- People ----------------------------------------------------------------------------


def people_visible_to(user) -> QuerySet[Person]:
    """Everyone for those who may see contacts; otherwise only people shown on the portal."""
    people = Person.objects.select_related("organization", "country").order_by("family_name", "given_name")
    if not access.can(user, "directory.view_contacts"):
        people = people.filter(is_public=True)
    return people


# --- The members' who's who -------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents: «Monzón» and «monzon» are the same search."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class PeopleFilters:
    country: str | None = None  # ISO alpha-2
    organization: int | None = None
    group: str | None = None  # slug of a group (a network, the GRCM, a working group)
    q: str | None = None


def people_directory(user, filters: PeopleFilters = PeopleFilters(), on: datetime.date | None = None) -> list[Person]:
    """The people the viewer may see, with their current posts and groups fetched once. The name
    search ignores accents and case (done here rather than in SQL: SQLite has no unaccent, and
    the directory holds hundreds of people, not millions)."""
    on = on or today()
    people = people_visible_to(user).prefetch_related(
        Prefetch("terms", queryset=Term.objects.filter(_active_on(on)).select_related("post"), to_attr="current_terms"),
        Prefetch("memberships", queryset=Membership.objects.filter(_active_on(on)).select_related("group"),
                 to_attr="current_memberships"),
    )  # fmt: skip
    if filters.country:
        people = people.filter(country__iso2=filters.country.upper())
    if filters.organization:
        people = people.filter(organization_id=filters.organization)
    if filters.group:
        group_ids = [g.pk for g in groups_visible_to(user, on) if g.slug == filters.group]
        people = people.filter(memberships__group_id__in=group_ids).distinct()
    people = list(people)
    if filters.q:
        needle = fold(filters.q)
        people = [
            p for p in people
            if needle in fold(f"{p.given_name} {p.family_name} {p.organization or ''} {p.country.name if p.country else ''}")
        ]  # fmt: skip
    return people


def visible_contact(user, person: Person) -> dict[str, str]:
    """The contact fields of ``person`` that ``user`` may read, by each field's visibility."""
    out = {}
    if person.pk and getattr(user, "person_id", None) == person.pk:
        return {"email": person.email, "phone": person.phone}
    for field in ("email", "phone"):
        visibility = getattr(person, f"{field}_visibility")
        allowed = access.is_secretariat(user) or (
            visibility == "members" and access.can(user, "directory.view_contacts")
        )
        if allowed and getattr(person, field):
            out[field] = getattr(person, field)
    return out


def person_for_page(user, pk: int) -> Person | None:
    return next(iter(p for p in people_visible_to(user).filter(pk=pk)), None)


def pending_contact_updates():
    return ContactUpdate.objects.filter(reviewed_at__isnull=True).select_related("person", "made_by")
