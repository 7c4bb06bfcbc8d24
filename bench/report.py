"""Benchmark: the six-monthly report for a period with 10x the seed's activity.

Builds a throw-away SQLite database with the demo data (the seed), then times, in the same run:
the baseline, generating the May–November 2004 report from the seed as it is (sections from the
registered providers, then DOCX and PDF in Spanish); and the same after every meeting of the period
is cloned nine times with its activity entries and contracted services (10x the activity). Prints
the figures, the SQL queries of one generation and the ratio against the baseline.

    .venv/bin/python bench/report.py [--factor 10] [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START, END = datetime.date(2004, 5, 1), datetime.date(2004, 11, 30)


def setup(tmp: Path) -> None:
    os.environ.update({
        "DEV_MODE": "1", "DEBUG": "0", "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}", "VAR_DIR": str(tmp),
        "DJANGO_SETTINGS_MODULE": "secretaria.settings",
    })  # fmt: skip
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())


def multiply(factor: int) -> int:
    """Clone each meeting with activity in the period ``factor - 1`` times, with its entries and services."""
    from secretaria.activity.models import Activity
    from secretaria.meetings.models import ContractedService, ContractedServiceStatusChange, Meeting

    entries = list(Activity.objects.filter(occurred_at__date__range=(START, END), meeting__isnull=False))
    meetings = Meeting.objects.filter(pk__in={a.meeting_id for a in entries})
    added = 0
    for meeting in meetings:
        sponsors = list(meeting.sponsor_countries.all())
        services = list(ContractedService.objects.filter(meeting=meeting))
        changes = list(ContractedServiceStatusChange.objects.filter(service__in=services))
        for n in range(1, factor):
            clone = Meeting.objects.get(pk=meeting.pk)
            clone.pk = None
            clone.slug = f"{meeting.slug}-x{n}"
            clone.title_es, clone.title_en = f"{meeting.title_es} ({n})", f"{meeting.title_en} ({n})"
            clone.start_date += datetime.timedelta(days=7 * n)
            clone.end_date += datetime.timedelta(days=7 * n)
            clone.save()
            clone.sponsor_countries.set(sponsors)
            copies = []
            for a in entries:
                if a.meeting_id == meeting.pk:
                    copy = Activity.objects.get(pk=a.pk)
                    copy.pk, copy.meeting = None, clone
                    copies.append(copy)
            Activity.objects.bulk_create(copies)
            added += len(copies)
            for s in services:
                old = s.pk
                s.pk, s.meeting = None, clone
                s.save()
                ContractedServiceStatusChange.objects.bulk_create([
                    ContractedServiceStatusChange(service=s, from_status=c.from_status, to_status=c.to_status,
                                                  changed_at=c.changed_at)
                    for c in changes if c.service_id == old
                ])  # fmt: skip
                s.pk = old
    return added


def run_once() -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from secretaria.reports import rendering
    from secretaria.reports.models import Report
    from secretaria.reports.rendering import charts
    from secretaria.reports.selectors import generated_sections, resolve

    charts._bar_png.cache_clear()  # each round draws its charts (a real issue draws them once per language)
    report = Report(period_start=START, period_end=END, title_es="Informe", title_en="Report")
    t0 = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        content = resolve(generated_sections(report), {})
    t1 = time.perf_counter()
    rendering.render(report, content, "es", "docx")
    t2 = time.perf_counter()
    rendering.render(report, content, "es", "pdf")
    t3 = time.perf_counter()
    paragraphs = sum(len(s["paragraphs"]) for s in content)
    return {"generate": t1 - t0, "docx": t2 - t1, "pdf": t3 - t2, "total": t3 - t0,
            "queries": len(queries), "paragraphs": paragraphs}  # fmt: skip


def best(rounds: int) -> dict[str, float]:
    results = [run_once() for _ in range(rounds)]
    return min(results, key=lambda r: r["total"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp))
        from secretaria.activity.models import Activity

        seed = Activity.objects.filter(occurred_at__date__range=(START, END)).count()
        run_once()  # warm up (imports, fonts, matplotlib)
        base = best(args.rounds)
        added = multiply(args.factor)
        scaled = best(args.rounds)
        print(f"seed: {seed} activity entries in the period; x{args.factor}: {seed + added} entries")
        for name, r in (("baseline (seed)", base), (f"x{args.factor} activity", scaled)):
            print(f"{name:>16}: generate {r['generate']:.3f}s  docx {r['docx']:.3f}s  pdf {r['pdf']:.3f}s  "
                  f"total {r['total']:.3f}s  ({r['queries']} queries, {r['paragraphs']} paragraphs)")  # fmt: skip
        print(f"ratio x{args.factor}/baseline: {scaled['total'] / base['total']:.2f} (total), "
              f"{scaled['generate'] / base['generate']:.2f} (generation only)")  # fmt: skip


if __name__ == "__main__":
    main()
