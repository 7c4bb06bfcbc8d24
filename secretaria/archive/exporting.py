"""Write the whole site, or what changed since a date, as a BagIt package.

Layout (payload under ``data/``)::

    records/<app_label>.<Model>.ndjson   one JSON object a line: {"sid", "fields", "urls"}
    files/<ab>/<sha256>                  every stored file once, named by its SHA-256
    readable/…                           copies a person can open without the software
    sensitive.ndjson.enc + sensitive.json the registered sensitive fields, encrypted
    schema.json (tag file)               the models, their fields and references, the version

Memory stays flat: rows are read with ``iterator(chunk_size=…)`` and written line by line,
files are hashed in blocks; only the map of stable ids is kept (a string per row).
"""

import datetime
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from tqdm import tqdm

from secretaria.archive import crypto
from secretaria.archive.records import (
    Identities,
    exported_models,
    exported_pk,
    generic_keys,
    history_base,
    label_of,
    plain_m2m,
    uses_natural_key,
)
from secretaria.archive.registry import hooks_for, map_json_refs
from secretaria.archive.schema import PROFILE, SCHEMA_VERSION, dumps, field_type

CHUNK = 2000
README = """Secretaría Virtual de la Conferencia Regional sobre Migración: paquete de archivo (BagIt)
Virtual Secretariat of the Regional Conference on Migration: archive package (BagIt)

data/readable/   documentos en PDF / documents as PDF (readable without the software)
data/records/    un archivo NDJSON por tipo de registro / one NDJSON file per kind of record
data/files/      archivos, nombrados por su SHA-256 / files, named by their SHA-256
schema.json      descripción de los registros / description of the records
bag-info.txt     versión, fecha, cantidades / version, date, counts
manifest-sha256.txt, tagmanifest-sha256.txt   sumas de control / checksums

Formato / format: docs/admin/archive.md of the Secretaría Virtual source code.
"""
BLOCK = 1024 * 1024


@dataclass
class ExportResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    file_bytes: int = 0
    readable: int = 0
    missing_files: list[str] = field(default_factory=list)
    sensitive: int = 0
    encrypted: bool = False

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def platform_version() -> str:
    return getattr(settings, "PLATFORM_VERSION", "") or "dev"


def changed_since(model, since: datetime.datetime) -> Q | None:
    """Rows created or changed since ``since``, or None when the model keeps no date (all rows)."""
    names = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateTimeField)
        and (f.auto_now or f.auto_now_add or f.name in {"history_date", "updated_at", "created_at"})
    ]
    if not names:
        return None
    q = Q()
    for name in names:
        q |= Q(**{f"{name}__gte": since})
    return q


