"""Deciding what an uploaded file is, from its content, and refusing what we do not accept.

The name's extension is only checked against the content; the content decides. Signatures
are checked here directly (they are few and must be exact); OOXML and ODF files are zips
told apart by their members; puremagic names whatever we do not recognise, for the error
message. Executables, HTML and SVG are refused outright: served back from our domain they
would run code in a visitor's browser or on their machine.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import puremagic
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileType:
    code: str
    mime: str
    extensions: tuple[str, ...]
    label: str
    extractable: bool = True


TYPES: dict[str, FileType] = {
    t.code: t
    for t in [
        FileType("pdf", "application/pdf", (".pdf",), "PDF"),
        FileType(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (".docx",),
            "Word (DOCX)",
        ),
        FileType("doc", "application/msword", (".doc",), "Word 97-2003 (DOC)"),
        FileType("odt", "application/vnd.oasis.opendocument.text", (".odt",), "OpenDocument text (ODT)"),
        FileType("rtf", "application/rtf", (".rtf",), "RTF"),
        FileType("txt", "text/plain; charset=utf-8", (".txt",), "TXT"),
        FileType(
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",), "Excel (XLSX)"
        ),
        FileType(
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            (".pptx",),
            "PowerPoint (PPTX)",
        ),
        FileType("jpeg", "image/jpeg", (".jpg", ".jpeg", ".jpe"), "JPEG", extractable=False),
        FileType("png", "image/png", (".png",), "PNG", extractable=False),
        FileType("gif", "image/gif", (".gif",), "GIF", extractable=False),
        FileType("webp", "image/webp", (".webp",), "WebP", extractable=False),
        FileType("mp4", "video/mp4", (".mp4", ".m4v"), "MP4", extractable=False),
    ]
}

ACCEPTED_EXTENSIONS = sorted({ext for t in TYPES.values() for ext in t.extensions})

# Limits for bulk uploads as a zip archive.
ZIP_MAX_MEMBERS = 500
ZIP_MAX_RATIO = 200  # uncompressed / compressed, per member and overall
HEAD_BYTES = 64 * 1024


class UploadRefused(Exception):  # noqa: N818 - reads better at the call site
    """The file is not accepted; ``str(exc)`` says why, for the person who uploaded it."""


def max_upload_bytes() -> int:
    return settings.MAX_UPLOAD_MB * 1024 * 1024


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def sanitize_filename(name: str) -> str:
    """The original name without any path, control or bidi characters; never empty."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _CONTROL.sub("", name)
    name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")  # bidi overrides and the like
    name = name.strip().strip(".").strip()
    if len(name) > 200:
        stem, ext = os.path.splitext(name)
        name = stem[: 200 - len(ext)] + ext
    return name or "file"


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


