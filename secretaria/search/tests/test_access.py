"""Nobody sees a hit, a count, a facet number or a snippet of what they may not read."""

import pytest

from secretaria.core.access import AccessLevel
from secretaria.search.selectors import search

# Each note carries the word "frontera", a level-specific doc type and a secret word.
LEVELS = {
    "public": (AccessLevel.PUBLIC, None),
    "registered": (AccessLevel.REGISTERED, None),
    "observers": (AccessLevel.OBSERVERS, None),
    "members": (AccessLevel.MEMBERS, None),
    "consular": (AccessLevel.GROUP, "consular"),
    "grcm": (AccessLevel.GROUP, "grcm"),
    "secretariat": (AccessLevel.SECRETARIAT, None),
}
EXPECTED = {
    "anonymous": {"public"},
    "civil_society": {"public", "registered"},
    "observer": {"public", "registered", "observers"},
    "gt_official": {"public", "registered", "observers", "members", "consular"},  # in the consular network
    "hn_official": {"public", "registered", "observers", "members"},  # in no group
    "st_officer": set(LEVELS),
}


@pytest.fixture
def restricted(notes, crm):
    for name, (level, group) in LEVELS.items():
        notes.add(
            title_es=f"Nota {name}",
            summary_es=f"Resumen {name}: la frontera y el secreto{name}.",
            body=f"Control de frontera. Palabra secreto{name}.",
            access_level=level,
            access_group_id=crm["groups"][group].id if group else None,
            doc_type=f"type{name}",
            country="CR" if name == "secretariat" else "MX",
        )
    return notes


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_each_persona_sees_only_what_they_may_read(request, restricted, persona):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    expected = EXPECTED[persona]
    results = search(user=user, q="frontera", per_page=100)
    assert {hit.title for hit in results.hits} == {f"Nota {name}" for name in expected}
    assert results.total == len(expected)
    types = {v.value: v.count for f in results.facets if f.field == "doc_type" for v in f.values}
    assert types == {f"type{name}": 1 for name in expected}
    countries = {v.value for f in results.facets if f.field == "country" for v in f.values}
    assert ("CR" in countries) == ("secretariat" in expected)
    for hit in results.hits:
        for name in set(LEVELS) - expected:
            assert f"secreto{name}" not in hit.snippet
    for name in set(LEVELS) - expected:
        hidden = search(user=user, q=f"secreto{name}")
        assert hidden.total == 0 and hidden.hits == [] and hidden.facets == []
    # Sorting by date uses another query path: it must filter the same way.
    dated = search(user=user, q="frontera", sort="date", per_page=100)
    assert {hit.title for hit in dated.hits} == {f"Nota {name}" for name in expected}


def test_an_inactive_account_sees_only_public_entries(restricted, gt_official):
    gt_official.is_active = False
    gt_official.save()
    assert {hit.title for hit in search(user=gt_official, q="frontera").hits} == {"Nota public"}


def test_a_change_of_access_level_reaches_the_index(notes, crm, civil_society):
    note = notes.add(title_es="Borrador de declaración", access_level=AccessLevel.MEMBERS)
    assert search(user=civil_society, q="declaracion").total == 0
    notes.update(note, access_level=AccessLevel.PUBLIC)
    assert search(user=civil_society, q="declaracion").total == 1
    assert search(user=None, q="declaracion").total == 1
    notes.update(note, access_level=AccessLevel.SECRETARIAT)
    assert search(user=None, q="declaracion").total == 0


def test_a_policy_whose_levels_are_not_a_ladder_prefix_still_filters(
    restricted, observer, monkeypatch, is_postgres, engine
):
    if is_postgres and engine == "database":
        pytest.skip("the ladder tokens are SQLite's")
    from secretaria.search.backends import sqlite, tantivy

    for module in (sqlite, tantivy):
        monkeypatch.setattr(module, "visible_levels", lambda user: ["public", "members"])
    assert {hit.title for hit in search(user=observer, q="frontera").hits} == {"Nota public", "Nota members"}
