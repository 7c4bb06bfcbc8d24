"""A test-only search source: plain Python objects, indexed through the real services."""

import datetime
from dataclasses import dataclass, field

import pytest

from secretaria.core.access import AccessLevel
from secretaria.search.backends import tantivy
from secretaria.search.registry import SearchEntry, SearchSource, register_source, unregister_source
from secretaria.search.services import index_object, unindex_object


@dataclass
class Note:
    id: int
    title_es: str = ""
    title_en: str = ""
    summary_es: str = ""
    summary_en: str = ""
    keywords: str = ""
    body: str = ""
    body_es: str = ""
    body_en: str = ""
    demoted: bool = False
    date: datetime.date | None = datetime.date(2004, 7, 6)
    access_level: str = AccessLevel.PUBLIC
    access_group_id: int | None = None
    doc_type: str | None = "letter"
    meeting_id: int | None = None
    group_id: int | None = None
    country: str | None = None
    languages: list[str] = field(default_factory=lambda: ["es"])
    status: str | None = "published"
    draft: bool = False  # a draft is not indexed


class NoteSource(SearchSource):
    label = "Note"
    TYPES = {"letter": ("Carta", "Letter"), "report": ("Informe", "Report"), "agenda": ("Agenda", "Agenda")}

    def __init__(self, kind="note", label="Note"):
        self.kind = kind
        self.label = label
        self.items: dict[int, Note] = {}

    def entry_for(self, obj: Note):
        if obj.draft:
            return None
        return SearchEntry(
            kind=self.kind,
            object_id=obj.id,
            title_es=obj.title_es,
            title_en=obj.title_en,
            date=obj.date,
            access_level=obj.access_level,
            access_group_id=obj.access_group_id,
            summary_es=obj.summary_es,
            summary_en=obj.summary_en,
            keywords=obj.keywords,
            body=obj.body,
            body_es=obj.body_es,
            body_en=obj.body_en,
            demoted=obj.demoted,
            doc_type=obj.doc_type,
            year=obj.date.year if obj.date else None,
            meeting_id=obj.meeting_id,
            group_id=obj.group_id,
            country=obj.country,
            languages=obj.languages,
            status=obj.status,
        )

    def iter_objects(self):
        return list(self.items.values())

    def url_for(self, object_id, lang):
        return f"/{lang}/notes/{object_id}/"

    def facet_label(self, facet, value, lang):
        if facet != "doc_type" or value not in self.TYPES:
            return None
        return self.TYPES[value][0 if lang == "es" else 1]


class Notes:
    """``notes.add(title_es=...)`` creates a note and indexes it, as a content app would."""

    def __init__(self, source: NoteSource):
        self.source = source
        self.next_id = 1

    def add(self, **fields) -> Note:
        note = Note(id=self.next_id, **fields)
        self.next_id += 1
        self.source.items[note.id] = note
        index_object(self.source.kind, note)
        return note

    def update(self, note: Note, **changes) -> Note:
        for key, value in changes.items():
            setattr(note, key, value)
        index_object(self.source.kind, note)
        return note

    def delete(self, note: Note) -> None:
        del self.source.items[note.id]
        unindex_object(self.source.kind, note.id)


@pytest.fixture
def notes(db):
    source = NoteSource()
    register_source(source)
    yield Notes(source)
    unregister_source(source.kind)


@pytest.fixture
def events(db):
    """A second kind of content, for the kind filter."""
    source = NoteSource(kind="event", label="Event")
    register_source(source)
    helper = Notes(source)
    helper.next_id = 1000
    yield helper
    unregister_source(source.kind)


@pytest.fixture(params=["database", "tantivy"], autouse=True)
def engine(request, settings, tmp_path):
    """Every search test runs on the database's engine and on tantivy (decision 0009)."""
    if request.param == "tantivy":
        settings.SEARCH_ENGINE = "tantivy"
        settings.SEARCH_ENGINE_SYNC = "immediate"
        settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    yield request.param
    if request.param == "tantivy":
        tantivy.forget_engines()
