"""The tantivy engine beside the database (decision 0009): in step through the outbox, exact counts.

The other search tests run on both engines (conftest's ``engine`` fixture) with the changes
applied before each search; these follow the production path, where the engine applies a
transaction's changes only once it commits.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from secretaria.core.access import AccessLevel
from secretaria.search import selectors
from secretaria.search.backends import postgres, sqlite
from secretaria.search.backends import tantivy as engine_module
from secretaria.search.models import SearchEngineChange, SearchIndexEntry
from secretaria.search.selectors import search
from secretaria.search.services import reindex


@pytest.fixture
def engine(settings, tmp_path):
    settings.SEARCH_ENGINE = "tantivy"
    settings.SEARCH_ENGINE_SYNC = "commit"
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    yield "tantivy"
    engine_module.forget_engines()


def titles(q, user=None):
    return {hit.title for hit in search(user=user, q=q).hits}


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_is_found_at_once_and_nothing_is_left_pending(notes):
    note = notes.add(title_es="Informe sobre remesas")
    assert titles("remesas") == {"Informe sobre remesas"}
    notes.update(note, title_es="Informe sobre fronteras")
    assert titles("remesas") == set()
    assert titles("fronteras") == {"Informe sobre fronteras"}
    notes.delete(note)
    assert titles("fronteras") == set()
    assert not SearchEngineChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_never_reaches_the_engine(notes):
    notes.add(title_es="Informe público sobre remesas")
    with pytest.raises(RuntimeError), transaction.atomic():
        notes.add(title_es="Borrador sobre remesas")
        raise RuntimeError("the writer's transaction fails")
    assert titles("remesas") == {"Informe público sobre remesas"}
    assert search(user=None, q="remesas").total == 1


@pytest.mark.django_db(transaction=True)
def test_changes_made_while_another_process_writes_wait_for_the_periodic_sync(notes, monkeypatch):
    monkeypatch.setattr(engine_module, "LOCK_WAIT_SECONDS", 0.2)
    index = engine_module.engine().index
    other_writer = index.writer(engine_module.WRITER_HEAP, 1)  # another process holds the lock
    notes.add(title_es="Informe sobre remesas")
    assert SearchEngineChange.objects.count() == 1
    assert titles("remesas") == set()
    with pytest.raises(CommandError, match="locked by another process"):
        call_command("sync_search")
    del other_writer
    call_command("sync_search")
    assert titles("remesas") == {"Informe sobre remesas"}
    assert not SearchEngineChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_changes_applied_twice_give_the_same_index(notes):
    """A crash after the engine's commit and before the changes are deleted applies them again."""
    note = notes.add(title_es="Informe sobre remesas", access_level=AccessLevel.MEMBERS)
    entry = SearchIndexEntry.objects.get()
    SearchEngineChange.objects.bulk_create([SearchEngineChange(entry_id=entry.id) for _ in range(3)])
    engine_module.engine().sync()
    assert search(user=None, q="remesas").total == 0
    notes.update(note, access_level=AccessLevel.PUBLIC)
    SearchEngineChange.objects.create(entry_id=entry.id)
    engine_module.engine().sync()
    assert search(user=None, q="remesas").total == 1


@pytest.mark.django_db(transaction=True)
def test_another_process_commit_is_seen_by_the_next_search(notes, settings):
    notes.add(title_es="Informe sobre remesas")
    assert titles("remesas") == {"Informe sobre remesas"}
    # A second process on the same directory writes; this one's searcher notices the commit.
    other = engine_module.Engine(settings.SEARCH_INDEX_DIR)
    notes.source.items.clear()
    with transaction.atomic():
        entry = SearchIndexEntry.objects.get()
        entry.title_es = "Informe sobre fronteras"
        entry.save()
        SearchEngineChange.objects.create(entry_id=entry.id)
    other.sync()
    other.pool.shutdown()
    assert titles("fronteras") == {"Informe sobre fronteras"}


@pytest.mark.django_db(transaction=True)
def test_a_full_reindex_forgets_entries_whose_content_is_gone(notes):
    kept = notes.add(title_es="Informe sobre remesas")
    gone = notes.add(title_es="Nota sobre remesas")
    del notes.source.items[gone.id]  # removed without telling the index (a script, a crash)
    reindex(progress=False)
    assert titles("remesas") == {kept.title_es}
    assert search(user=None, q="remesas").total == 1


@pytest.mark.django_db(transaction=True)
def test_counts_and_facets_are_exact_past_the_database_engines_cap(notes, monkeypatch, client):
    for module in (sqlite, postgres, selectors):
        monkeypatch.setattr(module, "COUNT_CAP", 3)
    monkeypatch.setattr(selectors, "MAX_RESULTS", 3)
    for n in range(5):
        notes.add(title_es=f"Informe {n} sobre migración", doc_type="report" if n % 2 else "letter")
    notes.add(title_es="Nota reservada sobre migración", access_level=AccessLevel.SECRETARIAT)
    results = search(user=None, q="migración", per_page=2)
    assert (results.total, results.total_capped) == (5, False)
    types = {v.value: v.count for f in results.facets if f.field == "doc_type" for v in f.values}
    assert types == {"letter": 3, "report": 2}
    assert results.num_pages == 2  # paging still stops at MAX_RESULTS
    body = client.get("/api/v1/search", {"q": "migración"}).json()
    assert (body["total"], body["total_capped"]) == (5, False)


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_leaves_an_empty_index(notes, django_db_blocker):
    notes.add(title_es="Informe sobre remesas")
    call_command("flush", interactive=False, verbosity=0)
    assert search(user=None, q="remesas").total == 0


@pytest.mark.django_db
def test_sync_search_on_the_database_engine_says_there_is_nothing_to_do(settings, capsys):
    settings.SEARCH_ENGINE = "database"
    call_command("sync_search")
    assert "nothing to do" in capsys.readouterr().out
