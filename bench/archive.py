"""Archive benchmark: export and import throughput and peak memory at two sizes.

    python bench/archive.py [--sizes 150,600] [--file-mb 2]

For each size N it builds a throwaway SQLite site (migrate + N generated documents, each with its
own PDF, and N news items: secretaria/archive/tests/corpus.py), then measures, each step in its own
process so that the peak resident memory (ru_maxrss) is that step's alone. ``--file-mb`` gives each
PDF that many megabytes (an attached scan-like annex of incompressible bytes) so the file copy
weighs as in a real archive; without it the PDFs are a few kilobytes.

- export_site (records/s, MB/s of files, peak memory), and as the baseline in the same run
  Django's ``dumpdata`` of the same database (records only, no files, no checksums);
- import_site into a fresh database, against ``loaddata`` of that dump into another one.

Memory stays flat when the peak at the larger size is close to the smaller one's.
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(args: list[str], env: dict) -> dict:
    """Run one manage.py command in this process and report its time and peak memory."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretaria.settings")
    import django  # noqa: PLC0415 — the child sets up Django after its environment
    from django.core.management import call_command  # noqa: PLC0415

    django.setup()
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        call_command(*args, stdout=sink)
    return {
        "seconds": time.perf_counter() - started,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run(args: list[str], env: dict) -> dict:
    payload = json.dumps({"args": args, "env": env})
    done = subprocess.run(  # noqa: S603 — this script, fixed arguments
        [sys.executable, __file__, "--child", payload], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def site_env(work: Path, name: str) -> dict:
    return {
        "DEV_MODE": "1",
        "DATABASE_URL": f"sqlite:///{work / (name + '.sqlite3')}",
        "MEDIA_ROOT": str(work / f"{name}-media"),
        "TASKS_BACKEND": "immediate",
    }


def megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def measure(n: int, work: Path, file_mb: float) -> dict:
    src = site_env(work, f"src{n}")
    run(["migrate", "--noinput", "-v", "0"], src)
    corpus = f"from secretaria.archive.tests.corpus import make_corpus; make_corpus({n}, file_mb={file_mb!r})"
    run(["shell", "-c", corpus], src)
    bag = work / f"bag{n}"
    export = run(["export_site", str(bag), "--no-progress"], src)
    info = {}
    for line in (bag / "bag-info.txt").read_text().splitlines():
        key, _, value = line.partition(": ")
        info[key] = value
    records = int(info["Record-Count"])
    file_mb = megabytes(bag / "data" / "files")  # each file once: what the import copies
    readable_mb = megabytes(bag / "data" / "readable")  # written by the export on top
    dump = work / f"dump{n}.json"
    dumpdata = run(
        ["dumpdata", "--natural-foreign", "-e", "contenttypes", "-e", "auth.permission", "-o", str(dump)], src
    )

    dst = site_env(work, f"dst{n}")
    run(["migrate", "--noinput", "-v", "0"], dst)
    imported = run(["import_site", str(bag), "--no-reindex"], dst)
    base = site_env(work, f"base{n}")
    run(["migrate", "--noinput", "-v", "0"], base)
    loaddata = run(["loaddata", str(dump)], base)
    return {
        "n": n,
        "records": records,
        "file_mb": file_mb,
        "readable_mb": readable_mb,
        "export": export,
        "dumpdata": dumpdata,
        "import": imported,
        "loaddata": loaddata,
    }


def report(r: dict) -> None:
    e, d, i, lo = r["export"], r["dumpdata"], r["import"], r["loaddata"]
    print(
        f"\nsize N={r['n']}: {r['records']} records, {r['file_mb']:.1f} MB of files "
        f"(+ {r['readable_mb']:.1f} MB of readable copies written by the export)"
    )
    print(
        f"  export_site  {r['records'] / e['seconds']:8.0f} records/s  {r['file_mb'] / e['seconds']:6.2f} MB/s  "
        f"peak {e['rss_mb']:6.1f} MB   ({e['seconds']:.1f} s)"
    )
    print(f"  dumpdata     {r['records'] / d['seconds']:8.0f} records/s               peak {d['rss_mb']:6.1f} MB")
    print(f"    export / dumpdata time ratio: {e['seconds'] / d['seconds']:.2f}")
    print(
        f"  import_site  {r['records'] / i['seconds']:8.0f} records/s  {r['file_mb'] / i['seconds']:6.2f} MB/s  "
        f"peak {i['rss_mb']:6.1f} MB   ({i['seconds']:.1f} s)"
    )
    print(f"  loaddata     {r['records'] / lo['seconds']:8.0f} records/s               peak {lo['rss_mb']:6.1f} MB")
    print(f"    import / loaddata time ratio: {i['seconds'] / lo['seconds']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="150,600")
    parser.add_argument("--file-mb", type=float, default=0.0, help="megabytes per generated PDF (default: a few kB)")
    parser.add_argument("--child")
    options = parser.parse_args()
    if options.child:
        spec = json.loads(options.child)
        print(json.dumps(child(spec["args"], spec["env"])))
        return
    sizes = [int(s) for s in options.sizes.split(",")]
    print(f"load before: {os.getloadavg()[0]:.1f} (1 min)")
    with tempfile.TemporaryDirectory(prefix="sv-bench-archive-") as tmp:
        results = [measure(n, Path(tmp), options.file_mb) for n in sizes]
    print(f"load after: {os.getloadavg()[0]:.1f} (1 min)")
    for r in results:
        report(r)
    small, large = results[0], results[-1]
    growth = large["records"] / small["records"]
    print(
        f"\n{growth:.1f}× the records: export peak memory ×{large['export']['rss_mb'] / small['export']['rss_mb']:.2f}, "
        f"import ×{large['import']['rss_mb'] / small['import']['rss_mb']:.2f}, "
        f"dumpdata ×{large['dumpdata']['rss_mb'] / small['dumpdata']['rss_mb']:.2f}, "
        f"loaddata ×{large['loaddata']['rss_mb'] / small['loaddata']['rss_mb']:.2f}"
    )


if __name__ == "__main__":
    main()
