"""What the site archive (secretaria/archive) keeps readable of the reports: every rendered file of
an issued report (DOCX, PDF, XLSX annex, both languages) under ``data/readable/reports/``, so a
successor can read the Secretariat's reports without the software."""

from secretaria.reports.models import Report


def readable_copies(report_file):
    report = report_file.report
    if report.status != Report.Status.ISSUED:
        return []
    name = f"{report.period_start:%Y-%m-%d}_{report.period_end:%Y-%m-%d}-{report_file.language}.{report_file.fmt}"
    return [(f"reports/{name}", report_file.file.storage, report_file.file.name)]
