"""Bulk import of an existing archive: ``manage.py import_documents DIR``.

DIR holds the files and a ``documents.csv`` describing them, one row per file (a document
with two language versions has two rows with the same symbol):

    symbol,type,date,title_es,title_en,summary_es,summary_en,language,filename,access_level,access_group,topics,author,group,status

``type`` is a document type code (working_document, letter, report…), ``date`` is
YYYY-MM-DD, ``access_level`` an access level code (public, members…; default members),
``access_group`` and ``group`` are group short names, ``topics`` topic short names
separated by ";", ``author`` an organisation acronym or name, ``status`` published (the
default) or draft. Importing the same archive twice changes nothing: documents are found
by symbol and a file whose SHA-256 is already there is skipped. Imported documents carry
their own date: created, uploaded and published on ``date``, not on the day of the import.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db.models import Q
from tqdm import tqdm

from secretaria.core import spreadsheets
from secretaria.core.access import AccessLevel
from secretaria.directory.models import Group, Organization
from secretaria.documents import services
from secretaria.documents.models import SYMBOL_RE, Document, DocumentFile, Language, Topic
from secretaria.files.filetypes import UploadRefused, detect

REQUIRED = ["symbol", "type", "date", "language", "filename"]


class RowError(Exception):
    pass


class Command(BaseCommand):
    help = "Import documents and their files from a folder with a documents.csv (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder holding documents.csv and the files it lists")
        parser.add_argument(
            "--csv", dest="csv_name", default="documents.csv", help="name of the metadata file inside DIR"
        )
        parser.add_argument("--report", help="also write the refused files and reasons to this CSV file")

    @no_translations  # an operator's report, all in English (refusal reasons would otherwise be in Spanish)
    def handle(self, *args, directory, csv_name: str, report=None, **options):
        root = Path(directory).resolve()
        meta = root / csv_name
        if not meta.is_file():
            raise CommandError(f"{meta} not found: the archive needs a {csv_name} beside the files")
        rows = self._read(meta)
        counts = Counter()
        refused: list[tuple[str, str, str]] = []  # (row, file, reason)
        to_publish: dict[str, Document] = {}
        progress = tqdm(rows, desc="Importing", unit="file", disable=options.get("verbosity", 1) == 0, file=self.stderr)
        for number, row in progress:
            label = row.get("filename") or "?"
            try:
                document, created, outcome = self._import_row(root, row)
            except (RowError, UploadRefused) as exc:
                refused.append((str(number), label, str(exc)))
                counts["refused"] += 1
                continue
            except ValidationError as exc:
                refused.append((str(number), label, "; ".join(exc.messages)))
                counts["refused"] += 1
                continue
            counts["documents created"] += created
            counts[outcome] += 1
            if (row.get("status") or "published").strip() == "published":
                to_publish[document.symbol] = document
        for document in to_publish.values():
            document.refresh_from_db()
            if document.status == Document.Status.DRAFT and document.files.exists():
                # An archive's document was published on its own date, not on the day of the import.
                services.document_publish(document=document, by=None, at=services.historical_moment(document.date))
                counts["documents published"] += 1

        self.stdout.write(self.style.SUCCESS("Import finished."))
        for key in ["documents created", "documents published", "files added", "files replaced", "files skipped"]:
            self.stdout.write(f"  {key}: {counts[key]}")
        self.stdout.write(f"  files refused: {counts['refused']}")
        if refused:
            self.stdout.write(self.style.WARNING("Refused:"))
            for number, name, reason in refused:
                self.stdout.write(f"  line {number}: {name}: {reason}")
        if report:
            with open(report, "w", newline="", encoding="utf-8") as fh:
                # File names come from the folder being imported: no cell may run as a formula.
                spreadsheets.write_csv(fh, [["line", "file", "reason"], *refused])

    def _read(self, meta: Path) -> list[tuple[int, dict]]:
        raw = meta.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")
        reader = csv.DictReader(text.splitlines())
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise CommandError(f"{meta.name} lacks the columns: {', '.join(missing)}")
        return [(i + 2, {k.strip(): (v or "").strip() for k, v in row.items() if k}) for i, row in enumerate(reader)]

    def _import_row(self, root: Path, row: dict) -> tuple[Document, int, str]:
        symbol = row["symbol"]
        if not SYMBOL_RE.match(symbol):
            raise RowError(f"the symbol {symbol!r} is not valid")
        if row["type"] not in Document.Type.values:
            raise RowError(f"unknown type {row['type']!r}")
        try:
            date = datetime.date.fromisoformat(row["date"])
        except ValueError:
            raise RowError(f"the date {row['date']!r} is not YYYY-MM-DD") from None
        language = row["language"].lower()
        if language not in Language.values:
            raise RowError(f"unknown language {row['language']!r}")
        access_level = row.get("access_level") or AccessLevel.MEMBERS
        if access_level not in AccessLevel.values:
            raise RowError(f"unknown access level {access_level!r}")
        path = (root / row["filename"]).resolve()
        if not path.is_relative_to(root):
            raise RowError("the file is outside the archive folder")
        if not path.is_file():
            raise RowError("the file is missing")

        with path.open("rb") as fh:
            filetype = detect(fh, path.name)  # before creating anything: a refused file leaves no trace

        created = 0
        document = Document.objects.filter(symbol=symbol).first()
        if document is None:
            document = services.document_create(
                by=None,
                symbol=symbol,
                doc_type=row["type"],
                date=date,
                title_es=row.get("title_es", ""),
                title_en=row.get("title_en", ""),
                summary_es=row.get("summary_es", ""),
                summary_en=row.get("summary_en", ""),
                topics=Topic.objects.filter(slug__in=[t.strip() for t in row.get("topics", "").split(";") if t]),
                author=self._author(row.get("author", "")),
                group=self._group(row.get("group", "")),
                access_level=access_level,
                access_group=self._group(row.get("access_group", "")),
            )
            created = 1
        sha256 = _sha256(path)
        if DocumentFile.objects.filter(document=document, sha256=sha256).exists():
            return document, created, "files skipped"
        replacing = DocumentFile.objects.filter(document=document, language=language).exists()
        with path.open("rb") as fh:
            services.document_add_file(
                document=document, by=None, fileobj=fh, name=path.name, language=language, filetype=filetype
            )
        if document.status == Document.Status.DRAFT:
            # Not yet published (new in this archive): created and uploaded on its own date.
            services.document_backdate(document=document)
        return document, created, "files replaced" if replacing else "files added"

    def _author(self, value: str):
        if not value:
            return None
        author = (
            Organization.objects.filter(Q(acronym_es__iexact=value) | Q(acronym_en__iexact=value) | Q(name_es=value))
            .order_by("pk")
            .first()
        )
        if author is None:
            raise RowError(f"unknown author organisation {value!r}")
        return author

    def _group(self, slug: str):
        if not slug:
            return None
        group = Group.objects.filter(slug=slug).first()
        if group is None:
            raise RowError(f"unknown group {slug!r}")
        return group


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()
