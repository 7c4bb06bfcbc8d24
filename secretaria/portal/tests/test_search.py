"""Pages and news items in the site search: once live, at their level, in the reader's language."""

import datetime

from django.utils import timezone, translation

from secretaria.core.access import AccessLevel
from secretaria.portal import services
from secretaria.portal.models import NewsItem, Page
from secretaria.portal.tasks import index_when_live
from secretaria.search.selectors import search


def kinds(q, user=None):
    return [hit.kind for hit in search(user=user, q=q).hits]


def test_a_published_news_item_is_found_with_its_type_and_link(make_news):
    item = make_news("taller", title_es="Taller en Panamá", body_es="El taller sobre trata de personas.")
    hit = next(h for h in search(user=None, q="trata").hits if h.kind == "news")
    assert hit.title == "Taller en Panamá" and hit.kind_label == "Noticias"
    assert hit.url == item.get_absolute_url()


def test_a_draft_or_unpublished_item_is_not_found(make_news, st_officer):
    make_news("borrador", published=False, title_es="Borrador reservado")
    assert "news" not in kinds("reservado", st_officer)
    item = make_news("retirada", title_es="Noticia retirada")
    assert "news" in kinds("retirada")
    services.news_unpublish(item=item, by=st_officer)
    assert "news" not in kinds("retirada", st_officer)


def test_an_item_scheduled_for_later_is_found_only_from_its_date(make_news):
    item = make_news("futura", title_es="Anuncio futuro", days_ago=-3)
    assert "news" not in kinds("futuro")
    NewsItem.objects.filter(pk=item.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    assert index_when_live.call(kind="news", pk=item.pk) is True  # what the worker runs at the date
    assert "news" in kinds("futuro")


def test_a_page_is_found_and_a_members_page_only_by_members(make_page, gt_official, observer):
    make_page("about", title_es="La Conferencia", body_es="Foro regional multilateral sobre migración.")
    make_page("guia", site=Page.Site.MEMBERS, access_level=AccessLevel.MEMBERS, title_es="Guía de delegados",
              body_es="Procedimiento multilateral reservado.")  # fmt: skip
    assert kinds("multilateral") == ["page"]
    assert kinds("multilateral", observer) == ["page"]
    assert sorted(kinds("multilateral", gt_official)) == ["page", "page"]


def test_an_english_reader_sees_the_english_title_and_text(make_news):
    make_news("salud", title_es="Migración y salud", title_en="Migration and health",
              body_es="El seminario de salud.", body_en="The health seminar.")  # fmt: skip
    with translation.override("en"):
        hit = search(user=None, q="salud OR health").hits[0]
    assert hit.title == "Migration and health"
    assert "The <mark>health</mark> seminar" in hit.snippet and "salud" not in hit.snippet
