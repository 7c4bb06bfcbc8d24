"""The models the package holds, in an order the import can follow, and their stable ids.

A record's stable id (``sid``) is its natural key where the model has one
(``nk:["name"]``), else a UUID derived from this instance, the model and the primary key
(``uuid:…``, uuid5), unless the record was itself imported: then the id it came with is kept
(``ImportedRecord``), so ids survive any number of moves. Foreign keys are written as the
target's stable id, never as a database id.
"""

import json
import uuid

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models

from secretaria.archive.models import ImportedRecord, Instance
from secretaria.archive.registry import hooks_for

NAMESPACE = uuid.UUID("6f1d7a52-3c5e-5b8e-9a77-2f0c1b6e4d10")
AUTO_PK = (models.AutoField, models.BigAutoField, models.SmallAutoField)


def label_of(model) -> str:
    return model._meta.label


def instance_uuid() -> uuid.UUID:
    row = Instance.objects.order_by("pk").first() or Instance.objects.create()
    return row.uuid


def uses_natural_key(model) -> bool:
    return (
        hooks_for(label_of(model)).natural_key
        and hasattr(model, "natural_key")
        and hasattr(model._default_manager, "get_by_natural_key")
    )


def history_base(model):
    """The model a django-simple-history table records, or None."""
    return getattr(model, "instance_type", None) if hasattr(model, "history_object") else None


def exported_models() -> list:
    """Every concrete model not skipped by the registry, parents before children."""
    candidates = [
        m for m in apps.get_models() if m._meta.managed and not m._meta.proxy and not hooks_for(label_of(m)).skip
    ]
    return order_by_dependencies(candidates)


def references(model) -> list[tuple[str, object, bool]]:
    """(field name, target model, may be null) for each reference the import must resolve."""
    refs = []
    for f in model._meta.concrete_fields:
        if f.is_relation and f.related_model is not None:
            refs.append((f.name, f.related_model, f.null))
    base = history_base(model)
    if base is not None:
        refs.append((base._meta.pk.attname, base, True))
    return refs


def order_by_dependencies(candidates: list) -> list:
    """Kahn's order on references; a cycle is broken at a nullable reference (set afterwards)."""
    chosen = set(candidates)
    hard = {m: set() for m in candidates}
    soft = {m: set() for m in candidates}
    for m in candidates:
        for _name, target, null in references(m):
            if target in chosen and target is not m:
                (soft if null else hard)[m].add(target)
    ordered, done = [], set()
    remaining = sorted(candidates, key=label_of)
    while remaining:
        ready = [m for m in remaining if hard[m] <= done and soft[m] <= done]
        if not ready:
            ready = [m for m in remaining if hard[m] <= done][:1] or remaining[:1]
        for m in ready:
            ordered.append(m)
            done.add(m)
        remaining = [m for m in remaining if m not in done]
    return ordered


def generic_keys(model) -> list[GenericForeignKey]:
    return [f for f in model._meta.private_fields if isinstance(f, GenericForeignKey)]


def file_fields(model) -> list:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def plain_m2m(model) -> list:
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def exported_pk(model) -> bool:
    """A primary key that means something (a slug, a UUID) is exported; a counter is not."""
    return not isinstance(model._meta.pk, AUTO_PK)


class Identities:
    """Stable ids of local rows and local rows of stable ids, cached per model."""

    def __init__(self):
        self.instance = instance_uuid()
        self._sids: dict[str, dict[str, str]] = {}
        self._pks: dict[str, dict[str, str]] = {}

    def _load(self, model):
        label = label_of(model)
        if label in self._sids:
            return
        sids, pks = {}, {}
        for pk, sid in ImportedRecord.objects.filter(model=label).values_list("object_pk", "sid").iterator():
            sids[pk] = sid
            pks[sid] = pk
        if uses_natural_key(model):
            for obj in model._default_manager.all().iterator(chunk_size=2000):
                sid = "nk:" + json.dumps(list(obj.natural_key()), ensure_ascii=False)
                sids.setdefault(str(obj.pk), sid)
                pks.setdefault(sid, str(obj.pk))
        # This instance's own rows under the ids it derives, so that re-reading its own
        # package finds them instead of creating copies.
        for pk in model._default_manager.values_list("pk", flat=True).iterator(chunk_size=5000):
            sids.setdefault(str(pk), self.derived(label, pk))
            pks.setdefault(sids[str(pk)], str(pk))
        self._sids[label], self._pks[label] = sids, pks

    def derived(self, label: str, pk) -> str:
        return "uuid:" + str(uuid.uuid5(NAMESPACE, f"{self.instance}:{label.lower()}:{pk}"))

    def sid(self, model, pk) -> str | None:
        if pk is None:
            return None
        model = model._meta.concrete_model
        self._load(model)
        return self._sids[label_of(model)].get(str(pk)) or self.derived(label_of(model), pk)

    def pk(self, model, sid: str | None):
        """The local primary key of a stable id, or None when no such row is here (yet)."""
        if sid is None:
            return None
        model = model._meta.concrete_model
        self._load(model)
        found = self._pks[label_of(model)].get(sid)
        if found is None and sid.startswith("nk:") and hasattr(model._default_manager, "get_by_natural_key"):
            try:
                obj = model._default_manager.get_by_natural_key(*json.loads(sid[3:]))
            except model.DoesNotExist:
                return None
            found = str(obj.pk)
            self.remember(model, sid, obj.pk, persist=False)
        return None if found is None else model._meta.pk.to_python(found)

    def remember(self, model, sid: str, pk, *, persist: bool = True) -> None:
        model = model._meta.concrete_model
        self._load(model)
        self._sids[label_of(model)][str(pk)] = sid
        self._pks[label_of(model)][sid] = str(pk)
        if persist:  # callers look the sid up first: it is not recorded yet
            ImportedRecord.objects.create(model=label_of(model), sid=sid, object_pk=str(pk))
