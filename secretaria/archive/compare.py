"""Compare two packages record by record: what a restore drill and the round-trip test check."""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from secretaria.archive.importing import read_lines


@dataclass
class Comparison:
    counts_a: dict[str, int] = field(default_factory=dict)
    counts_b: dict[str, int] = field(default_factory=dict)
    files_a: set[str] = field(default_factory=set)
    files_b: set[str] = field(default_factory=set)
    differing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.counts_a == self.counts_b and self.files_a == self.files_b and not self.differing

    def report(self) -> str:
        lines = [
            f"records: {sum(self.counts_a.values())} → {sum(self.counts_b.values())}",
            f"files: {len(self.files_a)} → {len(self.files_b)}",
        ]
        for label in sorted(set(self.counts_a) | set(self.counts_b)):
            a, b = self.counts_a.get(label, 0), self.counts_b.get(label, 0)
            if a != b:
                lines.append(f"  {label}: {a} → {b}")
        for label, sids in sorted(self.differing.items()):
            lines.append(f"  {label}: {len(sids)} records differ (e.g. {sids[0]})")
        missing = self.files_a - self.files_b
        if missing:
            lines.append(f"  {len(missing)} files missing after the restore (e.g. {sorted(missing)[0]})")
        lines.append("OK: same records and same file hashes" if self.ok else "DIFFERENT")
        return "\n".join(lines)


def digest_records(bag: Path, ignore: dict[str, set[str]] | None = None) -> dict[str, dict[str, str]]:
    """{model: {sid: hash of its fields}}: a line's file names may differ (storage renames)."""
    ignore = ignore or {}
    out: dict[str, dict[str, str]] = {}
    for path in sorted((Path(bag) / "data" / "records").glob("*.ndjson")):
        label = path.name.removesuffix(".ndjson")
        skip = ignore.get(label, set())
        rows = {}
        for record in read_lines(path):
            fields = {
                k: ({"sha256": v.get("sha256")} if isinstance(v, dict) and "sha256" in v else v)
                for k, v in record["fields"].items()
                if k not in skip
            }
            rows[record["sid"]] = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
        out[label] = rows
    return out


def file_hashes(bag: Path) -> set[str]:
    return {p.name for p in (Path(bag) / "data" / "files").glob("*/*") if not p.name.startswith(".")}


def compare_bags(a: Path, b: Path, *, ignore: dict[str, set[str]] | None = None) -> Comparison:
    ra, rb = digest_records(a, ignore), digest_records(b, ignore)
    result = Comparison(
        counts_a={k: len(v) for k, v in ra.items()},
        counts_b={k: len(v) for k, v in rb.items()},
        files_a=file_hashes(a),
        files_b=file_hashes(b),
    )
    for label, rows in ra.items():
        other = rb.get(label, {})
        diff = [sid for sid, h in rows.items() if other.get(sid) != h]
        if diff:
            result.differing[label] = diff
    return result
