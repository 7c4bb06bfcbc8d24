import datetime

import pytest

from secretaria.core.access import AccessLevel
from secretaria.decisions import services
from secretaria.decisions.models import Theme
from secretaria.directory.models import Person, Post, Term
from secretaria.meetings.models import Meeting


@pytest.fixture(autouse=True)
def search_calls(monkeypatch):
    """Replaces the search index (stubs on main) with a recorder of the calls made."""
    calls = []
    monkeypatch.setattr(
        "secretaria.search.services.index_object", lambda kind, obj: calls.append(("index", kind, obj.pk))
    )
    monkeypatch.setattr(
        "secretaria.search.services.unindex_object", lambda kind, object_id: calls.append(("unindex", kind, object_id))
    )
    return calls


@pytest.fixture
def ix_crm(crm):
    return Meeting.objects.create(
        kind=Meeting.Kind.CONFERENCE,
        slug="ix-crm-2004",
        title_es="IX Conferencia Regional sobre Migración",
        title_en="Ninth Regional Conference on Migration",
        start_date=datetime.date(2004, 5, 20),
        end_date=datetime.date(2004, 5, 21),
        city="Panamá",
        country=crm["countries"]["PA"],
        access_level=AccessLevel.PUBLIC,
    )


@pytest.fixture
def theme(db):
    return Theme.objects.create(slug="migration-health", name_es="Migración y salud", name_en="Migration and health")


@pytest.fixture
def decision(ix_crm, st_officer, theme):
    return services.decision_create(
        meeting=ix_crm,
        number=3,
        paragraph="b",
        text_es="Realizar un seminario sobre migración y salud.",
        text_en="Hold a seminar on migration and health.",
        theme=theme,
        access_level=AccessLevel.PUBLIC,
        by=st_officer,
    )


@pytest.fixture
def commitment(decision, st_officer, crm):
    return services.commitment_create(
        decision=decision,
        by=st_officer,
        description_es="Informar sobre la preparación del seminario.",
        description_en="Report on the preparation of the seminar.",
        due_date=datetime.date(2004, 10, 18),
        parties=[
            {"kind": "country", "country": crm["countries"]["GT"]},
            {"kind": "country", "country": crm["countries"]["HN"]},
            {"kind": "country", "country": crm["countries"]["CA"]},
            {"kind": "secretariat"},
        ],
    )


@pytest.fixture
def parties(commitment):
    by_key = {party.key: party for party in commitment.parties.select_related("country")}
    return by_key


@pytest.fixture
def focal_points(crm):
    """A focal point for Guatemala and one for Canada, in office today."""
    people = {}
    for iso2, given in (("GT", "Gabriela"), ("CA", "Catherine")):
        country = crm["countries"][iso2]
        person = Person.objects.create(given_name=given, family_name="Focal", email=f"focal-{iso2.lower()}@example.org")
        post = Post.objects.create(
            slug=f"focal-{iso2.lower()}", title_es=f"Punto focal {iso2}", country=country, is_focal_point=True
        )
        Term.objects.create(post=post, person=person, start=datetime.date(2000, 1, 1))
        people[iso2] = person
    return people
