"""The seed's outreach in the demo, the report's grouping, and a crawl as each role that must
find no confidential note and no requester's data."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from secretaria.directory.models import Person
from secretaria.outreach.models import Engagement, Inquiry, Material
from secretaria.outreach.selectors.report import outreach_for_period
from secretaria.reports.models import Report

pytestmark = pytest.mark.django_db

SECRETS = ["Notas internas de la Secretaría", "geography.inquiry@demo", "ngo.guide@demo", "We are studying remittances",
           "preparing an introductory guide"]  # fmt: skip


@pytest.fixture
def demo(db, settings):
    settings.DEV_MODE = True  # the demo accounts, one per role
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 - output not needed


def test_the_demo_carries_every_outreach_item_of_the_seed_and_loads_twice(demo):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert Engagement.objects.count() == 12
    groups = {g.key: g for g in outreach_for_period(datetime.date(2004, 5, 1), datetime.date(2004, 11, 30))}
    assert [g.count for g in groups.values()] == [6, 4, 5, 3, 2, 1]
    assert list(groups) == ["events", "papers", "informal", "material", "inquiries", "missions"]
    events = " ".join(i.summary_es for i in groups["events"].items)
    for name in ["Instituto Interamericano", "Cartagena", "RRCOM", "Barcelona", "OEA", "Consejo Nacional"]:
        assert name in events
    dinamica = [i for i in groups["papers"].items if "Dinámica" in i.summary_es]
    assert len(dinamica) == 2  # given twice: IIDH in July, the National Migration Council in October
    assert all(i.summary_en and i.summary_es for g in groups.values() for i in g.items)
    inquiries = " ".join(i.summary_en for i in groups["inquiries"].items)
    assert "Toronto" in inquiries and "Global Rights" in inquiries
    assert "Panama" in groups["missions"].items[0].summary_en
    assert all(i.status == Inquiry.Status.CLOSED and i.first_response_at for i in Inquiry.objects.all())


def _pages(client) -> list[str]:
    urls = [reverse("outreach:index"), reverse("outreach:index") + "?view=calendar",
            reverse("outreach:export", args=["csv"]), reverse("outreach:inquiries"), reverse("members:dashboard"),
            reverse("search:search") + "?q=Notas+internas", reverse("search:search") + "?q=remittances",
            "/api/v1/outreach/engagements", "/api/v1/outreach/inquiries",
            "/api/v1/outreach/report?start=2004-05-01&end=2004-11-30"]  # fmt: skip
    urls += [reverse("outreach:detail", args=[pk]) for pk in Engagement.objects.values_list("pk", flat=True)]
    urls += [reverse("outreach:inquiry", args=[pk]) for pk in Inquiry.objects.values_list("pk", flat=True)]
    urls += [reverse("outreach:material", args=[pk]) for pk in Material.objects.values_list("pk", flat=True)]
    urls += [reverse("outreach:templates"), reverse("directory:people"), reverse("directory:people") + "?q=remesas",
             reverse("directory:people_export"), reverse("reports:list")]  # fmt: skip
    urls += [reverse("directory:person", args=[pk]) for pk in Person.objects.values_list("pk", flat=True)]
    urls += [reverse("reports:detail", args=[pk]) for pk in Report.objects.values_list("pk", flat=True)]
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        bodies.append(response.content.decode("utf-8", "replace"))
    return bodies


def test_a_crawl_as_each_role_finds_no_confidential_note_and_no_requester_data(demo):
    for username in [None, "guatemala", "observer", "civil", "ppt"]:
        client = Client()
        if username:
            client.force_login(get_user_model().objects.get(username=username))
        for body in _pages(client):
            for secret in SECRETS:
                assert secret not in body, (username, secret)
    client = Client()
    client.force_login(get_user_model().objects.get(username="st"))
    text = " ".join(_pages(client))
    assert "Notas internas de la Secretaría" in text and "geography.inquiry@demo" in text
