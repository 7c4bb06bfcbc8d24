"""Side-by-side comparison of two agenda versions, changes marked with <del> and <ins>.

Each item is rendered as plain text in one language (time, session, title, description,
speakers, moderators); items are matched with difflib, and changed items are compared
word by word, so a changed time or a new speaker stands out within its item.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from secretaria.core.i18n import pick
from secretaria.meetings.models import AgendaItem, AgendaVersion

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def item_text(item: AgendaItem, lang: str) -> str:
    """One item as text, in ``lang``; what is compared between versions."""
    when = ""
    if item.day:
        with translation.override(lang):
            when = date_format(item.day, "DATE_FORMAT")
    if item.start_time:
        when += f"{', ' if when else ''}{item.start_time:%H:%M}"
        if item.end_time:
            when += f"–{item.end_time:%H:%M}"
    lines = [" · ".join(part for part in [when.strip(), pick(item, "session", lang)] if part)]
    lines.append(pick(item, "title", lang))
    description = pick(item, "description", lang)
    if description:
        lines.append(description)
    speakers = ", ".join(p.full_name for p in item.speakers.all())
    if speakers:
        lines.append(f"{_('Speakers')}: {speakers}")
    moderators = ", ".join(p.full_name for p in item.moderators.all())
    if moderators:
        lines.append(f"{_('Moderators')}: {moderators}")
    documents = ", ".join(d.symbol for d in getattr(item, "visible_documents", ()))
    if documents:
        lines.append(f"{_('Documents')}: {documents}")
    return "\n".join(line for line in lines if line)


@dataclass
class DiffRow:
    tag: str  # equal | replace | delete | insert
    left: SafeString
    right: SafeString


def _html(text: str) -> SafeString:
    return mark_safe(escape(text).replace("\n", "<br>"))  # noqa: S308 - escaped above


def _word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    # Escaped piece by piece above; only our own <del>/<ins> tags are added.
    return (
        mark_safe("".join(left).replace("\n", "<br>")),  # noqa: S308
        mark_safe("".join(right).replace("\n", "<br>")),  # noqa: S308
    )


def _similar(old: str, new: str) -> bool:
    return difflib.SequenceMatcher(None, _TOKEN.findall(old), _TOKEN.findall(new), autojunk=False).ratio() >= 0.5


def compare_versions(old: AgendaVersion, new: AgendaVersion, lang: str) -> list[DiffRow]:
    a = [item_text(item, lang) for item in old.items.all()]
    b = [item_text(item, lang) for item in new.items.all()]
    intro_a, intro_b = pick(old, "introduction", lang), pick(new, "introduction", lang)
    if intro_a or intro_b:
        a.insert(0, intro_a)
        b.insert(0, intro_b)
    rows: list[DiffRow] = []
    empty = mark_safe("")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            rows.extend(DiffRow("equal", _html(x), _html(y)) for x, y in zip(a[i1:i2], b[j1:j2], strict=True))
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            old_text = olds[k] if k < len(olds) else None
            new_text = news[k] if k < len(news) else None
            if old_text is not None and new_text is not None and _similar(old_text, new_text):
                left, right = _word_diff(old_text, new_text)
                rows.append(DiffRow("replace", left, right))
                continue
            # Unrelated items read better as one removed and one added than as a jumble.
            if old_text is not None:
                rows.append(DiffRow("delete", mark_safe(f"<del>{_html(old_text)}</del>"), empty))  # noqa: S308
            if new_text is not None:
                rows.append(DiffRow("insert", empty, mark_safe(f"<ins>{_html(new_text)}</ins>")))  # noqa: S308
    return rows
