import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from secretaria.directory import services
from secretaria.directory.models import Membership, Person, Post, PresidencyTerm, Term
from secretaria.directory.selectors import post_holder_on, presidency_on

D = datetime.date


@pytest.fixture
def post(crm):
    return Post.objects.create(slug="p", title_es="Puesto", title_en="Post", organization=crm["orgs"]["st"])


def _person(name):
    return Person.objects.create(given_name=name, family_name="Example")


def test_a_successor_ends_the_predecessors_open_term_the_day_before(post):
    first = services.term_start(post=post, person=_person("Roberto"), start=D(2000, 1, 1))
    services.term_start(post=post, person=_person("José"), start=D(2004, 8, 1))
    first.refresh_from_db()
    assert first.end == D(2004, 7, 31)
    assert post.terms.count() == 2


def test_a_successor_keeps_the_end_already_recorded_for_the_predecessor(post):
    first = services.term_start(post=post, person=_person("Gerard"), start=D(2001, 1, 1), end=D(2004, 5, 31))
    services.term_start(post=post, person=_person("Luis"), start=D(2004, 7, 26))
    first.refresh_from_db()
    assert first.end == D(2004, 5, 31)


def test_it_refuses_a_term_overlapping_a_closed_one_and_says_whose(post):
    services.term_start(post=post, person=_person("Gerard"), start=D(2001, 1, 1), end=D(2004, 5, 31))
    with pytest.raises(ValidationError) as error:
        services.term_start(post=post, person=_person("Luis"), start=D(2004, 5, 1))
    assert "Gerard Example" in str(error.value)
    assert post.terms.count() == 1


def test_it_refuses_a_term_starting_before_the_running_one(post):
    services.term_start(post=post, person=_person("Luis"), start=D(2004, 7, 26))
    with pytest.raises(ValidationError):
        services.term_start(post=post, person=_person("Gerard"), start=D(2001, 1, 1))
    # The refused appointment left nothing behind, not even an ended term.
    assert list(post.terms.values_list("end", flat=True)) == [None]


def test_it_refuses_a_term_that_ends_before_it_starts(post):
    with pytest.raises(ValidationError):
        services.term_start(post=post, person=_person("Luis"), start=D(2004, 7, 26), end=D(2004, 7, 1))


def test_term_end_refuses_a_date_before_the_start(post):
    term = services.term_start(post=post, person=_person("Luis"), start=D(2004, 7, 26))
    with pytest.raises(ValidationError):
        services.term_end(term=term, end=D(2004, 1, 1))


def test_term_end_refuses_a_date_when_a_successor_already_holds_the_post(post):
    first = services.term_start(post=post, person=_person("Gerard"), start=D(2001, 1, 1), end=D(2004, 5, 31))
    services.term_start(post=post, person=_person("Luis"), start=D(2004, 7, 26))
    with pytest.raises(ValidationError):
        services.term_end(term=first, end=D(2004, 8, 1))


def test_it_records_who_appointed_in_the_audit_log(post, st_officer):
    from secretaria.core.models import AuditEvent

    services.term_start(post=post, person=_person("Luis"), start=D(2004, 7, 26), by=st_officer)
    assert AuditEvent.objects.filter(kind="directory.term_start", actor=st_officer).exists()


@pytest.mark.parametrize(
    ("on", "holder"),
    [
        (D(2003, 12, 1), "Gerard Pascua"),
        (D(2004, 5, 31), "Gerard Pascua"),
        (D(2004, 6, 1), None),  # Pascua left in May ...
        (D(2004, 7, 15), None),  # ... and nobody held the coordination until the end of July.
        (D(2004, 7, 26), "Luis Monzón"),
        (D(2004, 11, 30), "Luis Monzón"),
    ],
)
def test_it_answers_who_held_the_coordination_on_a_date(seed_posts, on, holder):
    person = post_holder_on(seed_posts["coordinator"], on)
    assert (person.full_name if person else None) == holder


def test_jose_pires_succeeded_roberto_kozak_at_iom(seed_posts):
    post = seed_posts["iom_rep"]
    assert post_holder_on(post, D(2004, 7, 31)).full_name == "Roberto Kozak"
    assert post_holder_on(post, D(2004, 8, 1)).full_name == "José Pires"


def test_nothing_deletes_terms(seed_posts):
    assert Term.objects.filter(post=seed_posts["coordinator"]).count() == 2


def test_designating_a_presidency_ends_the_running_term_the_day_before(crm):
    today = timezone.localdate()
    running = presidency_on(today)
    assert running.country.iso2 == "PA"
    new = services.presidency_designate(country=crm["countries"]["CA"], start=today)
    running.refresh_from_db()
    assert running.end == today - datetime.timedelta(days=1)
    assert presidency_on(today) == new
    assert PresidencyTerm.objects.count() == 3


def test_a_non_member_country_cannot_hold_the_presidency(crm):
    with pytest.raises(ValidationError) as error:
        services.presidency_designate(country=crm["countries"]["CO"], start=timezone.localdate())
    assert "Estado miembro" in str(error.value)
    assert presidency_on(timezone.localdate()).country.iso2 == "PA"


def test_a_presidency_cannot_start_inside_a_recorded_term(crm):
    before = timezone.localdate() - datetime.timedelta(days=300)  # during Mexico's term
    with pytest.raises(ValidationError):
        services.presidency_designate(country=crm["countries"]["CA"], start=before)


def test_membership_add_and_end_keep_the_history(crm):
    person = _person("Hilda")
    group = crm["groups"]["grcm"]
    membership = services.membership_add(group=group, person=person, role=Membership.Role.MEMBER, start=D(2004, 1, 1))
    with pytest.raises(ValidationError):
        services.membership_add(group=group, person=person)
    services.membership_end(membership=membership, end=D(2004, 12, 31))
    assert Membership.objects.get().end == D(2004, 12, 31)
    again = services.membership_add(group=group, person=person, start=D(2005, 6, 1))
    assert Membership.objects.filter(group=group, person=person).count() == 2
    with pytest.raises(ValidationError):
        services.membership_end(membership=again, end=D(2005, 1, 1))
