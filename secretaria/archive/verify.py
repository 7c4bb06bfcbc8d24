"""Re-read every byte of a package and name each thing that is wrong.

Nothing is trusted alone: every file listed in the manifests is hashed again and compared with
its entry, every stored file is also compared with its own SHA-256 name (so a file changed *and*
re-entered in the manifest is still caught), files missing or not listed are named, and the
records are counted against ``schema.json`` and ``bag-info.txt``. Unlike ``bagit``'s own
validation, which stops at the first failing step (a size mismatch names no file), every check
runs and every problem is listed.
"""

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from secretaria.archive.importing import ImportRefused, open_bag, read_lines

BLOCK = 1024 * 1024
FILES = "data/files/"


@dataclass
class Verification:
    records: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def check_manifests(bag: bagit.Bag, root: Path, result: Verification) -> None:
    """Each manifest entry hashed again; stored files also against their names."""
    only_in_manifest, only_on_disk = bag.compare_manifests_with_fs()
    for name in sorted(only_in_manifest):
        result.problems.append(f"{name}: listed in the manifest but missing")
    for name in sorted(only_on_disk):
        result.problems.append(f"{name}: present but not listed in the manifest")
    for name, hashes in sorted(bag.entries.items()):
        path = root / name
        if not path.is_file():
            if name not in only_in_manifest:
                result.problems.append(f"{name}: listed in the manifest but missing")
            continue
        actual = sha256_of(path)
        expected = (hashes.get("sha256") or "").lower()
        if not expected:
            result.problems.append(f"{name}: has no SHA-256 in the manifests")
        elif actual != expected:
            result.problems.append(f"{name}: content does not match the manifest")
        if name.startswith(FILES):
            result.files += 1
            if actual != path.name:
                result.problems.append(f"{name}: content does not match its name")
    for name in sorted(only_on_disk):  # not in the manifest, but a stored file still has its name to match
        if name.startswith(FILES):
            result.files += 1
            if sha256_of(root / name) != Path(name).name:
                result.problems.append(f"{name}: content does not match its name")


def check_records(bag: bagit.Bag, root: Path, schema: dict, result: Verification) -> None:
    """Records counted against schema.json and bag-info.txt; each referenced file present."""
    files = root / "data" / "files"
    counted = {}
    for label, info in schema.get("models", {}).items():
        count = 0
        file_fields = [n for n, f in info.get("fields", {}).items() if f.get("file")]
        try:
            for record in read_lines(root / "data" / "records" / f"{label}.ndjson"):
                count += 1
                for name in file_fields:
                    value = record["fields"].get(name) or {}
                    sha = value.get("sha256")
                    if sha and not (files / sha[:2] / sha).exists():
                        result.problems.append(f"{label} {record['sid']}: file {sha} is not in the package")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            result.problems.append(f"{label}: unreadable record ({exc})")
        if count != info.get("count", count):
            result.problems.append(f"{label}: {count} records, schema.json says {info.get('count')}")
        counted[label] = count
        result.records += count
    declared = bag.info.get("Record-Count")
    if declared is not None and declared != str(result.records):
        result.problems.append(f"bag-info.txt: Record-Count {declared}, the package holds {result.records}")
    listed = bag.info.get("Model-Count") or []
    for entry in [listed] if isinstance(listed, str) else listed:
        label, _, number = entry.partition("=")
        if str(counted.get(label, 0)) != number:
            result.problems.append(
                f"bag-info.txt: Model-Count {label}={number}, the package holds {counted.get(label, 0)}"
            )


def verify_bag(path) -> Verification:
    root = Path(path)
    result = Verification()
    logging.getLogger("bagit").setLevel(logging.WARNING)
    try:
        bag, schema = open_bag(root, validate=False)  # the checksums are re-read below, all of them
    except ImportRefused as exc:
        result.problems.append(str(exc))
        return result
    try:
        bag.validate(processes=1, completeness_only=True)  # bagit.txt, bag-info.txt, payload folder
    except bagit.BagValidationError as exc:
        incomplete = exc.details and all(isinstance(d, (bagit.FileMissing, bagit.UnexpectedFile)) for d in exc.details)
        if not incomplete:  # a missing or extra file is named one by one below
            result.problems.append(f"the package fails its checks: {exc.message}")
    except bagit.BagError as exc:
        result.problems.append(f"not a valid BagIt package: {exc}")
    check_manifests(bag, root, result)
    check_records(bag, root, schema, result)
    return result
