"""CSV and XLSX of the engagements a viewer may see (through core/spreadsheets.py: no cell can
run as a formula). Confidential notes and costs are never exported."""

from __future__ import annotations

from django.utils.translation import gettext as _

from secretaria.core import spreadsheets


def engagement_rows(engagements) -> list[list]:
    rows = [[_("Start"), _("End"), _("Kind"), _("Title (Spanish)"), _("Title (English)"), _("Place"), _("Country"),
             _("Inviting organisation"), _("Status"), _("Summary (Spanish)"), _("Summary (English)"),
             _("From the Secretariat")]]  # fmt: skip
    for e in engagements:
        rows.append([
            e.start_date, e.end_date, e.get_kind_display(), e.title_es, e.title_en, e.place,
            str(e.country.name) if e.country_id else "", str(e.organization) if e.organization_id else "",
            e.get_status_display(), e.summary_es, e.summary_en,
            "; ".join(p.full_name for p in e.secretariat_people.all()),
        ])  # fmt: skip
    return rows


def to_csv(rows) -> bytes:
    return spreadsheets.csv_bytes(rows)


def to_xlsx(rows) -> bytes:
    return spreadsheets.xlsx_bytes(rows, sheet_title=_("Outreach"))