# --- Signatures ---------------------------------------------------------------------------
_MACHO = (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
_MARKUP = re.compile(
    rb"^\s*(<!doctype\s+html|<html|<head|<body|<script|<iframe|<svg|<\?xml[^>]*>\s*(<!--.*?-->\s*)*(<!doctype\s+svg|<svg))",
    re.IGNORECASE | re.DOTALL,
)
_MP4_BRANDS_REFUSED = {b"heic", b"heix", b"mif1", b"msf1", b"avif", b"qt  "}


def _refuse_dangerous(head: bytes, name: str) -> None:
    if head.startswith(b"\x7fELF"):
        raise UploadRefused(_("“%(name)s” is a program (ELF executable); programs are not accepted.") % {"name": name})
    if head.startswith(b"MZ"):
        raise UploadRefused(
            _("“%(name)s” is a program (Windows executable); programs are not accepted.") % {"name": name}
        )
    if head.startswith(_MACHO):
        raise UploadRefused(
            _("“%(name)s” is a program (Mach-O executable); programs are not accepted.") % {"name": name}
        )
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if stripped.startswith(b"#!"):
        raise UploadRefused(_("“%(name)s” is a script; scripts are not accepted.") % {"name": name})
    text_head = stripped[:4096]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if text_head.startswith(bom):
            text_head = text_head[2:].decode(codec, "ignore").encode("utf-8", "ignore")
    if _MARKUP.match(text_head):
        kind = "SVG" if b"svg" in text_head[:2048].lower() and b"<html" not in text_head[:2048].lower() else "HTML"
        raise UploadRefused(
            _("“%(name)s” is an %(kind)s file; web pages and SVG images are not accepted (they can carry scripts).")
            % {"name": name, "kind": kind}
        )
    if extension_of(name) in {".html", ".htm", ".xhtml", ".svg", ".svgz", ".js", ".exe", ".sh", ".bat", ".cmd"}:
        raise UploadRefused(
            _("“%(name)s”: files of type %(ext)s are not accepted.") % {"name": name, "ext": extension_of(name)}
        )


def _zip_kind(fileobj) -> str:
    """docx/xlsx/pptx/odt from the members of a zip, else "zip"."""
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "ppt/presentation.xml" in names:
                    return "pptx"
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = archive.read("mimetype").strip()
                    if mimetype == b"application/vnd.oasis.opendocument.text":
                        return "odt"
                    return "odf-other"
            return "zip"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return "broken-zip"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a multi-byte character cut at the end of the sample
            return True
    # cp1252 / latin-1 text: mostly printable bytes.
    printable = sum(1 for b in head if b in (9, 10, 13) or b >= 32)
    return printable / max(len(head), 1) > 0.97


def _describe_unknown(head: bytes) -> str:
    try:
        guesses = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        guesses = []
    if guesses:
        best = guesses[0]
        return best.name or best.extension or best.mime_type
    return ""


def sniff(head: bytes, fileobj=None, name: str = "") -> str:
    """The type code of a file from its first bytes (and, for zips, its member list)."""
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and not head.startswith(b"PK")):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if fileobj is None:
            return "zip"
        fileobj.seek(0)
        kind = _zip_kind(fileobj)
        fileobj.seek(0)
        return kind
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] not in _MP4_BRANDS_REFUSED:
        return "mp4"
    if _looks_like_text(head[:HEAD_BYTES]):
        return "text"
    return "unknown"


def _ole_is_word(fileobj) -> bool:
    """A Compound File holding a "WordDocument" stream (the name is in the directory, UTF-16)."""
    fileobj.seek(0)
    sample = fileobj.read(4 * 1024 * 1024)
    fileobj.seek(0)
    return "WordDocument".encode("utf-16-le") in sample


def detect(fileobj, name: str, size: int | None = None) -> FileType:
    """Check one file and return its accepted type, or raise UploadRefused with the reason."""
    name = sanitize_filename(name)
    if size is None:
        fileobj.seek(0, os.SEEK_END)
        size = fileobj.tell()
    if size > max_upload_bytes():
        raise UploadRefused(
            _("“%(name)s” is %(size)s MB; the largest file accepted is %(max)s MB.")
            % {"name": name, "size": number_format(size / 1024 / 1024, 1), "max": settings.MAX_UPLOAD_MB}
        )
    if size == 0:
        raise UploadRefused(_("“%(name)s” is empty.") % {"name": name})
    fileobj.seek(0)
    head = fileobj.read(HEAD_BYTES)
    fileobj.seek(0)
    _refuse_dangerous(head, name)
    kind = sniff(head, fileobj, name)
    ext = extension_of(name)
    if kind == "ole":
        if not _ole_is_word(fileobj):
            raise UploadRefused(
                _("“%(name)s” is an old Office file that is not a Word document; save it as PDF or a recent format.")
                % {"name": name}
            )
        kind = "doc"
    if kind == "text":
        if ext != ".txt":
            raise UploadRefused(
                _("“%(name)s” is plain text but not named .txt; only .txt text files are accepted.") % {"name": name}
            )
        kind = "txt"
    if kind in ("zip", "odf-other"):
        raise UploadRefused(
            _(
                "“%(name)s” is an archive or an OpenDocument file other than text; upload zip archives with "
                "the “zip of several files” field, and convert other formats to PDF."
            )
            % {"name": name}
        )
    if kind == "broken-zip":
        raise UploadRefused(_("“%(name)s” looks like an Office or zip file but is damaged.") % {"name": name})
    if kind == "unknown":
        guess = _describe_unknown(head)
        what = _(" (it looks like: %(guess)s)") % {"guess": guess} if guess else ""
        raise UploadRefused(
            _("“%(name)s” is of a type that is not accepted%(what)s. Accepted: %(types)s.")
            % {"name": name, "what": what, "types": ", ".join(t.label for t in TYPES.values())}
        )
    filetype = TYPES[kind]
    if not ext:
        raise UploadRefused(
            _("“%(name)s” has no extension; name it like the content, e.g. “%(example)s”.")
            % {"name": name, "example": name + filetype.extensions[0]}
        )
    if ext not in filetype.extensions:
        raise UploadRefused(
            _("“%(name)s” is named %(ext)s but its content is %(label)s; rename it or upload the right file.")
            % {"name": name, "ext": ext, "label": filetype.label}
        )
    return filetype


