"""The full-text backends behind one interface: the database's own (chosen by the database in
use) or, with ``SEARCH_ENGINE=tantivy``, the top-k engine beside it (decision 0009)."""

from django.conf import settings
from django.db import connection

from secretaria.search.backends.base import SearchBackend, SearchFilters
from secretaria.search.backends.postgres import PostgresBackend
from secretaria.search.backends.sqlite import SQLiteBackend
from secretaria.search.backends.tantivy import TantivyBackend


def get_backend() -> SearchBackend:
    if settings.SEARCH_ENGINE == "tantivy":
        return TantivyBackend()
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise RuntimeError(f"no search backend for the {connection.vendor} database")


__all__ = ["SearchBackend", "SearchFilters", "get_backend"]
