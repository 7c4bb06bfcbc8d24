import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from secretaria.portal import demo
from secretaria.portal.models import NewsItem, Page


def _load():
    demo.load(stdout=io.StringIO(), style=None)


def _counts():
    return (
        Page.objects.count(),
        NewsItem.objects.count(),
        Page.history.count(),
        NewsItem.history.count(),
    )


def test_the_demo_content_loads_twice_without_changing_anything(db):
    _load()
    first = _counts()
    _load()

    assert _counts() == first
    assert first[0] == 6 and first[1] == 6


def test_the_demo_restores_text_changed_since_the_last_load(db):
    _load()
    Page.objects.filter(slug="reserve-fund").update(body_en="changed")

    _load()

    assert "US$1,000" in Page.objects.get(slug="reserve-fund").body_en


def test_the_demo_pages_and_news_are_published_in_both_languages(db, client):
    call_command("load_demo", stdout=io.StringIO())

    for page in Page.objects.all():
        assert page.is_live and page.title_es and page.title_en and page.body_es and page.body_en
    with translation.override("en"):
        home = client.get(reverse("portal:home")).content.decode()
        fund = client.get(reverse("portal:page", args=["reserve-fund"])).content.decode()
        news = client.get(reverse("portal:news_list")).content.decode()
    assert "Puebla Process" in home
    assert "US$1,000 per case" in fund
    assert "Luis Monzón is the new Coordinator" in news
    assert "New servers for the Virtual Secretariat" in news
    assert Page.objects.get(slug="guide").site == Page.Site.MEMBERS
