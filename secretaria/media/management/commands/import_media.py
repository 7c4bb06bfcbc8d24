"""Import a folder of photos and videos into a gallery: manage.py import_media FOLDER --meeting SLUG --title …"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from secretaria.core.access import AccessLevel
from secretaria.files.filetypes import UploadRefused
from secretaria.media import services
from secretaria.media.models import Gallery
from secretaria.meetings.models import Meeting

EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif", ".mp4", ".m4v", ".webm"}


class Command(BaseCommand):
    help = "Import every photo and video of a folder into a gallery (new, or --gallery UID); the worker processes them."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--meeting", help="the meeting's short name (slug)")
        parser.add_argument("--gallery", help="the identifier of an existing gallery")
        parser.add_argument("--title", help="the new gallery's title in Spanish")
        parser.add_argument("--title-en", default="")
        parser.add_argument("--access", choices=[v for v in AccessLevel.values if v != "group"])
        parser.add_argument("--publish", action="store_true", help="publish once imported (needs every alt text)")

    def handle(self, *args, folder, meeting=None, gallery=None, title=None, title_en="", access=None, publish=False,
               **options):  # fmt: skip
        path = Path(folder)
        if not path.is_dir():
            raise CommandError(f"{folder}: not a folder")
        if gallery:
            target = Gallery.objects.filter(uid=gallery).first() if len(gallery) == 36 else None
            if target is None:
                raise CommandError(f"no gallery {gallery}")
        else:
            if not title:
                raise CommandError("give --title for a new gallery, or --gallery UID")
            found = Meeting.objects.filter(slug=meeting).first() if meeting else None
            if meeting and found is None:
                raise CommandError(f"no meeting {meeting}")
            target = services.gallery_create(by=None, meeting=found, title_es=title, title_en=title_en,
                                             access_level=access)  # fmt: skip
            self.stdout.write(f"gallery {target.uid}: {target.title}")
        refused = 0
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in EXTENSIONS)
        if not files:
            raise CommandError(f"{folder}: no photo or video in it")
        for file in files:
            try:
                with transaction.atomic(), file.open("rb") as fh:
                    item = services.item_upload(gallery=target, fileobj=fh, name=file.name, by=None,
                                                size=file.stat().st_size)  # fmt: skip
            except UploadRefused as exc:
                refused += 1
                self.stderr.write(self.style.ERROR(f"refused {file.name}: {exc}"))
            else:
                self.stdout.write(f"{item.kind} {file.name}")
        if publish:
            try:
                services.gallery_publish(gallery=target, by=None)
            except ValidationError as exc:
                self.stderr.write(self.style.WARNING(" ".join(exc.messages)))
        self.stdout.write(self.style.SUCCESS(f"{len(files) - refused} imported, {refused} refused"))
        if refused:
            raise CommandError(f"{refused} file(s) refused")
