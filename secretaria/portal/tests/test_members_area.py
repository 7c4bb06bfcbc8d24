import pytest
from django.urls import reverse
from django.utils import translation

from secretaria.core.access import AccessLevel
from secretaria.portal.models import NewsItem, Page, Status


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def guide(make_page):
    return make_page(
        "guide",
        site=Page.Site.MEMBERS,
        access_level=AccessLevel.MEMBERS,
        title_en="Guide to the members' area",
        body_en="How to find the documents of the GRCM.",
    )


def test_anonymous_visitors_are_sent_to_login_from_a_members_page(anonymous, guide):
    response = anonymous.get(en("members:page", "guide"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_visitors_are_sent_to_login_from_the_dashboard(anonymous, crm):
    response = anonymous.get(en("members:dashboard"))

    assert response.status_code == 302


def test_a_member_official_reads_a_members_page(client_for, gt_official, guide):
    response = client_for(gt_official).get(en("members:page", "guide"))

    assert response.status_code == 200
    assert "How to find the documents of the GRCM." in response.content.decode()


def test_an_observer_gets_403_on_a_members_only_page(client_for, observer, guide):
    assert client_for(observer).get(en("members:page", "guide")).status_code == 403


def test_a_draft_members_page_is_not_found_except_for_the_secretariat(client_for, gt_official, st_officer, guide):
    guide.status = Status.DRAFT
    guide.save()

    assert client_for(gt_official).get(en("members:page", "guide")).status_code == 404
    assert client_for(st_officer).get(en("members:page", "guide")).status_code == 200


def test_the_dashboard_greets_the_user_and_shows_the_panels(client_for, gt_official, guide, make_news):
    make_news("seminar", title_en="Migration and Health seminar")
    make_news("closed", title_en="Members-only notice", access_level=AccessLevel.MEMBERS)

    html = client_for(gt_official).get(en("members:dashboard")).content.decode()

    assert "Carlos Chapín" in html
    assert "Member-country official" in html
    assert "Guatemala" in html
    assert "Migration and Health seminar" in html
    assert "Members-only notice" in html
    assert "Guide to the members&#x27;s area" in html or "Guide to the members&#x27; area" in html
    assert "Drafts" not in html


def test_an_observer_dashboard_lists_only_the_pages_it_may_read(client_for, observer, guide, make_news):
    make_news("closed", title_en="Members-only notice", access_level=AccessLevel.MEMBERS)

    html = client_for(observer).get(en("members:dashboard")).content.decode()

    assert "Guide to the members" not in html
    assert "Members-only notice" not in html


def test_the_secretariat_sees_drafts_on_its_dashboard(client_for, st_officer, make_page):
    make_page("take-part", published=False, title_en="How to take part (draft)")

    html = client_for(st_officer).get(en("members:dashboard")).content.decode()

    assert "How to take part (draft)" in html


@pytest.mark.parametrize("persona", ["gt_official", "ppt_official", "observer", "civil_society"])
def test_only_the_secretariat_may_open_the_editing_views(request, client_for, persona, make_page, make_news):
    page = make_page("about")
    item = make_news("seminar")
    client = client_for(request.getfixturevalue(persona))

    for url in [
        en("members:manage_pages"),
        en("members:page_create"),
        en("members:page_edit", page.pk),
        en("members:page_history", page.pk),
        en("members:manage_news"),
        en("members:news_create"),
        en("members:news_edit", item.pk),
        en("members:news_history", item.pk),
        en("members:images"),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(en("members:page_publish", page.pk), {"action": "unpublish"}).status_code == 403
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED


def _page_data(**overrides):
    data = {
        "site": "public",
        "slug": "reserve-fund",
        "access_level": "public",
        "access_group": "",
        "menu_order": "50",
        "publish_at": "",
        "title_es": "Fondo de reserva",
        "summary_es": "",
        "body_es": "Hasta **US$1.000** por caso.",
        "title_en": "Reserve fund",
        "summary_en": "",
        "body_en": "Up to **US$1,000** per case.",
        "reason": "",
    }
    data.update(overrides)
    return data


def test_the_secretariat_creates_edits_and_publishes_a_page(client_for, st_officer, anonymous):
    st = client_for(st_officer)

    response = st.post(en("members:page_create"), _page_data())
    page = Page.objects.get(slug="reserve-fund")
    assert response.status_code == 302
    assert page.status == Status.DRAFT
    assert anonymous.get(en("portal:page", "reserve-fund")).status_code == 404

    st.post(en("members:page_edit", page.pk), _page_data(title_en="The reserve fund", reason="Clearer title"))
    st.post(en("members:page_publish", page.pk), {"action": "publish"})

    html = anonymous.get(en("portal:page", "reserve-fund")).content.decode()
    assert "The reserve fund" in html
    assert "<strong>US$1,000</strong>" in html

    history = st.get(en("members:page_history", page.pk)).content.decode()
    assert "Clearer title" in history
    assert "The reserve fund" in history and "Reserve fund" in history
    assert "Luis Monzón" in history


def test_the_secretariat_unpublishes_a_page(client_for, st_officer, anonymous, make_page):
    page = make_page("about")

    client_for(st_officer).post(en("members:page_publish", page.pk), {"action": "unpublish"})

    assert anonymous.get(en("portal:page", "about")).status_code == 404


def test_the_preview_shows_sanitised_text_without_saving(client_for, st_officer):
    response = client_for(st_officer).post(
        en("members:page_create"), _page_data(body_en="Preview **me** <script>alert(1)</script>", preview="1")
    )

    html = response.content.decode()
    assert "Preview <strong>me</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert not Page.objects.exists()


def test_the_page_form_refuses_a_public_page_with_a_restricted_level(client_for, st_officer):
    response = client_for(st_officer).post(en("members:page_create"), _page_data(access_level="members"))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Page.objects.exists()


def test_the_secretariat_writes_and_publishes_news(client_for, st_officer, anonymous):
    st = client_for(st_officer)
    data = {
        "slug": "new-servers",
        "access_level": "public",
        "access_group": "",
        "image": "",
        "publish_at": "",
        "title_es": "Nuevos servidores",
        "summary_es": "",
        "body_es": "La migración se hará a finales de diciembre de 2004.",
        "title_en": "New servers",
        "summary_en": "",
        "body_en": "The migration will take place at the end of December 2004.",
        "reason": "",
    }

    st.post(en("members:news_create"), data)
    item = NewsItem.objects.get(slug="new-servers")
    assert item.author == st_officer
    assert anonymous.get(en("portal:news_detail", "new-servers")).status_code == 404

    st.post(en("members:news_publish", item.pk), {"action": "publish"})

    assert "end of December 2004" in anonymous.get(en("portal:news_detail", "new-servers")).content.decode()


def test_the_management_lists_make_a_constant_number_of_queries(
    client_for, st_officer, make_page, make_news, django_assert_max_num_queries
):
    st = client_for(st_officer)
    make_page("a")
    make_news("a")
    st.get(en("members:manage_pages"))  # warm the session and the user's caches
    with django_assert_max_num_queries(20) as first:
        st.get(en("members:manage_pages"))
        st.get(en("members:manage_news"))
    for i in range(8):
        make_page(f"p{i}", site=Page.Site.MEMBERS if i % 2 else Page.Site.PUBLIC)
        make_news(f"n{i}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        st.get(en("members:manage_pages"))
        st.get(en("members:manage_news"))


def test_anonymous_visitors_are_sent_to_login_from_the_editing_views(anonymous, make_page):
    page = make_page("about")

    for url in [en("members:manage_pages"), en("members:page_edit", page.pk), en("members:images")]:
        response = anonymous.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))
