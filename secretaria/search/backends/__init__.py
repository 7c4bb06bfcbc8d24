"""The full-text backends behind one interface, chosen by the database in use."""

from django.db import connection

from secretaria.search.backends.base import SearchBackend, SearchFilters
from secretaria.search.backends.postgres import PostgresBackend
from secretaria.search.backends.sqlite import SQLiteBackend


def get_backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise RuntimeError(f"no search backend for the {connection.vendor} database")


__all__ = ["SearchBackend", "SearchFilters", "get_backend"]
