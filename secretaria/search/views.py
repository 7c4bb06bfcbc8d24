from urllib.parse import urlencode

from django.shortcuts import render

from secretaria.search.backends.base import RELEVANCE
from secretaria.search.forms import SearchForm
from secretaria.search.selectors import search


def _with(params: dict, **changes) -> str:
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged)


def search_page(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        results = search(
            user=request.user,
            q=d["q"],
            filters=form.filters(),
            sort=d.get("sort") or RELEVANCE,
            page=d.get("page") or 1,
        )
        params = {k: v for k, v in request.GET.items() if k in form.fields}
        # Each facet value links to the same search with that filter set (or cleared).
        for facet in results.facets:
            current = params.get(facet.param)
            for value in facet.values:
                value.selected = current == value.value
                value.url = _with(params, page=None, **{facet.param: None if value.selected else value.value})
        results.page_urls = {
            "previous": _with(params, page=results.page - 1) if results.has_previous else "",
            "next": _with(params, page=results.page + 1) if results.has_next else "",
        }
        results.sort_urls = {key: _with(params, sort=key, page=None) for key in ("relevance", "date")}
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "search/search.html", {"form": form, "results": results}, status=status)
