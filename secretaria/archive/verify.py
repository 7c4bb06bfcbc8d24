"""Re-read every byte of a package: the BagIt manifests, then each stored file against its name."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from secretaria.archive.importing import ImportRefused, open_bag, read_lines

BLOCK = 1024 * 1024


@dataclass
class Verification:
    records: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_bag(path) -> Verification:
    path = Path(path)
    result = Verification()
    try:
        _bag, schema = open_bag(path)  # every payload and tag file hashed again (bagit, fast=False)
    except ImportRefused as exc:
        result.problems.append(str(exc))
        return result
    files = path / "data" / "files"
    for stored in sorted(files.glob("*/*")):
        digest = hashlib.sha256()
        with open(stored, "rb") as handle:
            while block := handle.read(BLOCK):
                digest.update(block)
        if digest.hexdigest() != stored.name:
            result.problems.append(f"{stored.relative_to(path)}: content does not match its name")
        result.files += 1
    for label, info in schema.get("models", {}).items():
        count = 0
        file_fields = [n for n, f in info.get("fields", {}).items() if f.get("file")]
        try:
            for record in read_lines(path / "data" / "records" / f"{label}.ndjson"):
                count += 1
                for name in file_fields:
                    value = record["fields"].get(name) or {}
                    sha = value.get("sha256")
                    if sha and not (files / sha[:2] / sha).exists():
                        result.problems.append(f"{label} {record['sid']}: file {sha} is not in the package")
        except (ValueError, KeyError) as exc:
            result.problems.append(f"{label}: unreadable record ({exc})")
        if count != info.get("count", count):
            result.problems.append(f"{label}: {count} records, schema.json says {info.get('count')}")
        result.records += count
    return result
