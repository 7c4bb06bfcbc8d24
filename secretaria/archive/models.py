"""What the archive keeps in the database: this instance's identity, the map from the stable
identifiers of imported records to local rows, the redirects from old addresses, and the drills."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Instance(models.Model):
    """One row: the identity of this installation, part of every UUID it derives."""

    uuid = models.UUIDField(_("instance"), default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("archive instance")

    def __str__(self):
        return str(self.uuid)


class ImportedRecord(models.Model):
    """A record that came from a package: its stable id and the local row it became.

    The exporter writes this stable id again, so a site exported, imported and exported
    again names every record the same way."""

    model = models.CharField(_("model"), max_length=100)
    sid = models.CharField(_("stable id"), max_length=255)
    object_pk = models.CharField(_("local primary key"), max_length=64)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(fields=["model", "sid"], name="archive_imported_one_per_sid"),
        ]
        indexes = [models.Index(fields=["model", "object_pk"], name="archive_imported_by_pk")]

    def __str__(self):
        return f"{self.model} {self.sid} → {self.object_pk}"


class Redirect(models.Model):
    """An address of the old site and where the same thing lives now (answered with 301)."""

    old_path = models.CharField(_("old path"), max_length=500, unique=True)
    new_path = models.CharField(_("new path"), max_length=500)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


class DrillRun(models.Model):
    """One restore drill: export, import into a throwaway database, compare."""

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    ok = models.BooleanField(_("succeeded"), default=False)
    records = models.PositiveBigIntegerField(_("records"), default=0)
    files = models.PositiveBigIntegerField(_("files"), default=0)
    report = models.TextField(_("report"), blank=True)

    class Meta:
        verbose_name = _("restore drill")
        verbose_name_plural = _("restore drills")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'FAILED'}"
