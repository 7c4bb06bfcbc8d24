"""The content of a previous site, given as a folder of HTML pages and files, brought into the
portal and the documents (``manage.py import_old_site DIR``).

- Every ``.html``/``.htm`` file becomes a published **page**, or a **news item** when it sits
  under a folder named noticias, news, comunicados or prensa (or says ``<meta name="type"
  content="news">``). Its title is the ``<title>`` (else the first heading), its text the body
  turned into Markdown (headings, paragraphs, lists, links, emphasis); scripts, styles and
  navigation are dropped. ``<html lang="en">`` fills the English fields, anything else the
  Spanish ones.
- Its **date** is a ``<meta name="date|DC.date|dcterms.date|fecha">``, else the first date
  written in the text (2004-10-18, 18/10/2004, 18 de octubre de 2004), else the file's
  modification time. Pages and news are published on that date.
- Every other file (PDF, Word, spreadsheets…) becomes a published public **document** with
  the symbol ``SV-ANT/<its path>``, the title of the link that points to it (else its name)
  and the date of the page that links to it (else its own); the file goes through the
  documents' content checks.
- Each old path answers with a 301 to the new address (``archive.Redirect``); links between
  old pages and files are rewritten to the new addresses.
- Running it twice creates nothing twice (pages and news by address, documents by symbol).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from secretaria.archive.models import Redirect
from secretaria.documents import services as documents
from secretaria.documents.models import Document
from secretaria.portal import services
from secretaria.portal.models import NewsItem, Page, Status

HTML_SUFFIXES = {".html", ".htm"}
NEWS_FOLDERS = {"noticias", "news", "comunicados", "prensa"}
SKIPPED_SUFFIXES = {".css", ".js", ".gif", ".jpg", ".jpeg", ".png", ".ico", ".swf"}
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ]
    )
}
MONTHS["setiembre"] = 9
DATE_META = {"date", "dc.date", "dcterms.date", "fecha", "dc.date.created"}


class _Markdown(HTMLParser):
    """Just enough HTML to Markdown for old static pages."""

    BLOCKS = {"p", "div", "br", "tr", "table", "ul", "ol", "blockquote"}
    DROP = {"script", "style", "nav", "head", "noscript", "iframe"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.title = ""
        self.lang = ""
        self.meta: dict[str, str] = {}
        self.links: list[tuple[str, str]] = []
        self._drop = 0
        self._in_title = False
        self._href: str | None = None
        self._link_text: list[str] = []
        self.headings: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = (attrs.get("lang") or attrs.get("xml:lang") or "").lower()[:2]
        elif tag == "meta" and attrs.get("name"):
            self.meta[attrs["name"].lower()] = attrs.get("content") or ""
        elif tag == "title":
            self._in_title = True
        if tag in self.DROP and tag != "head":
            self._drop += 1
        if self._drop:
            return
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
            self._heading = []
        elif tag in self.BLOCKS:
            self.out.append("\n\n" if tag != "br" else "  \n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in {"strong", "b"}:
            self.out.append("**")
        elif tag in {"em", "i"}:
            self.out.append("*")
        elif tag == "a" and attrs.get("href"):
            self._href = attrs["href"]
            self._link_text = []
            self.out.append("[")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.DROP and tag != "head":
            self._drop = max(0, self._drop - 1)
            return
        if self._drop:
            return
        if tag in {"strong", "b"}:
            self.out.append("**")
        elif tag in {"em", "i"}:
            self.out.append("*")
        elif tag == "a" and self._href is not None:
            text = " ".join("".join(self._link_text).split())
            self.links.append((self._href, text))
            self.out.append(f"]({self._href})")
            self._href = None
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
            self.out.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if self._drop:
            return
        text = re.sub(r"\s+", " ", data)
        self.out.append(text)
        if self._href is not None:
            self._link_text.append(text)
        if self._heading is not None:
            self._heading.append(text)

    def markdown(self) -> str:
        text = "".join(self.out)
        text = re.sub(r"[ \t]+\n", "\n", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
        return text.strip()


@dataclass
class OldPage:
    path: PurePosixPath  # relative to the folder
    title: str
    body: str
    lang: str
    date: datetime.date
    is_news: bool
    links: list[tuple[str, str]]


@dataclass
class OldSiteReport:
    pages: list[str] = field(default_factory=list)
    news: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    existing: int = 0
    redirects: int = 0
    refused: list[str] = field(default_factory=list)


def find_date(text: str) -> datetime.date | None:
    patterns = [
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
        (r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", lambda m: (int(m[3]), int(m[2]), int(m[1]))),
        (
            r"\b(\d{1,2}) de (" + "|".join(MONTHS) + r") de(?:l)? (\d{4})\b",
            lambda m: (int(m[3]), MONTHS[m[2].lower()], int(m[1])),
        ),
    ]
    found = []
    for pattern, parts in patterns:
        for match in re.finditer(pattern, text, flags=re.IGNORECASE):
            try:
                found.append((match.start(), datetime.date(*parts(match))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def _file_date(path: Path) -> datetime.date:
    return datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC).date()


def read_page(root: Path, path: Path) -> OldPage:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # the sites of the 1990s and 2000s
    parser = _Markdown()
    parser.feed(text)
    parser.close()
    body = parser.markdown()
    title = " ".join(parser.title.split()) or (parser.headings[0] if parser.headings else path.stem)
    date = None
    for name in DATE_META:
        if parser.meta.get(name):
            date = find_date(parser.meta[name])
            if date:
                break
    date = date or find_date(body) or _file_date(path)
    relative = PurePosixPath(path.relative_to(root).as_posix())
    folders = {p.lower() for p in relative.parts[:-1]}
    is_news = bool(folders & NEWS_FOLDERS) or parser.meta.get("type", "").lower() == "news"
    return OldPage(relative, title[:200], body, "en" if parser.lang == "en" else "es", date, is_news, parser.links)


def slug_for(relative: PurePosixPath) -> str:
    stem = relative.with_suffix("").as_posix()
    stem = re.sub(r"(^|/)(index|default)$", "", stem) or "inicio"
    return slugify(stem.replace("/", "-"))[:80].strip("-") or "pagina"


def symbol_for(relative: PurePosixPath) -> str:
    ascii_path = unicodedata.normalize("NFKD", relative.as_posix()).encode("ascii", "ignore").decode()
    segments = [re.sub(r"[^A-Za-z0-9.\-]+", "-", s).strip("-.") or "x" for s in ascii_path.split("/")]
    return ("SV-ANT/" + "/".join(segments))[:80]


def _local_target(page_path: PurePosixPath, href: str) -> PurePosixPath | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or href.startswith(("#", "mailto:")):
        return None
    target = PurePosixPath(unquote(parts.path))
    joined = target if parts.path.startswith("/") else page_path.parent / target
    clean = []
    for part in joined.parts:
        if part in ("", "/", "."):
            continue
        if part == "..":
            if clean:
                clean.pop()
            continue
        clean.append(part)
    return PurePosixPath(*clean) if clean else None


class OldSiteImporter:
    def __init__(self, root: Path, *, base_path: str = "/", by=None, dry_run: bool = False):
        self.root = Path(root)
        self.base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        self.by = by
        self.dry_run = dry_run
        self.report = OldSiteReport()
        self.new_urls: dict[PurePosixPath, str] = {}

    def old_path(self, relative: PurePosixPath) -> str:
        return self.base + relative.as_posix()

    def run(self) -> OldSiteReport:
        files = sorted(p for p in self.root.rglob("*") if p.is_file() and not p.name.startswith("."))
        pages = [read_page(self.root, p) for p in files if p.suffix.lower() in HTML_SUFFIXES]
        others = [p for p in files if p.suffix.lower() not in HTML_SUFFIXES | SKIPPED_SUFFIXES]
        with transaction.atomic():
            linked = self._link_index(pages)
            for path in others:
                self._document(path, linked.get(PurePosixPath(path.relative_to(self.root).as_posix())))
            for page in pages:
                self._page(page)
            self._redirects()
            if self.dry_run:
                transaction.set_rollback(True)
        return self.report

    def _link_index(self, pages: list[OldPage]) -> dict[PurePosixPath, tuple[str, OldPage]]:
        index = {}
        for page in pages:
            for href, text in page.links:
                target = _local_target(page.path, href)
                if target is not None and target not in index:
                    index[target] = (text, page)
        return index

    def _document(self, path: Path, link: tuple[str, OldPage] | None):
        relative = PurePosixPath(path.relative_to(self.root).as_posix())
        symbol = symbol_for(relative)
        existing = Document.objects.filter(symbol=symbol).first()
        if existing is not None:
            self.report.existing += 1
            self.new_urls[relative] = existing.get_absolute_url()
            return
        if self.dry_run:  # nothing is written to the storage on a dry run
            self.report.documents.append(symbol)
            return
        text, page = link if link else ("", None)
        date = page.date if page else (find_date(path.name) or _file_date(path))
        lang = page.lang if page else "es"
        title = text or path.stem.replace("_", " ").replace("-", " ")
        doc = documents.document_create(
            by=self.by,
            symbol=symbol,
            date=date,
            title_es=title if lang == "es" else "",
            title_en=title if lang == "en" else "",
            access_level="public",
        )
        with open(path, "rb") as handle:
            upload = documents.document_add_files(document=doc, by=self.by, files=[(handle, path.name, lang)])
        if not doc.files.exists():
            reasons = "; ".join(f"{name}: {why}" for name, why in upload.refused) or "refused"
            self.report.refused.append(f"{relative}: {reasons}")
            doc.delete()
            return
        documents.document_publish(document=doc, by=self.by, at=_moment(date))
        self.new_urls[relative] = doc.get_absolute_url()
        self.report.documents.append(symbol)

    def _body(self, page: OldPage) -> str:
        def rewrite(match):
            target = _local_target(page.path, match[2])
            new = self.new_urls.get(target) if target is not None else None
            return f"[{match[1]}]({new or match[2]})"

        return re.sub(r"\[([^\]]*)\]\(([^)\s]+)\)", rewrite, page.body)

    def _page(self, page: OldPage):
        slug = slug_for(page.path)
        lang = page.lang
        fields = {f"title_{lang}": page.title, f"body_{lang}": self._body(page)}
        if page.is_news:
            item = NewsItem.objects.filter(slug=slug).first()
            if item is None:
                fields.setdefault("title_es", page.title)
                title_es = fields.pop("title_es")
                item = services.news_create(by=self.by, slug=slug, title_es=title_es, reason="Imported", **fields)
                services.news_publish(item=item, by=self.by, at=_moment(page.date))
                self.report.news.append(slug)
            else:
                self.report.existing += 1
            self.new_urls[page.path] = item.get_absolute_url()
            return
        existing = Page.objects.filter(site=Page.Site.PUBLIC, slug=slug).first()
        if existing is None:
            fields.setdefault("title_es", page.title)
            title_es = fields.pop("title_es")
            existing = services.page_create(
                by=self.by,
                slug=slug,
                title_es=title_es,
                status=Status.PUBLISHED,
                publish_at=_moment(page.date),
                **fields,
            )
            self.report.pages.append(slug)
        else:
            self.report.existing += 1
        self.new_urls[page.path] = existing.get_absolute_url()

    def _redirects(self):
        for relative, url in self.new_urls.items():
            old = self.old_path(relative)
            if old != url and not Redirect.objects.filter(old_path=old).exists():
                Redirect.objects.create(old_path=old, new_path=url)
                self.report.redirects += 1


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
