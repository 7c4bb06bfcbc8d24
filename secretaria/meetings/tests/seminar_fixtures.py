"""Fixtures of the invitation, registration, participant and letter tests: a seminar, focal points, a speaker.

Imported by those test modules (module fixtures override the conftest ones of the same name)."""

import datetime

import pytest
from django.utils import timezone

from secretaria.directory.models import Person, Post, Term
from secretaria.meetings.models import Meeting


@pytest.fixture(name="seminar")
def seminar_in_two_months(crm):
    """A seminar in Guatemala City two months from now, sponsored by Canada and Mexico."""
    start = timezone.localdate() + datetime.timedelta(days=60)
    meeting = Meeting.objects.create(
        kind=Meeting.Kind.SEMINAR,
        slug="migracion-y-salud",
        title_es="Seminario «Migración y Salud»",
        title_en="Seminar on Migration and Health",
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
        time_zone="America/Guatemala",
        city="Ciudad de Guatemala",
        country=crm["countries"]["GT"],
        registration_deadline=timezone.localdate() + datetime.timedelta(days=20),
    )
    meeting.sponsor_countries.set([crm["countries"]["CA"], crm["countries"]["MX"]])
    return meeting


@pytest.fixture(name="focal_points")
def focal_points_gt_ca(crm):
    """Focal points: Guatemala (Spanish), Canada (English); UNHCR only by its organisation address."""
    people = {}
    for iso2, given, family in [("GT", "Gloria", "Focal"), ("CA", "Frank", "Focal")]:
        country = crm["countries"][iso2]
        person = Person.objects.create(
            given_name=given, family_name=family, email=f"focal-{iso2.lower()}@example.org", country=country
        )
        post = Post.objects.create(
            slug=f"{iso2.lower()}-focal", title_es=f"Punto focal {iso2}", country=country, is_focal_point=True
        )
        Term.objects.create(post=post, person=person, start=timezone.localdate() - datetime.timedelta(days=30))
        people[iso2] = person
    unhcr = crm["orgs"]["unhcr"]
    unhcr.email = "registry@unhcr.example.org"
    unhcr.save()
    return people


@pytest.fixture(name="speaker")
def speaker_marta(crm):
    return Person.objects.create(
        given_name="Marta", family_name="Castillo", email="marta@example.org", country=crm["countries"]["GT"]
    )