# --- Zip archives of several files ------------------------------------------------------
@dataclass
class ZipMember:
    name: str
    content: bytes
    filetype: FileType


@dataclass
class ZipResult:
    accepted: list[ZipMember]
    refused: list[tuple[str, str]]  # (name, reason)


_JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)


def expand_zip(fileobj, name: str = "archive.zip") -> ZipResult:
    """Check every file inside a zip; raise UploadRefused for the archive as a whole."""
    name = sanitize_filename(name)
    fileobj.seek(0, os.SEEK_END)
    archive_size = fileobj.tell()
    fileobj.seek(0)
    if archive_size > max_upload_bytes():
        raise UploadRefused(_("“%(name)s” is larger than %(max)s MB.") % {"name": name, "max": settings.MAX_UPLOAD_MB})
    try:
        archive = zipfile.ZipFile(fileobj)
        infos = [i for i in archive.infolist() if not i.is_dir() and not _JUNK.search(i.filename)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UploadRefused(_("“%(name)s” is not a readable zip archive.") % {"name": name}) from None
    if len(infos) > ZIP_MAX_MEMBERS:
        raise UploadRefused(
            _("“%(name)s” holds %(count)s files; at most %(max)s are accepted in one archive.")
            % {"name": name, "count": len(infos), "max": ZIP_MAX_MEMBERS}
        )
    declared = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos) or 1
    limit = 4 * max_upload_bytes()
    if declared > limit or (declared > 10 * 1024 * 1024 and declared / compressed > ZIP_MAX_RATIO):
        raise UploadRefused(
            _(
                "“%(name)s” would expand to %(size)s MB from %(packed)s MB: refused as a possible zip bomb. "
                "Split it or upload the files one by one."
            )
            % {
                "name": name,
                "size": number_format(declared / 1024 / 1024, 0),
                "packed": number_format(compressed / 1024 / 1024, 1),
            }
        )
    accepted, refused = [], []
    for info in infos:
        member_name = sanitize_filename(info.filename)
        if info.flag_bits & 0x1:
            refused.append((member_name, _("it is encrypted")))
            continue
        if info.file_size > max_upload_bytes():
            refused.append((member_name, _("larger than %(max)s MB") % {"max": settings.MAX_UPLOAD_MB}))
            continue
        if info.file_size > 1024 * 1024 and info.file_size / max(info.compress_size, 1) > ZIP_MAX_RATIO:
            refused.append((member_name, _("compressed suspiciously well (a possible zip bomb)")))
            continue
        try:
            # ZipExtFile never returns more than the declared size, which we checked above.
            content = archive.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
            refused.append((member_name, _("damaged inside the archive")))
            continue
        if content[:4] == b"PK\x03\x04" and _zip_kind(io.BytesIO(content)) == "zip":
            refused.append((member_name, _("archives inside archives are not accepted")))
            continue
        try:
            filetype = detect(io.BytesIO(content), member_name, size=len(content))
        except UploadRefused as exc:
            refused.append((member_name, str(exc)))
            continue
        accepted.append(ZipMember(member_name, content, filetype))
    return ZipResult(accepted, refused)


def is_zip_archive(fileobj) -> bool:
    fileobj.seek(0)
    head = fileobj.read(4)
    fileobj.seek(0)
    if head != b"PK\x03\x04":
        return False
    kind = _zip_kind(fileobj)
    fileobj.seek(0)
    return kind == "zip"
