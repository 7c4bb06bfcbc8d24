from django.db import models
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel


class SearchIndexEntry(models.Model):
    """One findable object, as its ``SearchSource`` describes it (``registry.SearchEntry``).

    Each text is stemmed in its own language (``body`` is text of no declared language,
    stemmed in both). The full-text structure lives beside this table and is written only by the backend:
    an FTS5 table ``search_fts`` (rowid = this id) on SQLite, a generated ``search_vector``
    column with a GIN index on PostgreSQL (migration 0002).
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
