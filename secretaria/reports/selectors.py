"""Reading reports: the draft as it reads now (live figures with the Secretariat's edits), the
issued one as frozen, and the comparison of two versions."""

from __future__ import annotations

import datetime
import difflib

from django.db.models import QuerySet

from secretaria.reports import richtext
from secretaria.reports.models import Report, ReportVersion
from secretaria.reports.sections import Period, generate


def reports_list() -> QuerySet[Report]:
    return Report.objects.select_related("issued_by", "created_by", "document").order_by("-period_end", "-pk")


def default_period(today: datetime.date) -> Period:
    """The last six whole months before ``today``'s month (November's report is drafted in December)."""
    first_of_month = today.replace(day=1)
    end = first_of_month - datetime.timedelta(days=1)
    month, year = end.month - 5, end.year
    if month < 1:
        month, year = month + 12, year - 1
    return Period(datetime.date(year, month, 1), end)


def latest_version(report: Report) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


def _html(edit: dict, lang: str) -> str:
    """An edited or added paragraph's rich text (edits saved before rich text: their plain text)."""
    return edit.get(f"html_{lang}") or richtext.html_of(edit.get(lang, ""))


def resolve(sections: list[dict], edits: dict) -> list[dict]:
    """The generated sections with the edits applied: each paragraph with its state (kept, edited,
    removed or added), its plain text, the text generated and, when edited or added, its rich
    text as clean HTML (``html_es``/``html_en``; empty for a paragraph as generated)."""
    added_by_section: dict[str, list[tuple[str, dict]]] = {}
    for key, edit in edits.items():
        if edit.get("state") == "added":
            added_by_section.setdefault(edit.get("section", ""), []).append((key, edit))
    out = []
    for section in sections:
        paragraphs = []
        for p in section["paragraphs"]:
            edit = edits.get(p["key"], {})
            state = edit.get("state", "kept")
            changed = state == "edited"
            paragraphs.append({
                **p, "state": state, "generated_es": p["es"], "generated_en": p["en"],
                "es": edit.get("es", p["es"]) if changed else p["es"],
                "en": edit.get("en", p["en"]) if changed else p["en"],
                "html_es": _html(edit, "es") if changed else "", "html_en": _html(edit, "en") if changed else "",
            })  # fmt: skip
        for key, edit in sorted(added_by_section.get(section["key"], []), key=lambda kv: kv[0]):
            new = {"key": key, "style": edit.get("style", "text"), "state": "added", "es": edit.get("es", ""),
                   "en": edit.get("en", ""), "generated_es": "", "generated_en": "",
                   "html_es": _html(edit, "es"), "html_en": _html(edit, "en")}  # fmt: skip
            after = edit.get("after", "")
            index = next((i + 1 for i, p in enumerate(paragraphs) if p["key"] == after), len(paragraphs))
            paragraphs.insert(index, new)
        out.append({**section, "paragraphs": paragraphs})
    return out


def generated_sections(report: Report) -> list[dict]:
    return [s.as_dict() for s in generate(Period(report.period_start, report.period_end))]


def report_content(report: Report, version: ReportVersion | None = None) -> list[dict]:
    """What the report says: the issued snapshot once issued; otherwise regenerated from the
    records now, with the edits of ``version`` (default the latest) applied."""
    if report.is_issued and version is None:
        return report.snapshot.get("sections", [])
    version = version or latest_version(report)
    return resolve(generated_sections(report), version.edits if version else {})


def visible(sections: list[dict]) -> list[dict]:
    """The sections without their removed paragraphs: what is rendered."""
    return [{**s, "paragraphs": [p for p in s["paragraphs"] if p["state"] != "removed"]} for s in sections]


def problems(sections: list[dict]) -> list[str]:
    return [problem for s in sections for problem in s.get("problems", [])]


def _lines(content: list[dict], lang: str) -> list[str]:
    lines = []
    for s in visible(content):
        lines.append(f"## {s[f'title_{lang}']}")
        for p in s["paragraphs"]:
            first, *rest = p[lang].split("\n")  # an edited paragraph's text has a line per block
            lines.append(("• " if p["style"] == "bullet" else "") + first)
            lines += rest
    return lines


def compare(old: ReportVersion, new: ReportVersion, lang: str = "es") -> list[tuple[str, str]]:
    """The two versions' text line by line: ("same"|"removed"|"added", line)."""
    result = []
    for line in difflib.ndiff(_lines(old.content, lang), _lines(new.content, lang)):
        tag, text = line[:2], line[2:]
        if tag == "? ":
            continue
        result.append(({"  ": "same", "- ": "removed", "+ ": "added"}[tag], text))
    return result
