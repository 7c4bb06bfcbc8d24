from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def forget_orphaned_index(sender, using, **kwargs):
    """With no entries, SQLite's FTS table (or the tantivy index) must be empty too.

    ``manage.py flush`` (and every TransactionTestCase, which flushes and then sends
    post_migrate) empties the model tables but not ``search_fts``, which is not a model: its
    rows would then stand for entries that no longer exist, and match the new entries that
    reuse their ids.
    """
    from django.db import connections

    from secretaria.search.backends.sqlite import BUMP_SQL, CLEAR_SQL, TABLE
    from secretaria.search.backends.tantivy import engine
    from secretaria.search.models import SearchIndexEntry

    connection = connections[using]
    if settings.SEARCH_ENGINE == "tantivy":
        tables = connection.introspection.table_names()
        if "search_searchenginechange" in tables and not SearchIndexEntry.objects.using(using).exists():
            engine().clear_all()
        return
    if connection.vendor != "sqlite" or TABLE not in connection.introspection.table_names():
        return
    if SearchIndexEntry.objects.using(using).exists():
        return
    with connection.cursor() as cursor:
        cursor.execute(CLEAR_SQL)
        cursor.execute(BUMP_SQL)


class SearchConfig(AppConfig):
    name = "secretaria.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from secretaria.search import directory

        directory.register()
        post_migrate.connect(forget_orphaned_index, sender=self)
