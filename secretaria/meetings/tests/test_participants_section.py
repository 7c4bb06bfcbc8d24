"""The meeting page joins the participation and services modules: what each persona sees."""

import pytest
from django.urls import reverse
from django.utils import translation

from secretaria.meetings.services import bench_participants, invitation_decline, invitations_create


@pytest.fixture(autouse=True)
def english(spanish):
    """Pages read in English (the source language of the templates: the assertions quote them)."""
    with translation.override("en"):
        yield


@pytest.fixture
def with_participants(seminar, st_officer, hn_official):
    bench_participants(meeting=seminar, count=4)  # approved; two of them in the public list
    result = invitations_create(meeting=seminar, by=st_officer, people=[hn_official.person], send=False)
    invitation_decline(invitation=result.created[0], by=hn_official)
    return seminar


def links(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_secretariat_sees_the_counts_and_every_participation_and_services_link(
    with_participants, client_for, st_officer
):
    meeting = with_participants
    page = links(client_for(st_officer).get(meeting.get_absolute_url()))
    assert 'id="participants"' in page
    for name in ["participants", "participation_manage", "letters", "mailing", "services"]:
        assert reverse(f"meetings:{name}", args=[meeting.slug]) in page, name
    counts = page[page.index('id="participants"') :]
    assert ": 4" in counts  # four approved registrations
    assert ": 1" in counts  # one declined invitation


def test_an_observer_sees_only_the_public_list_and_neither_costs_nor_secretariat_data(
    with_participants, client_for, observer
):
    meeting = with_participants
    page = links(client_for(observer).get(meeting.get_absolute_url()))
    assert reverse("meetings:participants", args=[meeting.slug]) in page
    assert "Public list of participants (2 participants)" in page
    for name in ["participation_manage", "letters", "mailing", "services"]:
        assert reverse(f"meetings:{name}", args=[meeting.slug]) not in page, name
    assert "logistics data" not in page


def test_a_member_official_sees_the_members_list_and_the_ppt_the_costs(
    with_participants, client_for, gt_official, ppt_official
):
    meeting = with_participants
    member_page = links(client_for(gt_official).get(meeting.get_absolute_url()))
    assert "List of participants (4 approved participants)" in member_page
    assert reverse("meetings:services", args=[meeting.slug]) not in member_page
    assert reverse("meetings:participation_manage", args=[meeting.slug]) not in member_page
    ppt_page = links(client_for(ppt_official).get(meeting.get_absolute_url()))
    assert reverse("meetings:services", args=[meeting.slug]) in ppt_page
    assert reverse("meetings:participation_manage", args=[meeting.slug]) not in ppt_page


def test_anonymous_visitors_see_the_public_list_link(with_participants, client):
    page = links(client.get(with_participants.get_absolute_url()))
    assert "Public list of participants (2 participants)" in page
    assert reverse("meetings:services", args=[with_participants.slug]) not in page


@pytest.mark.parametrize("persona", ["st_officer", "observer"])
def test_the_meeting_page_makes_as_many_queries_with_50_participants_as_with_5(
    seminar, client_for, request, persona, count_queries
):
    client = client_for(request.getfixturevalue(persona))
    url = seminar.get_absolute_url()
    bench_participants(meeting=seminar, count=5)
    client.get(url)  # warm the caches

    def page():
        assert client.get(url).status_code == 200

    five = count_queries(page)
    bench_participants(meeting=seminar, count=45)
    assert count_queries(page) == five
