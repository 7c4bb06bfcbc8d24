from django.db import connections, models
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel


class SearchIndexEntryQuerySet(models.QuerySet):
    def insert_new(self, entries: list) -> list:
        """Insert entries known to be absent and set their ids, as ``bulk_create`` does.

        On PostgreSQL one ``COPY``: at 500 entries it costs a quarter of ``bulk_create``'s
        ``INSERT … UNNEST``, whose arrays psycopg escapes value by value in Python (0.08
        against 0.31–0.37 ms an entry; docs/benchmarks.md).
        """
        connection = connections[self.db]
        if connection.vendor != "postgresql" or not entries:
            return self.bulk_create(entries)
        meta = self.model._meta
        fields = [field for field in meta.concrete_fields if not field.primary_key]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in [meta.pk, *fields])
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(entries)],
            )
            for entry, (pk,) in zip(entries, cursor.fetchall(), strict=True):
                entry.pk = pk
            with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
                for entry in entries:
                    values = (field.get_db_prep_save(field.pre_save(entry, True), connection) for field in fields)
                    copy.write_row([entry.pk, *values])
        for entry in entries:
            entry._state.adding = False
            entry._state.db = self.db
        return entries


class SearchIndexEntry(models.Model):
    """One findable object, as its ``SearchSource`` describes it (``registry.SearchEntry``).

    Each text is stemmed in its own language (``body`` is text of no declared language,
    stemmed in both). The full-text structure lives beside this table and is written only by the backend:
    an FTS5 table ``search_fts`` (rowid = this id) on SQLite, a ``search_vector`` column with
    a GIN index on PostgreSQL (migrations 0002 and 0006), a tantivy index in
    ``SEARCH_INDEX_DIR`` (``SEARCH_ENGINE=tantivy``, fed through ``SearchEngineChange``).
    """

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.BigIntegerField(_("object id"))
    title_es = models.CharField(_("title (Spanish)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    keywords = models.TextField(_("keywords"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    access_level = models.CharField(_("access level"), max_length=20, choices=AccessLevel.choices)
    access_group_id = models.BigIntegerField(_("access group"), null=True, blank=True)
    # Facets
    doc_type = models.CharField(_("type"), max_length=60, blank=True)
    year = models.IntegerField(_("year"), null=True, blank=True)
    meeting_id = models.BigIntegerField(_("meeting"), null=True, blank=True)
    group_id = models.BigIntegerField(_("group"), null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    # Language codes as ",en,es," so that one LIKE finds a language on either backend.
    languages = models.CharField(_("languages"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=30, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # A copy of content indexed elsewhere (a list's archive of an announcement): its texts
    # are indexed one rank lower, so that the original ranks first.
    demoted = models.BooleanField(_("ranked lower"), default=False)
    # Last: a long text stored after the short columns keeps them on the row's first page.
    body = models.TextField(_("text"), blank=True)
    body_es = models.TextField(_("text (Spanish)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)

    objects = SearchIndexEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_kind_object")]
        indexes = [
            # Sorting hits by date walks this index (see backends/sqlite.py).
            models.Index(fields=["date", "id"], name="search_entry_date"),
            # Counting facets of a hit list reads only this narrow index, never the text.
            models.Index(
                fields=[
                    "id", "date", "kind", "doc_type", "year", "meeting_id", "group_id",
                    "country", "languages", "status",
                ],
                name="search_entry_facets",
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.kind}:{self.object_id}"

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]


class SearchEngineChange(models.Model):
    """An index entry written or deleted since the top-k engine last caught up (the engine's outbox).

    Only the tantivy engine (``SEARCH_ENGINE=tantivy``, decision 0009) uses it. Its rows are
    written in the same transaction as the entry itself, so the engine never learns of a
    change the database did not commit; the engine applies them after the commit, by reading
    each entry's current row (an entry no longer there is forgotten), and deletes them once
    its own commit is on disk. ``entry_id`` 0 stands for "every entry before this is gone"
    (a full reindex).
    """

    entry_id = models.BigIntegerField(_("entry"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("search engine change")
        verbose_name_plural = _("search engine changes")

    def __str__(self):
        return f"change {self.pk}: entry {self.entry_id}"
