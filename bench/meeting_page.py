"""Benchmark: a meeting's page with 60 agenda items, 300 participants and 80 documents.

Builds a throw-away SQLite database, serves it with gunicorn (as in production, DEBUG off)
and times sequential GET requests to the home page (the baseline) and to the meeting page,
reporting p50 and p95: the page as it is usually served (its programme and documents from the
cache, meetings.page_cache) and right after a change (the cached parts replaced before each
request, so each one renders everything). It then counts the SQL queries of the meeting page
for a small and a large meeting, both ways: the number must not grow with the number of items,
documents or participants (the script exits with status 1 if it does).

    .venv/bin/python bench/meeting_page.py [--requests 200] [--port 8199]

Participants come from ``secretaria.meetings.services.bench_participants`` (bulk writes);
documents are added only when the documents link model exists (the script says so).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(tmp: Path) -> dict[str, str]:
    env = {
        "DEV_MODE": "1",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "VAR_DIR": str(tmp),
        "DJANGO_SETTINGS_MODULE": "secretaria.settings",
        # Plain HTTP on 127.0.0.1, like a server behind its TLS proxy.
        "SECURE_SSL_REDIRECT": "0",
    }
    os.environ.update(env)
    return env


def build(items: int, documents: int, participants: int, slug: str) -> tuple[str, dict[str, int]]:
    """A public, held meeting with an approved agenda; returns its URL and what was added."""
    from django.utils import translation

    from secretaria.directory.models import Country, Organization, Person
    from secretaria.meetings import services
    from secretaria.meetings.models import AgendaVersion, Meeting

    country, _ = Country.objects.get_or_create(
        iso2="GT", defaults={"iso3": "GTM", "name_es": "Guatemala", "name_en": "Guatemala", "status": "member"}
    )
    org, _ = Organization.objects.get_or_create(name_es="OIM", defaults={"kind": "international", "acronym_es": "OIM"})
    people = [
        Person.objects.get_or_create(given_name=f"Ponente {n}", family_name=slug, defaults={"organization": org})[0]
        for n in range(max(items // 2, 1))
    ]
    start = datetime.date(2004, 10, 18)
    meeting = services.meeting_create(
        by=None, kind=Meeting.Kind.SEMINAR, slug=slug, title_es=f"Seminario {slug}", title_en=f"Seminar {slug}",
        start_date=start, end_date=start + datetime.timedelta(days=2), city="Ciudad de Guatemala", country=country,
        sponsor_countries=[country], host_countries=[country],
    )  # fmt: skip
    version = services.agenda_start_draft(meeting=meeting, by=None)
    for n in range(items):
        services.agenda_item_save(
            version=version, by=None, day=start + datetime.timedelta(days=n % 3),
            start_time=datetime.time(8 + n % 9, 0), end_time=datetime.time(8 + n % 9, 45),
            session_es=f"Sesión {n // 10 + 1}", title_es=f"Punto {n + 1} de la agenda",
            title_en=f"Agenda item {n + 1}", description_es="Presentación y debate. " * 5,
            speakers=people[n % len(people) : n % len(people) + 2], moderators=people[:1],
        )  # fmt: skip
    services.agenda_submit(version=version, by=None, notify=False)
    services.agenda_approve(version=version, by=None, notify=False)
    if version.state != AgendaVersion.State.APPROVED:
        raise RuntimeError("the agenda was not approved")
    added = {"items": items, "documents": add_documents(meeting, documents), "participants": 0}
    added["participants"] = add_participants(meeting, participants)
    with translation.override("es"):
        return meeting.get_absolute_url(), added


def add_documents(meeting, n: int) -> int:
    """Documents linked to the meeting, once the documents app and the link model exist."""
    from django.utils import timezone

    try:
        from secretaria.documents.models import Document
        from secretaria.meetings.models import MeetingDocument
    except ImportError:
        return 0
    for k in range(n):
        document = Document.objects.create(
            symbol=f"CRM/BENCH/{meeting.pk}/{k + 1}", date=meeting.start_date, title_es=f"Documento {k + 1}",
            access_level="public", status="published", published_at=timezone.now(),
        )  # fmt: skip
        MeetingDocument.objects.create(meeting=meeting, document=document)
    return n


def add_participants(meeting, n: int) -> int:
    """Approved participants (people, accepted invitations, registrations), bulk-created."""
    from secretaria.meetings.services import bench_participants

    return bench_participants(meeting=meeting, count=n)


def meeting_id(url: str) -> int:
    from secretaria.meetings.models import Meeting

    return Meeting.objects.get(slug=url.rstrip("/").rsplit("/", 1)[1]).pk


def changed(url: str) -> None:
    """As if the meeting had just changed: its cached fragments are no longer used."""
    from secretaria.meetings import page_cache

    page_cache.touch([meeting_id(url)])


def query_count(url: str, *, after_change: bool = False) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(url)  # warm caches (content types, presidency)
    if after_change:
        changed(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return len(ctx.captured_queries)


def timings(base: str, path: str, requests: int, before=None) -> list[float]:
    samples = []
    for _ in range(requests):
        if before is not None:
            before()
        started = time.perf_counter()
        with urllib.request.urlopen(base + path) as response:  # noqa: S310 - our own local server
            response.read()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def pct(samples: list[float], p: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8199)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmpdir:
        env = configure(Path(tmpdir))
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        settings.ALLOWED_HOSTS = ["*"]
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        small_url, small = build(items=6, documents=8, participants=30, slug="pequeno")
        url, large = build(items=60, documents=80, participants=300, slug="grande")
        small_q, large_q = query_count(small_url), query_count(url)
        small_cold, large_cold = query_count(small_url, after_change=True), query_count(url, after_change=True)
        pk = meeting_id(url)
        from secretaria.meetings import page_cache

        server = subprocess.Popen(  # noqa: S603 - fixed argument list
            [sys.executable, "-m", "gunicorn", "secretaria.wsgi", "--bind", f"127.0.0.1:{args.port}",
             "--workers", "2", "--threads", "4", "--log-level", "warning"],
            cwd=ROOT, env={**os.environ, **env, "ALLOWED_HOSTS": "127.0.0.1"},
        )  # fmt: skip
        base = f"http://127.0.0.1:{args.port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/es/")  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.1)
            timings(base, "/es/", 10)
            timings(base, url, 10)
            home = timings(base, "/es/", args.requests)
            page = timings(base, url, args.requests)
            cold = timings(base, url, max(args.requests // 4, 20), before=lambda: page_cache.touch([pk]))
        finally:
            server.terminate()
            server.wait(timeout=10)

    print(f"Meeting page: {large['items']} agenda items, {large['documents']} documents, "
          f"{large['participants']} participants")  # fmt: skip
    if not large["documents"]:
        print("  (no documents: the documents link is not installed)")
    print(f"{'page':<14}{'p50 ms':>10}{'p95 ms':>10}")
    print(f"{'home (base)':<14}{pct(home, 50):>10.1f}{pct(home, 95):>10.1f}")
    print(f"{'meeting':<14}{pct(page, 50):>10.1f}{pct(page, 95):>10.1f}")
    print(f"{'after change':<14}{pct(cold, 50):>10.1f}{pct(cold, 95):>10.1f}")
    print(f"ratio to home: p50 {pct(page, 50) / pct(home, 50):.2f}x, p95 {pct(page, 95) / pct(home, 95):.2f}x")
    print(f"SQL queries: small meeting {small_q}, large meeting {large_q} "
          f"(after a change: {small_cold}, {large_cold})")  # fmt: skip
    if large_q != small_q or large_cold != small_cold:
        print("FAIL: the number of queries grows with the size of the meeting")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
