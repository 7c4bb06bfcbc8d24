"""Write the activity report of a period to a file, for scripts and archives.

    manage.py activity_report --from 2004-05-01 --to 2004-11-30 --lang es --format docx OUT

Without ``--issued`` it writes the draft generated now from the records (with the Secretariat's
edits of the latest draft for exactly that period, if there is one); with ``--issued`` the issued
report's own file, byte for byte."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from secretaria.reports import rendering
from secretaria.reports.models import Report
from secretaria.reports.providers import period_text
from secretaria.reports.sections import Period
from secretaria.reports.selectors import generated_sections, report_content, resolve


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = "Write the activity report of a period as DOCX, PDF or XLSX (the draft, or with --issued the issued one)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="First day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="Last day, YYYY-MM-DD")
        parser.add_argument("--lang", default="es", help="es or en")
        parser.add_argument("--format", dest="fmt", default="pdf", help="docx, pdf or xlsx")
        parser.add_argument("--issued", action="store_true", help="The issued report's file, not a new draft")
        parser.add_argument("out", help="File to write ('-' is not allowed: the files are binary)")

    def handle(self, *args, start, end, lang, fmt, issued, out, **options):
        start, end = _date(start), _date(end)
        if end < start:
            raise CommandError("The period cannot end before it starts.")
        if lang not in ("es", "en"):
            raise CommandError(f"Unknown language {lang!r}: use es or en.")
        if fmt not in rendering.FORMATS:
            raise CommandError(f"Unknown format {fmt!r}: use {', '.join(rendering.FORMATS)}.")
        path = Path(out)
        if out == "-" or not path.parent.exists():
            raise CommandError(f"Cannot write to {out!r}: give a file in an existing directory.")
        reports = Report.objects.filter(period_start=start, period_end=end)
        if issued:
            report = reports.filter(status=Report.Status.ISSUED).order_by("-issued_at").first()
            if report is None:
                raise CommandError(f"No report has been issued for {start} – {end}.")
            stored = report.files.filter(language=lang, fmt=fmt).first()
            if stored is None:
                raise CommandError(f"The issued report {report.symbol} has no {fmt} file in {lang}.")
            with stored.file.open("rb") as fh:
                data = fh.read()
        else:
            report = reports.exclude(status=Report.Status.ISSUED).order_by("-pk").first()
            if report is None:
                period = Period(start, end)
                report = Report(
                    period_start=start, period_end=end,
                    title_es=f"Informe de actividades de la Secretaría Técnica, {period_text(period, 'es')}",
                    title_en=f"Activity report of the Technical Secretariat, {period_text(period, 'en')}",
                )  # fmt: skip
            content = report_content(report) if report.pk else resolve(generated_sections(report), {})
            data = rendering.render(report, content, lang, fmt)
        path.write_bytes(data)
        self.stdout.write(f"{path} ({len(data)} bytes)")
