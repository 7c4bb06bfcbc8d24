"""What each app tells the archive about its models (the archive imports no feature app).

The exporter walks every model Django knows (``django.apps``), so a new app is exported
without code changes. An app whose data needs care registers hooks in its ``ready()``:

    from secretaria.archive.registry import register
    register("fund.Beneficiary", sensitive=["name", "birth_date", "address"], match_on=["reference"])

- ``exclude``: fields left out of the package (caches, derived values); on import they get
  their default.
- ``sensitive``: fields written only to the encrypted part (``data/sensitive.ndjson.enc``),
  so a package can be deposited without them; without the passphrase the import leaves them
  at their default.
- ``match_on``: fields (foreign keys allowed) that identify an existing row on the target,
  which is then reused instead of created (users are matched by e-mail).
- ``natural_key``: False to identify rows by their UUID even when the model has a natural key.
- ``readable``: a function ``(obj) -> iterable of (relative path, storage, name)`` giving the
  readable copies of a record (a document's current PDF), copied under ``data/readable/``.
- ``skip``: leave the whole model out (sessions, task queues, indexes rebuilt after import).
- ``json_refs``: primary keys kept inside a JSON field, as ``{field: {key: "app.Model"}}``; the
  field holds a dict or a list of dicts whose ``key`` is a primary key of that model. They travel
  as stable ids and are turned back into the target's own keys on import (a key not in the package
  becomes null, with a warning).

Labels are ``app_label.ModelName`` (case-insensitive).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class ModelHooks:
    exclude: set[str] = field(default_factory=set)
    sensitive: set[str] = field(default_factory=set)
    match_on: tuple[str, ...] = ()
    natural_key: bool = True
    readable: Callable[[object], Iterable[tuple[str, object, str]]] | None = None
    skip: bool = False
    json_refs: dict[str, dict[str, str]] = field(default_factory=dict)


_HOOKS: dict[str, ModelHooks] = {}


def register(
    label: str,
    *,
    exclude: Iterable[str] = (),
    sensitive: Iterable[str] = (),
    match_on: Iterable[str] = (),
    natural_key: bool = True,
    readable: Callable | None = None,
    skip: bool = False,
    json_refs: dict[str, dict[str, str]] | None = None,
) -> ModelHooks:
    hooks = _HOOKS.setdefault(label.lower(), ModelHooks())
    hooks.exclude |= set(exclude)
    hooks.sensitive |= set(sensitive)
    if match_on:
        hooks.match_on = tuple(match_on)
    hooks.natural_key = hooks.natural_key and natural_key
    if readable is not None:
        hooks.readable = readable
    hooks.skip = hooks.skip or skip
    for name, keys in (json_refs or {}).items():
        hooks.json_refs.setdefault(name, {}).update(keys)
    return hooks


def map_json_refs(value, keys: dict[str, str], convert):
    """``value`` (a dict or a list of dicts) with each ``key`` passed through ``convert(label, raw)``."""
    if isinstance(value, list):
        return [map_json_refs(item, keys, convert) for item in value]
    if isinstance(value, dict):
        return {k: (convert(keys[k], v) if k in keys and v is not None else v) for k, v in value.items()}
    return value


def unregister(label: str) -> None:
    """Forget a model's hooks (tests register a model for one test)."""
    _HOOKS.pop(label.lower(), None)


def hooks_for(label: str) -> ModelHooks:
    return _HOOKS.get(label.lower(), ModelHooks())
