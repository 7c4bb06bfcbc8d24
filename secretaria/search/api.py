"""GET /api/v1/search: the search page's results as JSON."""

import datetime
from typing import Literal

from django.utils import translation
from ninja import Field, Query, Router, Schema

from secretaria.core.openapi import Id
from secretaria.search.backends import SearchFilters
from secretaria.search.selectors import MAX_PER_PAGE, search

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = Field("", max_length=500, description='Words, "phrases", prefix*, OR, -excluded')
    kind: str | None = Field(None, max_length=40, pattern=r"^[A-Za-z0-9_.-]+$")
    type: str | None = Field(None, max_length=60, pattern=r"^[A-Za-z0-9_.-]+$", description="Document type")
    year: int | None = Field(None, ge=1900, le=2200)
    meeting: Id | None = None
    group: Id | None = None
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2")
    language: str | None = Field(None, pattern=r"^[a-z]{2,3}$")
    status: str | None = Field(None, max_length=30, pattern=r"^[A-Za-z0-9_.-]+$")
    sort: Literal["relevance", "date"] = "relevance"
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)
    facets: bool = Field(True, description="false: no facet counts (`facets` is empty); cheaper on a large archive")
    lang: Literal["es", "en"] | None = Field(
        None, description="Language of titles and links (default: Accept-Language)"
    )


class HitOut(Schema):
    kind: str
    object_id: int
    title: str
    url: str
    snippet: str = Field(description="HTML: escaped text, matched words in <mark>")
    date: datetime.date | None
    score: float


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class FacetOut(Schema):
    field: str
    param: str
    label: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    q: str
    total: int = Field(description="Hits the caller may read, counted up to 10,000")
    total_capped: bool = Field(description="True: more than `total` hits (counting stops at 10,000)")
    page: int
    per_page: int
    num_pages: int
    sort: str
    message: str
    hits: list[HitOut]
    facets: list[FacetOut]


@router.get("/search", response=SearchOut, summary="Search everything the caller may read")
def search_api(request, params: Query[SearchParams]):
    filters = SearchFilters(
        kind=params.kind,
        doc_type=params.type,
        year=params.year,
        meeting_id=params.meeting,
        group_id=params.group,
        country=params.country.upper() if params.country else None,
        language=params.language,
        status=params.status,
    )
    with translation.override(params.lang or translation.get_language()):
        results = search(
            user=request.auth,
            q=params.q,
            filters=filters,
            sort=params.sort,
            page=params.page,
            per_page=params.per_page,
            facets=params.facets,
        )
    return {
        "q": results.q,
        "total": results.total,
        "total_capped": results.total_capped,
        "page": results.page,
        "per_page": results.per_page,
        "num_pages": results.num_pages,
        "sort": results.sort,
        "message": results.message,
        "hits": [vars(hit) for hit in results.hits],
        "facets": [
            {"field": f.field, "param": f.param, "label": f.label, "values": [vars(v) for v in f.values]}
            for f in results.facets
        ],
    }
