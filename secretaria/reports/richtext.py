"""The rich text of the report's paragraphs: what the editor (CKEditor 5) sends is cleaned with
nh3 to an allow-list, stored as HTML, and read back as blocks of runs for the DOCX and PDF
writers and as plain text for comparing versions.

A generated paragraph is plain text (its figures stay live until the report is issued); it
becomes HTML only when the Secretariat edits it. ``html_of`` gives any paragraph's HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
import nh3
from django.utils.html import escape

TAGS = {"p", "br", "h3", "h4", "strong", "b", "em", "i", "a", "ul", "ol", "li", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td"}  # fmt: skip
ATTRIBUTES = {"a": {"href"}, "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
BLOCKS = {"p", "h3", "h4", "li", "blockquote", "table", "ul", "ol"}
BOLD, ITALIC = {"strong", "b"}, {"em", "i"}


def clean(html: str) -> str:
    """The editor's HTML reduced to the allow-list (no scripts, styles, classes, images; links
    only http(s) and mailto, opened without referrer)."""
    return nh3.clean(
        html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer", strip_comments=True,
    ).strip()  # fmt: skip


def html_of(text: str) -> str:
    """A plain (generated) paragraph as the editor's HTML."""
    return f"<p>{escape(text)}</p>"


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass
class Block:
    kind: str  # "p", "h3", "h4", "bullet", "number", "quote", "table"
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # nesting depth of a list item
    number: int = 0  # the item's number in an ordered list
    rows: list[list[list[Run]]] = field(default_factory=list)  # a table: rows of cells of runs

    @property
    def text(self) -> str:
        if self.kind == "table":
            return "\n".join(" | ".join(_text(cell) for cell in row) for row in self.rows)
        return _text(self.runs)


def _text(runs: list[Run]) -> str:
    return "".join(r.text for r in runs).strip()


def _runs(el, bold=False, italic=False, href="", skip=frozenset()) -> list[Run]:
    """The inline content of ``el`` (its text and non-block children) as runs."""
    runs = []
    if el.text:
        runs.append(Run(_norm(el.text), bold, italic, href))
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in skip:
            pass
        elif tag == "br":
            runs.append(Run("\n", bold, italic, href))
        else:
            runs += _runs(child, bold or tag in BOLD, italic or tag in ITALIC,
                          child.get("href", href) if tag == "a" else href, skip)  # fmt: skip
        if child.tail:
            runs.append(Run(_norm(child.tail), bold, italic, href))
    return runs


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _trim(runs: list[Run]) -> list[Run]:
    """A block's runs without the spaces HTML does not show (doubled, at the start and the end)."""
    out: list[Run] = []
    for run in runs:
        text = run.text
        if (not out or out[-1].text.endswith((" ", "\n"))) and text.startswith(" "):
            text = text.lstrip(" ")
        if text:
            out.append(Run(text, run.bold, run.italic, run.href))
    while out and out[-1].text.endswith(" "):
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out


def _list(el, level: int, blocks: list[Block]) -> None:
    ordered = el.tag == "ol"
    for n, li in enumerate((c for c in el if c.tag == "li"), start=1):
        runs = _trim(_runs(li, skip={"ul", "ol", "p"})) or _trim([r for p in li.findall("p") for r in _runs(p)])
        blocks.append(Block("number" if ordered else "bullet", runs, level=level, number=n))
        for sub in li:
            if sub.tag in ("ul", "ol"):
                _list(sub, level + 1, blocks)


def _walk(el, blocks: list[Block]) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("p", "h3", "h4"):
            blocks.append(Block(tag, _trim(_runs(child))))
        elif tag in ("ul", "ol"):
            _list(child, 0, blocks)
        elif tag == "blockquote":
            inner: list[Block] = []
            _walk(child, inner)
            runs = _runs(child, skip=BLOCKS) if not inner else [r for b in inner for r in (b.runs + [Run("\n")])][:-1]
            blocks.append(Block("quote", _trim(runs)))
        elif tag == "table":
            rows = [[_trim(_runs(cell)) for cell in tr if cell.tag in ("td", "th")] for tr in child.iter("tr")]
            blocks.append(Block("table", rows=[r for r in rows if r]))
        elif tag:
            blocks.append(Block("p", _trim(_runs(child))))
        if child.tail and child.tail.strip():
            blocks.append(Block("p", [Run(" ".join(child.tail.split()))]))


def blocks(html: str) -> list[Block]:
    """Clean HTML as a list of blocks (paragraphs, subheadings, list items, quotes, tables)."""
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    out: list[Block] = []
    if root.text and root.text.strip():
        out.append(Block("p", [Run(" ".join(root.text.split()))]))
    _walk(root, out)
    return [b for b in out if b.kind == "table" or b.text]


def text_of(html: str) -> str:
    """The plain text of clean HTML, one line per block ("• " before a list item)."""
    lines = []
    for b in blocks(html):
        prefix = {"bullet": "• ", "number": f"{b.number}. "}.get(b.kind, "")
        if b.kind == "table":
            lines += b.text.splitlines()  # a line per row
        else:
            lines.append("  " * b.level + prefix + b.text.replace("\n", " "))
    return "\n".join(lines)


def is_plain(html: str, text: str) -> bool:
    """Whether the editor's ``html`` says exactly the plain ``text`` (one unformatted paragraph)."""
    found = blocks(clean(html))
    return (
        len(found) == 1
        and found[0].kind == "p"
        and all(not (r.bold or r.italic or r.href) for r in found[0].runs)
        and " ".join(found[0].text.split()) == " ".join(text.split())
    )
