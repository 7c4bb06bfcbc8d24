"""People and organisations of the directory in the site search.

The directory is below the search (it may not import it), so these sources live here and
follow its changes through ``directory.changes``.

What a person's entry holds depends on who may read it, as on the directory's pages:

* a person shown on the portal (``is_public``): a public entry with the name, the public
  posts held today, the organisation and the country, and never an e-mail or a phone;
* anyone else: an entry for those who may see the directory's contacts (member officials
  and the Secretariat, ``directory.view_contacts``: the members level), which also holds
  the e-mail address, the phone and every post held today.

Organisations are public, as on the portal's pages (name, acronym, website, address; never
their e-mail or phone); suppliers are not listed anywhere public and are not indexed.
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.directory.changes import on_change
from secretaria.directory.models import Organization, Person, Post, Term
from secretaria.directory.selectors import today
from secretaria.search.registry import SearchEntry, SearchSource, register_source
from secretaria.search.services import index_object, unindex_object

PERSON, ORGANIZATION = "person", "organization"
OK = Organization.Kind
LISTED_ON_OBSERVERS_PAGE = (OK.OBSERVER, OK.INTERNATIONAL, OK.CIVIL_SOCIETY)
NOT_INDEXED = (OK.SUPPLIER, OK.OTHER)


def _current_terms(person_ids):
    on = today()
    return (
        Term.objects.filter(Q(end__isnull=True) | Q(end__gte=on), person_id__in=list(person_ids), start__lte=on)
        .select_related("post")
        .order_by("start", "pk")
    )


def _country_of(org: Organization | None, country) -> str | None:
    """A person's or organisation's country facet: a government's, not the seat of an office."""
    if org is not None and org.kind != OK.GOVERNMENT:
        return None
    return country.iso2 if country is not None else None


def _org_words(org: Organization | None) -> list[str]:
    if org is None:
        return []
    return [org.name_es, org.name_en, org.acronym_es, org.acronym_en]


class PersonSearchSource(SearchSource):
    kind = PERSON
    label = _("People")

    def entry_for(self, obj: Person) -> SearchEntry | None:
        public = obj.is_public
        posts = [term.post for term in _current_terms([obj.pk]) if term.post.is_public or not public]
        org = obj.organization
        country = obj.country
        keywords = _org_words(org)
        if country is not None:
            keywords += [country.name_es, country.name_en]
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=" ".join(filter(None, [obj.honorific, obj.full_name])),
            title_en=obj.full_name,
            date=None,
            access_level=AccessLevel.PUBLIC if public else AccessLevel.MEMBERS,
            summary_es="; ".join(post.title_es for post in posts),
            summary_en="; ".join(post.title_en or post.title_es for post in posts),
            keywords=" ".join(word for word in keywords if word),
            # Contact details only in an entry at the level of those who may see them.
            # (and only the fields their owner shows to member officials, not the Secretariat-only ones).
            body=""
            if public
            else " ".join(
                filter(
                    None,
                    [
                        obj.email if obj.email_visibility == "members" else "",
                        obj.phone if obj.phone_visibility == "members" else "",
                    ],
                )
            ),  # fmt: skip
            country=_country_of(org, country),
        )

    def iter_objects(self):
        return Person.objects.select_related("organization", "country").order_by("pk").iterator(chunk_size=500)

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        """The page that shows the person: a post held today, else the country or organisation."""
        people = Person.objects.filter(pk__in=list(object_ids)).select_related("organization", "country")
        post_of: dict[int, Post] = {}
        for term in _current_terms(object_ids):
            if term.post.is_public:
                post_of.setdefault(term.person_id, term.post)
        urls = {}
        with translation.override(lang):
            for person in people:
                post, org = post_of.get(person.pk), person.organization
                if post is not None:
                    urls[person.pk] = reverse("directory:post", kwargs={"slug": post.slug})
                elif org is not None and org.kind != OK.GOVERNMENT:
                    urls[person.pk] = _org_url(org)
                elif person.country_id:
                    urls[person.pk] = reverse("directory:country", kwargs={"iso2": person.country.iso2})
                else:
                    urls[person.pk] = ""
        return urls


def _org_url(org: Organization) -> str:
    if org.kind == OK.GOVERNMENT and org.country_id:
        return reverse("directory:country", kwargs={"iso2": org.country.iso2})
    if org.kind == OK.SECRETARIAT:
        return reverse("directory:secretariat")
    if org.kind in LISTED_ON_OBSERVERS_PAGE:
        return reverse("directory:organizations")
    return ""


class OrganizationSearchSource(SearchSource):
    kind = ORGANIZATION
    label = _("Organisations")

    def entry_for(self, obj: Organization) -> SearchEntry | None:
        if obj.kind in NOT_INDEXED:
            return None
        with translation.override("es"):
            kind_es = str(obj.get_kind_display())
        with translation.override("en"):
            kind_en = str(obj.get_kind_display())
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=obj.name_es,
            title_en=obj.name_en,
            date=None,
            access_level=AccessLevel.PUBLIC,
            summary_es=kind_es,
            summary_en=kind_en,
            keywords=" ".join(filter(None, [obj.acronym_es, obj.acronym_en, obj.website])),
            body=obj.address,
            country=_country_of(obj, obj.country),
        )

    def iter_objects(self):
        return Organization.objects.exclude(kind__in=NOT_INDEXED).select_related("country").order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        found = Organization.objects.filter(pk__in=list(object_ids)).select_related("country")
        with translation.override(lang):
            return {org.pk: _org_url(org) for org in found}


def directory_changed(model: type, pk: int, obj) -> None:
    """``directory.changes`` listener: refresh what the search holds of the changed record."""

    if model is Person:
        if obj is None:
            unindex_object(PERSON, pk)
        else:
            index_object(PERSON, obj)
    elif model is Organization:
        if obj is None:
            unindex_object(ORGANIZATION, pk)
            return
        index_object(ORGANIZATION, obj)
        for person in obj.people.select_related("organization", "country"):
            index_object(PERSON, person)  # the organisation's name is in its people's entries
    elif model is Term and obj is not None:
        index_object(PERSON, obj.person)
    elif model is Post and obj is not None:
        for term in obj.terms.select_related("person"):
            index_object(PERSON, term.person)


def register() -> None:
    register_source(PersonSearchSource())
    register_source(OrganizationSearchSource())
    on_change(directory_changed)
