import time

from django.core.management.base import BaseCommand, CommandError

from secretaria.search.registry import sources
from secretaria.search.services import reindex


class Command(BaseCommand):
    help = "Rebuild the search index from every registered source (or one kind), with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--kind", help=f"Only this kind of content. Known kinds: {', '.join(sorted(sources()))}")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, kind=None, no_progress=False, **options):
        if kind is not None and kind not in sources():
            known = ", ".join(sorted(sources())) or "none"
            raise CommandError(f"Unknown kind {kind!r}. Known kinds: {known}.")
        started = time.monotonic()
        counts = reindex(kind=kind, progress=not no_progress)
        elapsed = time.monotonic() - started
        for k, n in counts.items():
            self.stdout.write(f"{k}: {n} entries indexed")
        total = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} entries in {elapsed:.1f} s."))
