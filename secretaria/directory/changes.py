"""Telling the apps above the directory that a record changed.

The directory depends on no feature app, so it cannot call them; an app that keeps a copy
of directory data (the site search indexes people and organisations) registers a listener
here in its AppConfig.ready(), and the directory's services and admin call ``changed``
after every write. A listener gets the model class, the primary key and the object (None
when it was deleted).
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[type, int, object | None], None]
_LISTENERS: list[Listener] = []


def on_change(listener: Listener) -> None:
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def changed(obj) -> None:
    for listener in list(_LISTENERS):
        listener(type(obj), obj.pk, obj)


def deleted(model: type, pk: int) -> None:
    for listener in list(_LISTENERS):
        listener(model, pk, None)
