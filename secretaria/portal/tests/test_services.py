import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from secretaria.core.access import AccessLevel
from secretaria.portal import selectors, services
from secretaria.portal.models import Page, Status


def test_a_new_page_is_a_draft_that_nobody_but_the_secretariat_sees(make_page, gt_official, st_officer):
    page = make_page("about", published=False)

    assert page.status == Status.DRAFT
    assert page not in selectors.live_pages(None)
    assert page not in selectors.live_pages(gt_official)
    assert page in selectors.drafts()["pages"]


def test_a_published_page_is_visible_to_anonymous_visitors(make_page):
    page = make_page("about")

    assert list(selectors.live_pages(None)) == [page]


def test_a_page_published_for_a_future_date_stays_hidden_until_then(make_page, st_officer):
    page = make_page("about", published=False)
    later = timezone.now() + datetime.timedelta(days=2)

    services.page_publish(page=page, by=st_officer, at=later)

    assert page.status == Status.PUBLISHED
    assert page.is_scheduled
    assert page not in selectors.live_pages(None)
    assert page in selectors.live_pages(None).model.objects.live(now=later + datetime.timedelta(minutes=1))


def test_unpublishing_hides_a_page_again(make_page, st_officer):
    page = make_page("about")

    services.page_unpublish(page=page, by=st_officer)

    assert page not in selectors.live_pages(None)


def test_every_change_is_recorded_with_its_author_and_reason(make_page, st_officer, admin_user):
    page = make_page("about", published=False)

    services.page_update(
        page=page, by=admin_user, reason="Fixed the founding date", title_en="About the Puebla Process"
    )

    versions = selectors.history_of(page)
    newest = versions[0]
    assert newest.record.history_user == admin_user
    assert newest.record.history_change_reason == "Fixed the founding date"
    assert [(c.field, c.old, c.new) for c in newest.changes] == [("title_en", "Page about", "About the Puebla Process")]
    assert versions[-1].record.history_user == st_officer
    assert page.updated_by == admin_user


def test_members_pages_are_read_only_by_the_levels_they_name(make_page, gt_official, observer, civil_society):
    page = make_page("guide", site=Page.Site.MEMBERS, access_level=AccessLevel.MEMBERS)

    assert page in selectors.live_pages(gt_official, Page.Site.MEMBERS)
    assert page not in selectors.live_pages(observer, Page.Site.MEMBERS)
    assert page not in selectors.live_pages(civil_society, Page.Site.MEMBERS)
    assert page not in selectors.live_pages(None, Page.Site.MEMBERS)


def test_a_group_page_is_read_by_the_group_only(make_page, crm, gt_official, hn_official):
    page = make_page(
        "red-consular", site=Page.Site.MEMBERS, access_level=AccessLevel.GROUP, access_group=crm["groups"]["consular"]
    )

    assert page in selectors.live_pages(gt_official, Page.Site.MEMBERS)
    assert page not in selectors.live_pages(hn_official, Page.Site.MEMBERS)


def test_a_public_page_cannot_be_restricted(st_officer, crm):
    with pytest.raises(ValidationError):
        services.page_create(
            by=st_officer, site=Page.Site.PUBLIC, slug="x", title_es="X", access_level=AccessLevel.MEMBERS
        )


def test_a_members_page_cannot_be_public(st_officer, crm):
    with pytest.raises(ValidationError):
        services.page_create(
            by=st_officer, site=Page.Site.MEMBERS, slug="x", title_es="X", access_level=AccessLevel.PUBLIC
        )


def test_a_group_page_needs_a_group(st_officer, crm):
    with pytest.raises(ValidationError):
        services.page_create(by=st_officer, site=Page.Site.MEMBERS, slug="x", title_es="X", access_level="group")


def test_the_same_address_may_exist_once_per_site(make_page, st_officer):
    make_page("guide")
    make_page("guide", site=Page.Site.MEMBERS)

    with pytest.raises(ValidationError):
        services.page_create(by=st_officer, site=Page.Site.PUBLIC, slug="guide", title_es="Otra guía")


def test_news_drafts_and_future_news_are_invisible(make_news, st_officer):
    draft = make_news("draft", published=False)
    future = make_news("future", days_ago=-3)
    live = make_news("live")

    assert list(selectors.public_news()) == [live]
    assert draft in selectors.drafts()["news"]
    assert future in selectors.drafts()["news"]


def test_news_changes_are_recorded_with_their_author(make_news, admin_user):
    item = make_news("seminar")

    services.news_update(item=item, by=admin_user, reason="Added the venue", body_en="In Guatemala City.")

    record = item.history.order_by("-history_date").first()
    assert record.history_user == admin_user
    assert record.history_change_reason == "Added the venue"


def test_restricted_news_reach_only_their_level(make_news, gt_official, observer):
    item = make_news("members-only", access_level=AccessLevel.MEMBERS)

    assert item in selectors.live_news(gt_official)
    assert item not in selectors.live_news(observer)
    assert item not in selectors.public_news()


def test_content_falls_back_to_the_other_language(make_page):
    from django.utils import translation

    page = make_page("about", title_en="")

    with translation.override("en"):
        assert page.title == "Página about"


def test_the_history_of_a_long_text_shows_only_the_lines_that_changed(make_page, st_officer):
    page = make_page("about", body_en="First paragraph.\n\nSecond paragraph.\n\nThird paragraph.", published=False)

    services.page_update(
        page=page, by=st_officer, body_en="First paragraph.\n\nSecond paragraph, revised.\n\nThird paragraph."
    )

    (change,) = selectors.history_of(page)[0].changes
    assert change.old_lines == ["Second paragraph."]
    assert change.new_lines == ["Second paragraph, revised."]
