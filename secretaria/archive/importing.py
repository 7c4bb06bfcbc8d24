"""Read a package into this instance: ``import_site``.

The package is checked first (every checksum re-read; a newer schema is refused). Records are
created in the order of ``schema.json`` with new local primary keys; each stable id is
remembered (``ImportedRecord``), so a second run finds everything already there and creates
nothing. A row that ``match_on`` finds (a user with the same e-mail) is reused. References not
yet imported (cycles) are set once their target exists; many-to-many links, redirects from the
old addresses and the sensitive part follow in a second pass. All in one transaction: a failed
or dry run leaves the database as it was.
"""

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.files import File
from django.db import models, transaction
from django.urls import NoReverseMatch
from django.utils import translation

from secretaria.archive import crypto
from secretaria.archive.models import Redirect
from secretaria.archive.records import Identities, exported_pk, generic_keys, history_base, label_of
from secretaria.archive.registry import hooks_for, map_json_refs
from secretaria.archive.schema import SCHEMA_VERSION

BLOCK = 1024 * 1024


class ImportRefused(Exception):
    """The package is damaged, newer than this software, or cannot be read."""


@dataclass
class ImportResult:
    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)
    files: int = 0
    redirects: int = 0
    sensitive: int = 0
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False


def open_bag(path: Path, *, validate: bool = True) -> tuple[bagit.Bag, dict]:
    logging.getLogger("bagit").setLevel(logging.WARNING)
    try:
        bag = bagit.Bag(str(path))
        if validate:
            bag.validate(processes=1)
    except bagit.BagValidationError as exc:
        details = "; ".join(str(d) for d in getattr(exc, "details", [])[:10])
        raise ImportRefused(f"the package fails its checksums: {exc.message} {details}".strip()) from exc
    except bagit.BagError as exc:
        raise ImportRefused(f"not a valid BagIt package: {exc}") from exc
    try:
        schema = json.loads((Path(path) / "schema.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImportRefused(f"schema.json is missing or unreadable: {exc}") from exc
    version = schema.get("schema_version")
    if not isinstance(version, int):
        raise ImportRefused("schema.json has no schema_version")
    if version > SCHEMA_VERSION:
        raise ImportRefused(
            f"the package's schema version {version} is newer than this software's ({SCHEMA_VERSION}): "
            "upgrade the platform first"
        )
    return bag, schema


def read_lines(path: Path):
    if not path.exists():
        return
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


class Importer:
    def __init__(self, path, *, dry_run=False, passphrase=None, stdout=None):
        self.path = Path(path)
        self.data = self.path / "data"
        self.dry_run = dry_run
        self.passphrase = passphrase
        self.result = ImportResult(dry_run=dry_run)
        self.ids = None
        self.deferred: list[tuple] = []
        self.json_refs: list[tuple] = []  # (model, sid, attname, keys): ids inside JSON, set after all records
        self.created_sids: set[tuple[str, str]] = set()

    def warn(self, text: str) -> None:
        self.result.warnings.append(text)

    # --- values ------------------------------------------------------------------------
    def store_file(self, storage, value):
        if not value:
            return ""
        name, sha = value.get("name") or "", value.get("sha256")
        if not sha:
            self.warn(f"file {name} was missing at export")
            return name
        source = self.data / "files" / sha[:2] / sha
        if self.dry_run:
            return name
        if storage.exists(name) and self._sha_of(storage, name) == sha:
            return name
        with open(source, "rb") as handle:
            stored = storage.save(name, File(handle, name=name))
        self.result.files += 1
        return stored

    @staticmethod
    def _sha_of(storage, name) -> str:
        digest = hashlib.sha256()
        with storage.open(name, "rb") as handle:
            while block := handle.read(BLOCK):
                digest.update(block)
        return digest.hexdigest()

    def values_for(self, model, sid, fields: dict) -> dict | None:
        """Local values by attname; None when a required reference cannot be resolved."""
        values = {}
        base = history_base(model)
        generic = {g.fk_field: g for g in generic_keys(model)}
        json_refs = hooks_for(label_of(model)).json_refs
        pending_generic = []
        for name, raw in fields.items():
            try:
                f = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue  # a field this version no longer has
            if f.many_to_many or not f.concrete:
                continue
            if f.is_relation:
                pk = self.ids.pk(f.related_model, raw)
                if raw is not None and pk is None:
                    if not f.null:
                        self.warn(f"{label_of(model)} {sid}: {name} → {raw} not found; record skipped")
                        return None
                    self.deferred.append((model, sid, f.attname, f.related_model, raw))
                values[f.attname] = pk
            elif isinstance(f, models.FileField):
                values[f.attname] = self.store_file(f.storage, raw)
            elif base is not None and f.attname == base._meta.pk.attname:
                pk = self.ids.pk(base, raw)
                if pk is None:
                    self.warn(f"{label_of(model)} {sid}: history of a record no longer present")
                    pk = 0
                values[f.attname] = pk
            elif name in generic:
                pending_generic.append((f, generic[name], raw))
            elif name in json_refs and raw is not None:
                values[f.attname] = raw  # stable ids until every record is in (resolve_json_refs)
                self.json_refs.append((model, sid, f.attname, json_refs[name]))
            else:
                try:
                    values[f.attname] = None if raw is None else f.to_python(raw)
                except ValidationError:
                    self.warn(f"{label_of(model)} {sid}: bad value for {name}; default kept")
        for f, gfk, raw in pending_generic:
            ct_id = values.get(model._meta.get_field(gfk.ct_field).attname)
            target = ContentType.objects.get_for_id(ct_id).model_class() if ct_id else None
            if target is None or not isinstance(raw, str):
                values[f.attname] = raw
                continue
            pk = self.ids.pk(target, raw)
            if pk is None:
                self.deferred.append((model, sid, f.attname, target, raw))
                values[f.attname] = None if f.null else 0
            else:
                values[f.attname] = f.to_python(pk)
        return values

    def find_existing(self, model, sid, fields, hooks):
        pk = self.ids.pk(model, sid)
        if pk is not None:
            return pk, "existing"
        if exported_pk(model):
            key = fields.get(model._meta.pk.name)
            if key is not None and model._default_manager.filter(pk=key).exists():
                return model._meta.pk.to_python(key), "matched"
        if hooks.match_on:
            lookup = {}
            for name in hooks.match_on:
                f = model._meta.get_field(name)
                raw = fields.get(name)
                if raw in (None, ""):
                    return None, None
                lookup[f.attname] = self.ids.pk(f.related_model, raw) if f.is_relation else raw
                if lookup[f.attname] is None:
                    return None, None
            found = model._default_manager.filter(**lookup).values_list("pk", flat=True).first()
            if found is not None:
                return found, "matched"
        return None, None

    # --- passes ------------------------------------------------------------------------
    def import_model(self, model, schema_fields: dict, incremental: bool):
        label = label_of(model)
        hooks = hooks_for(label)
        required = self.required_sensitive(model, schema_fields)
        for record in read_lines(self.data / "records" / f"{label}.ndjson"):
            sid, fields = record["sid"], record.get("fields", {})
            secret = self.secrets.get((label, sid))
            if secret:
                fields = {**fields, **secret}
                self.result.sensitive += 1
            pk, how = self.find_existing(model, sid, fields, hooks)
            if pk is not None:
                if how == "matched":
                    self.ids.remember(model, sid, pk)
                    self.result.matched[label] += 1
                elif incremental:
                    self.update_existing(model, pk, sid, fields)
                else:
                    self.result.existing[label] += 1
                continue
            if required and not secret:
                self.result.failed[label] += 1
                self.warn(f"{label} {sid}: needs the encrypted part ({', '.join(required)}); not imported")
                continue
            values = self.values_for(model, sid, fields)
            if values is None:
                self.result.failed[label] += 1
                continue
            obj = model(**values)
            obj.save_base(raw=True)  # raw: no signals (history, search, outbox) fire for old data
            self.ids.remember(model, sid, obj.pk)
            self.created_sids.add((label, sid))
            self.result.created[label] += 1

    def update_existing(self, model, pk, sid, fields):
        """An incremental package: set the values that differ from the row here."""
        values = self.values_for(model, sid, fields)
        if not values:
            return
        values.pop(model._meta.pk.attname, None)
        current = model._default_manager.filter(pk=pk).values(*values).first() or {}
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if not changed:
            return
        try:
            model._default_manager.filter(pk=pk).update(**changed)
        except PermissionDenied:  # an append-only model (the audit log) keeps what it has
            self.warn(f"{label_of(model)} {sid}: append-only, not updated")
            return
        self.result.updated[label_of(model)] += 1

    def link_model(self, model, schema_fields: dict):
        """Second pass: many-to-many links and the redirects from the old addresses."""
        label = label_of(model)
        m2m = [n for n, info in schema_fields.items() if info.get("many")]
        has_url = hasattr(model, "get_absolute_url")
        if not m2m and not has_url:
            return
        for record in read_lines(self.data / "records" / f"{label}.ndjson"):
            created = (label, record["sid"]) in self.created_sids
            pk = self.ids.pk(model, record["sid"])
            if pk is None:
                continue
            # Links are only ever added (ignore_conflicts): a second run adds nothing.
            for name in m2m:
                try:
                    f = model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                through = f.remote_field.through
                source, target = f.m2m_field_name(), f.m2m_reverse_field_name()
                rows = []
                for ref in record["fields"].get(name) or []:
                    target_pk = self.ids.pk(f.related_model, ref)
                    if target_pk is None:
                        self.warn(f"{label} {record['sid']}: {name} → {ref} not found")
                        continue
                    rows.append(through(**{f"{source}_id": pk, f"{target}_id": target_pk}))
                through._default_manager.bulk_create(rows, ignore_conflicts=True)
            if created and has_url and record.get("urls"):
                self.redirect(model, pk, record["urls"])

    def redirect(self, model, pk, old_urls: dict):
        obj = model._default_manager.filter(pk=pk).first()
        if obj is None:
            return
        for lang, old in old_urls.items():
            with translation.override(lang):
                try:
                    new = obj.get_absolute_url()
                except (
                    NoReverseMatch,
                    AttributeError,
                    ValueError,
                ):  # a record that no longer has an address keeps none
                    continue
            if old and new and old != new:
                _row, made = Redirect.objects.update_or_create(old_path=old, defaults={"new_path": new})
                self.result.redirects += made

    def resolve_deferred(self):
        for model, sid, attname, target, ref in self.deferred:
            pk = self.ids.pk(model, sid)
            target_pk = self.ids.pk(target, ref)
            if pk is None:
                continue
            if target_pk is None:
                self.warn(f"{label_of(model)} {sid}: {attname} → {ref} not in the package; left empty")
                continue
            model._default_manager.filter(pk=pk).update(**{attname: target_pk})

    def resolve_json_refs(self):
        for model, sid, attname, keys in self.json_refs:
            pk = self.ids.pk(model, sid)
            if pk is None:
                continue

            def local(label, ref, model=model, sid=sid, attname=attname):
                target = self.ids.pk(apps.get_model(label), ref)
                if target is None:
                    self.warn(f"{label_of(model)} {sid}: {attname} → {ref} not in the package; left empty")
                return target

            value = model._default_manager.filter(pk=pk).values_list(attname, flat=True).first()
            model._default_manager.filter(pk=pk).update(**{attname: map_json_refs(value, keys, local)})

    def load_sensitive(self) -> None:
        """The encrypted part, decrypted in memory (it holds only the registered fields)."""
        self.secrets: dict[tuple[str, str], dict] = {}
        enc = self.data / "sensitive.ndjson.enc"
        if not enc.exists():
            return
        if not self.passphrase:
            self.warn("the package has an encrypted part and no passphrase was given: sensitive fields left empty")
            return
        try:
            plain = crypto.decrypt_file(enc, self.data / "sensitive.json", self.passphrase)
        except crypto.WrongPassphrase as exc:
            raise ImportRefused("wrong passphrase for the encrypted part") from exc
        for line in plain.decode("utf-8").splitlines():
            record = json.loads(line)
            self.secrets[(record["model"], record["sid"])] = record["fields"]

    @staticmethod
    def required_sensitive(model, schema_fields: dict) -> list[str]:
        """Sensitive fields a row cannot be created without."""
        names = []
        for name, info in schema_fields.items():
            if not info.get("sensitive"):
                continue
            try:
                f = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not f.null and not f.has_default() and not f.blank:
                names.append(name)
        return names

    def run(self) -> ImportResult:
        bag, schema = open_bag(self.path)
        incremental = bag.info.get("Export-Mode") == "incremental"
        known = []
        for label in schema.get("order", []):
            try:
                known.append((apps.get_model(label), schema["models"].get(label, {}).get("fields", {})))
            except LookupError:
                self.warn(f"{label}: no such model here; its records are not imported")
        self.load_sensitive()
        with transaction.atomic():
            self.ids = Identities()
            for model, fields in known:
                self.import_model(model, fields, incremental)
            self.resolve_deferred()
            self.resolve_json_refs()
            for model, fields in known:
                self.link_model(model, fields)
            if self.dry_run:
                transaction.set_rollback(True)
        return self.result


def import_site(path, *, dry_run=False, passphrase=None) -> ImportResult:
    return Importer(path, dry_run=dry_run, passphrase=passphrase).run()
