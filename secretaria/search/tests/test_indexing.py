"""The index follows every write, and ``manage.py reindex`` rebuilds it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from secretaria.search.models import SearchIndexEntry
from secretaria.search.selectors import search
from secretaria.search.services import index_object, reindex


def titles(q):
    return {hit.title for hit in search(user=None, q=q).hits}


def test_an_update_replaces_the_old_words(notes):
    note = notes.add(title_es="Seminario sobre salud", body="Salud de los migrantes.")
    notes.update(note, title_es="Seminario sobre retorno", body="Retorno asistido.")
    assert titles("salud") == set()
    assert titles("retorno") == {"Seminario sobre retorno"}
    assert SearchIndexEntry.objects.filter(kind="note", object_id=note.id).count() == 1


def test_indexing_the_same_object_twice_keeps_one_entry(notes):
    note = notes.add(title_es="Acta de la reunión")
    index_object("note", note)
    index_object("note", note)
    assert search(user=None, q="acta").total == 1


def test_an_object_its_source_does_not_index_leaves_the_index(notes):
    note = notes.add(title_es="Declaración de Panamá")
    notes.update(note, draft=True)
    assert titles("declaracion") == set()
    assert not SearchIndexEntry.objects.filter(object_id=note.id).exists()
    notes.update(note, draft=False)
    assert titles("declaracion") == {"Declaración de Panamá"}


def test_a_deleted_object_leaves_the_index(notes):
    note = notes.add(title_es="Nota de logística")
    other = notes.add(title_es="Nota de prensa")
    notes.delete(note)
    assert titles("nota") == {"Nota de prensa"}
    assert search(user=None, q="logistica").total == 0
    notes.delete(other)
    assert search(user=None, q="nota").total == 0


def test_reindex_rebuilds_every_entry_from_the_sources(notes, events):
    notes.add(title_es="Carta de seguimiento")
    events.add(title_es="Seminario de salud")
    # Objects changed behind the index's back: reindex catches up.
    note = next(iter(notes.source.items.values()))
    note.title_es = "Carta corregida"
    notes.source.items[99] = type(note)(id=99, title_es="Nota nueva")
    SearchIndexEntry.objects.filter(kind="event").update(title_es="stale")
    out = StringIO()
    call_command("reindex", "--no-progress", stdout=out)
    assert "note: 2 entries indexed" in out.getvalue()
    assert "event: 1 entries indexed" in out.getvalue()
    assert "Search index rebuilt: 3 entries" in out.getvalue()
    assert titles("carta") == {"Carta corregida"}
    assert titles("nueva") == {"Nota nueva"}
    assert titles("seminario") == {"Seminario de salud"}
    assert SearchIndexEntry.objects.count() == 3


def test_entries_written_after_a_reindex_take_ids_of_their_own(notes):
    # A rebuild inserts in bulk (COPY on PostgreSQL); the writes after it must not collide.
    for n in range(3):
        notes.add(title_es=f"Acta {n}", summary_es="Reunión del GRCM.")
    reindex(progress=False)
    rebuilt = list(SearchIndexEntry.objects.order_by("id"))
    assert [e.title_es for e in rebuilt] == ["Acta 0", "Acta 1", "Acta 2"]
    assert all(e.updated_at and e.summary_es == "Reunión del GRCM." for e in rebuilt)
    notes.add(title_es="Acta nueva")
    assert SearchIndexEntry.objects.get(title_es="Acta nueva").id > rebuilt[-1].id
    assert titles("acta") == {"Acta 0", "Acta 1", "Acta 2", "Acta nueva"}
    assert titles("grcm") == {"Acta 0", "Acta 1", "Acta 2"}


def test_reindex_of_one_kind_leaves_the_others(notes, events):
    notes.add(title_es="Carta de seguimiento")
    events.add(title_es="Seminario de salud")
    events.source.items.clear()
    assert reindex(kind="event", progress=False) == {"event": 0}
    assert titles("seminario") == set()
    assert titles("carta") == {"Carta de seguimiento"}


def test_reindex_shows_a_progress_bar(notes, capsys):
    notes.add(title_es="Carta de seguimiento")
    call_command("reindex", "--kind", "note", stdout=StringIO())
    assert "Note" in capsys.readouterr().err  # tqdm writes to stderr


def test_reindex_refuses_an_unknown_kind(notes):
    with pytest.raises(CommandError, match="Unknown kind"):
        call_command("reindex", "--kind", "nothing", stdout=StringIO())


def test_a_full_reindex_drops_entries_of_kinds_no_longer_registered(notes):
    notes.add(title_es="Carta huérfana")
    from secretaria.search.registry import unregister_source

    unregister_source("note")
    try:
        reindex(progress=False)
        assert not SearchIndexEntry.objects.exists()
        assert search(user=None, q="carta").total == 0
    finally:
        from secretaria.search.registry import register_source

        register_source(notes.source)


def test_after_a_flush_the_full_text_index_holds_nothing_of_the_flushed_entries(transactional_db, notes):
    from django.core.management import call_command
    from django.db import connection

    from secretaria.search.selectors import search

    notes.add(title_es="Informe antiguo", body="frontera sur")
    call_command("flush", interactive=False, verbosity=0)  # as every TransactionTestCase does
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # ids start again, as after a flush that resets them
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = 'search_searchindexentry'")
    notes.add(title_es="Informe nuevo", body="frontera")
    assert search(user=None, q="sur").hits == []
    assert [hit.title for hit in search(user=None, q="frontera").hits] == ["Informe nuevo"]
    assert search(user=None, q="frontera").total == 1
