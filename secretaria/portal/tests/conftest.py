import datetime

import pytest
from django.utils import timezone

from secretaria.core.access import AccessLevel
from secretaria.portal import services
from secretaria.portal.models import Page


@pytest.fixture
def make_page(st_officer):
    def make(slug="about", *, site=Page.Site.PUBLIC, published=True, access_level=None, **fields):
        fields.setdefault("title_es", f"Página {slug}")
        fields.setdefault("title_en", f"Page {slug}")
        fields.setdefault("body_es", f"Texto de {slug}.")
        fields.setdefault("body_en", f"Text of {slug}.")
        page = services.page_create(by=st_officer, site=site, slug=slug, access_level=access_level, **fields)
        if published:
            services.page_publish(page=page, by=st_officer)
        return page

    return make


@pytest.fixture
def make_news(st_officer):
    def make(slug="news", *, published=True, access_level=AccessLevel.PUBLIC, days_ago=1, **fields):
        fields.setdefault("title_es", f"Noticia {slug}")
        fields.setdefault("title_en", f"News {slug}")
        fields.setdefault("body_es", f"Cuerpo de {slug}.")
        fields.setdefault("body_en", f"Body of {slug}.")
        item = services.news_create(by=st_officer, slug=slug, access_level=access_level, **fields)
        if published:
            services.news_publish(item=item, by=st_officer, at=timezone.now() - datetime.timedelta(days=days_ago))
        return item

    return make
