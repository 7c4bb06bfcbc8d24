from urllib.parse import urlencode

from django.shortcuts import render

from secretaria.search.backends.base import RELEVANCE
from secretaria.search.forms import SearchForm
from secretaria.search.selectors import facets_come_apart, search, search_facets


def _with(params: dict, **changes) -> str:
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged)


def _facet_links(results, params: dict) -> None:
    """Each facet value links to the same search with that filter set (or cleared)."""
    for facet in results.facets:
        current = params.get(facet.param)
        for value in facet.values:
            value.selected = current == value.value
            value.url = _with(params, page=None, **{facet.param: None if value.selected else value.value})


def search_page(request):
    """The results page. With an engine whose facets cost more than the rest of the search
    (``facets_come_apart``: tantivy, decision 0009), its first answer holds the hits and their
    number, and the filters follow in a second request, ``part=facets``, which the page makes
    as soon as it has loaded (htmx); without JavaScript a link (``facets=1``) asks for the page
    with them. The database engines' page shows them at once."""
    form = SearchForm(request.GET or None)
    results = None
    facets_url = facets_page_url = ""
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        params = {k: v for k, v in request.GET.items() if k in form.fields}
        if request.GET.get("part") == "facets":
            results = search_facets(user=request.user, q=d["q"], filters=form.filters())
            _facet_links(results, params)
            return render(request, "search/_facets.html", {"results": results})
        asked = request.GET.get("facets") == "1"
        inline = asked or not facets_come_apart()
        results = search(
            user=request.user,
            q=d["q"],
            filters=form.filters(),
            sort=d.get("sort") or RELEVANCE,
            page=d.get("page") or 1,
            facets=inline,
        )
        # Without JavaScript, the filters asked for stay on the next page, sort and filter.
        kept = {**params, "facets": "1"} if asked else params
        _facet_links(results, kept)
        if not inline and results.total:
            facets_url = _with(params, page=None, sort=None, part="facets")
            facets_page_url = _with(params, facets="1")
        results.page_urls = {
            "previous": _with(kept, page=results.page - 1) if results.has_previous else "",
            "next": _with(kept, page=results.page + 1) if results.has_next else "",
        }
        results.sort_urls = {key: _with(kept, sort=key, page=None) for key in ("relevance", "date")}
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "results": results, "facets_url": facets_url, "facets_page_url": facets_page_url}
    return render(request, "search/search.html", context, status=status)
