from django.core.management.base import BaseCommand, CommandError

from secretaria.search.services import sync_engine


class Command(BaseCommand):
    help = (
        "Apply the committed changes the tantivy search engine has not applied yet (SEARCH_ENGINE=tantivy; "
        "run it every minute, beside the sync that follows each commit)."
    )

    def handle(self, *args, **options):
        try:
            applied = sync_engine()
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        if applied is None:
            self.stdout.write("This site searches with the database's engine (SEARCH_ENGINE=database): nothing to do.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Search engine in step: {applied} changes applied."))