class Exporter:
    def __init__(self, out: Path, *, since=None, passphrase=None, progress=False):
        self.out = Path(out)
        self.since = since
        self.passphrase = passphrase
        self.progress = progress
        self.ids = Identities()
        self.seen: set[str] = set()
        self.result = ExportResult(path=self.out)

    # --- files -------------------------------------------------------------------------
    def store_file(self, storage, name: str) -> dict | None:
        files_dir = self.out / "files"
        try:
            source = storage.open(name, "rb")
        except (FileNotFoundError, OSError):
            self.result.missing_files.append(name)
            return {"name": name, "sha256": None, "size": None}
        digest, size = hashlib.sha256(), 0
        fd, tmp = tempfile.mkstemp(dir=files_dir, prefix=".part-")
        with source, os.fdopen(fd, "wb") as sink:
            while block := source.read(BLOCK):
                digest.update(block)
                sink.write(block)
                size += len(block)
        sha = digest.hexdigest()
        target = files_dir / sha[:2] / sha
        if sha in self.seen or target.exists():
            os.unlink(tmp)
        else:
            target.parent.mkdir(exist_ok=True)
            os.replace(tmp, target)
            self.result.files += 1
            self.result.file_bytes += size
        self.seen.add(sha)
        return {"name": name, "sha256": sha, "size": size}

    def copy_readable(self, relpath: str, storage, name: str) -> None:
        target = self.out / "readable" / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with storage.open(name, "rb") as source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink, BLOCK)
            self.result.readable += 1
        except (FileNotFoundError, OSError):
            self.result.missing_files.append(name)

    # --- records -----------------------------------------------------------------------
    def fields_of(self, model, obj, hooks) -> tuple[dict, dict]:
        values, secret = {}, {}
        base = history_base(model)
        generic_id_fields = {g.fk_field: g for g in generic_keys(model)}
        for f in model._meta.concrete_fields:
            if f.primary_key and not exported_pk(model):
                continue
            if f.name in hooks.exclude:
                continue
            target = secret if f.name in hooks.sensitive else values
            if f.is_relation:
                target[f.name] = self.ids.sid(f.related_model, getattr(obj, f.attname))
            elif isinstance(f, models.FileField):
                name = getattr(obj, f.attname)
                target[f.name] = self.store_file(f.storage, str(name)) if name else None
            elif base is not None and f.attname == base._meta.pk.attname:
                target[f.name] = self.ids.sid(base, getattr(obj, f.attname))
            elif f.name in generic_id_fields:
                gfk = generic_id_fields[f.name]
                ct = getattr(obj, model._meta.get_field(gfk.ct_field).attname)
                raw = getattr(obj, f.attname)
                ref_model = self.content_model(ct)
                target[f.name] = self.ids.sid(ref_model, raw) if ref_model is not None and raw is not None else raw
            elif f.name in hooks.json_refs:
                target[f.name] = map_json_refs(
                    f.value_from_object(obj),
                    hooks.json_refs[f.name],
                    lambda label, raw: self.ids.sid(apps.get_model(label), raw),
                )
            else:
                target[f.name] = f.value_from_object(obj)
        for m2m in plain_m2m(model):
            if m2m.name in hooks.exclude:
                continue
            values[m2m.name] = sorted(self.ids.sid(m2m.related_model, o.pk) for o in getattr(obj, m2m.name).all())
        return values, secret

    def content_model(self, ct_id):
        if ct_id is None:
            return None
        return ContentType.objects.get_for_id(ct_id).model_class()

    def urls_of(self, obj) -> dict:
        if not hasattr(obj, "get_absolute_url"):
            return {}
        urls = {}
        for lang, _name in settings.LANGUAGES:
            with translation.override(lang):
                try:
                    urls[lang] = obj.get_absolute_url()
                except (NoReverseMatch, AttributeError, ValueError):  # a record without an address has none to keep
                    return {}
        return urls

    def export_model(self, model, records_dir: Path, secret_out) -> dict:
        label = label_of(model)
        hooks = hooks_for(label)
        qs = model._default_manager.all().order_by("pk")
        if self.since is not None:
            q = changed_since(model, self.since)
            if q is not None:
                qs = qs.filter(q)
        m2m = [f.name for f in plain_m2m(model) if f.name not in hooks.exclude]
        if m2m:
            qs = qs.prefetch_related(*m2m)
        count = 0
        path = records_dir / f"{label}.ndjson"
        with open(path, "w", encoding="utf-8") as out:
            bar = tqdm(total=qs.count(), desc=label, unit="rec", disable=not self.progress, leave=False)
            for obj in qs.iterator(chunk_size=CHUNK):
                sid = self.ids.sid(model, obj.pk)
                values, secret = self.fields_of(model, obj, hooks)
                line = {"sid": sid, "fields": values}
                urls = self.urls_of(obj)
                if urls:
                    line["urls"] = urls
                out.write(dumps(line) + "\n")
                if secret:
                    secret_out.write(dumps({"model": label, "sid": sid, "fields": secret}) + "\n")
                    self.result.sensitive += 1
                if hooks.readable is not None:
                    for relpath, storage, name in hooks.readable(obj):
                        self.copy_readable(relpath, storage, name)
                count += 1
                bar.update()
            bar.close()
        if count == 0:
            path.unlink()
        self.result.counts[label] = count
        return self.describe(model, hooks, count)

    def describe(self, model, hooks, count) -> dict:
        fields = {}
        base = history_base(model)
        generic = {g.fk_field: g.ct_field for g in generic_keys(model)}
        for f in model._meta.concrete_fields:
            if (f.primary_key and not exported_pk(model)) or f.name in hooks.exclude:
                continue
            info = {"type": field_type(f), "null": f.null}
            if f.is_relation:
                info["ref"] = label_of(f.related_model)
            elif isinstance(f, models.FileField):
                info["file"] = True
            elif base is not None and f.attname == base._meta.pk.attname:
                info["ref"] = label_of(base)
            elif f.name in generic:
                info["generic_ref"] = generic[f.name]
            if f.name in hooks.sensitive:
                info["sensitive"] = True
            fields[f.name] = info
        for m2m in plain_m2m(model):
            if m2m.name not in hooks.exclude:
                fields[m2m.name] = {"type": "ManyToManyField", "ref": label_of(m2m.related_model), "many": True}
        return {
            "count": count,
            "stable_id": "natural_key" if uses_natural_key(model) else "uuid5",
            "match_on": list(hooks.match_on),
            "fields": fields,
        }

    # --- the bag -----------------------------------------------------------------------
    def run(self) -> ExportResult:
        logging.getLogger("bagit").setLevel(logging.WARNING)
        if self.out.exists() and any(self.out.iterdir()):
            raise FileExistsError(f"{self.out} exists and is not empty")
        self.out.mkdir(parents=True, exist_ok=True)
        records_dir = self.out / "records"
        records_dir.mkdir()
        (self.out / "files").mkdir()
        schema_models = {}
        with tempfile.TemporaryDirectory() as scratch:
            secret_path = Path(scratch) / "sensitive.ndjson"
            with open(secret_path, "w", encoding="utf-8") as secret_out:
                for model in exported_models():
                    schema_models[label_of(model)] = self.export_model(model, records_dir, secret_out)
            if self.passphrase and self.result.sensitive:
                params = crypto.encrypt_file(secret_path, self.out / "sensitive.ndjson.enc", self.passphrase)
                (self.out / "sensitive.json").write_text(json.dumps(params, indent=2))
                self.result.encrypted = True
        now = timezone.now()
        info = {
            "Source-Organization": "Secretaría Técnica de la Conferencia Regional sobre Migración",
            "External-Description": "Secretaría Virtual: full-site export (records, files, readable copies)",
            "BagIt-Profile-Identifier": PROFILE,
            "Bagging-Date": now.date().isoformat(),
            "Export-Datetime": now.isoformat(),
            "Platform-Version": platform_version(),
            "Schema-Version": str(SCHEMA_VERSION),
            "Export-Mode": "incremental" if self.since else "full",
            "Source-Instance": str(self.ids.instance),
            "Record-Count": str(self.result.records),
            "File-Count": str(self.result.files),
            "Readable-Copy-Count": str(self.result.readable),
            "Sensitive-Part": "encrypted"
            if self.result.encrypted
            else ("left out" if self.result.sensitive else "none"),
        }
        if self.since:
            info["Since"] = self.since.isoformat()
        info["Model-Count"] = [f"{label}={n}" for label, n in self.result.counts.items() if n]
        bag = bagit.make_bag(str(self.out), bag_info=info, checksums=["sha256"])
        schema = {
            "schema_version": SCHEMA_VERSION,
            "profile": PROFILE,
            "platform_version": platform_version(),
            "order": list(schema_models),
            "models": schema_models,
        }
        (self.out / "schema.json").write_text(json.dumps(schema, indent=2, ensure_ascii=False))
        (self.out / "README.txt").write_text(README, encoding="utf-8")
        bag.save()  # rewrites the tag manifest with schema.json in it
        return self.result


def export_site(out, *, since=None, passphrase=None, progress=False) -> ExportResult:
    return Exporter(Path(out), since=since, passphrase=passphrase, progress=progress).run()
