"""Text extraction of one file, run in a child process: ``python -m secretaria.documents.extract PATH TYPE``.

It prints the text (UTF-8) on stdout and exits 0; exits 3 with a reason on stderr when the
type has no text to take; any other failure exits non-zero with a one-line reason. It never
imports Django: the parent (``extraction.py``) bounds its time and memory, so a hostile file
can only make this process fail.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile

MAX_CHARS = 2_000_000  # what is kept per file; the rest is not needed for search
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
EXIT_NOT_EXTRACTABLE = 3


class NotExtractable(Exception):  # noqa: N818
    pass


class Refused(Exception):  # noqa: N818
    pass


def _check_zip(path: str) -> None:
    """OOXML and ODF files are zips: refuse one that would expand absurdly before parsing it."""
    with zipfile.ZipFile(path) as archive:
        total = sum(i.file_size for i in archive.infolist())
    if total > MAX_ZIP_UNCOMPRESSED:
        raise Refused(f"the file would expand to {total // (1024 * 1024)} MB of XML (a possible zip bomb)")


def extract_pdf(path: str) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 - the child process loads only the parser this file type needs

    reader = PdfReader(path)
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                raise Refused("the PDF is encrypted with a password")
        except Refused:
            raise
        except Exception:
            raise Refused("the PDF is encrypted") from None
    parts, size = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_CHARS:
            break
    return "\n".join(parts)


def extract_docx(path: str) -> str:
    _check_zip(path)
    import docx  # noqa: PLC0415 - the child process loads only the parser this file type needs

    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def extract_odt(path: str) -> str:
    _check_zip(path)
    from defusedxml import ElementTree  # noqa: PLC0415 - the child process loads only the parser this file type needs

    with zipfile.ZipFile(path) as archive:
        xml = archive.read("content.xml")
    root = ElementTree.fromstring(xml)
    text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    lines = []
    for element in root.iter():
        if element.tag in (f"{text_ns}p", f"{text_ns}h"):
            lines.append("".join(element.itertext()))
    return "\n".join(lines)


def extract_pptx(path: str) -> str:
    _check_zip(path)
    from pptx import Presentation  # noqa: PLC0415 - the child process loads only the parser this file type needs

    presentation = Presentation(path)
    lines = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                lines.extend(paragraph.text for paragraph in shape.text_frame.paragraphs)
    return "\n".join(lines)


def extract_xlsx(path: str) -> str:
    _check_zip(path)
    from openpyxl import load_workbook  # noqa: PLC0415 - the child process loads only the parser this file type needs

    workbook = load_workbook(path, read_only=True, data_only=True)
    lines, size = [], 0
    for sheet in workbook.worksheets:
        lines.append(str(sheet.title))
        for row in sheet.iter_rows(values_only=True):
            line = " ".join(str(value) for value in row if value is not None)
            if line:
                lines.append(line)
                size += len(line)
            if size > MAX_CHARS:
                break
    workbook.close()
    return "\n".join(lines)


def extract_rtf(path: str) -> str:
    from striprtf.striprtf import rtf_to_text  # noqa: PLC0415 - the child process loads only the parser this file type needs

    with open(path, "rb") as fh:
        raw = fh.read()
    return rtf_to_text(raw.decode("latin-1"), errors="ignore")


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, else Latin-1 (which always decodes)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for codec in ("utf-8", "cp1252"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def extract_txt(path: str) -> str:
    with open(path, "rb") as fh:
        return decode_text(fh.read(MAX_CHARS * 4))


def extract_doc(path: str) -> str:
    antiword = shutil.which("antiword")
    if not antiword:
        raise NotExtractable("antiword is not installed on this server")
    result = subprocess.run(  # noqa: S603 - fixed program, path given as one argument
        [antiword, "-m", "UTF-8.txt", path], capture_output=True, check=False
    )
    if result.returncode != 0:
        raise Refused("antiword could not read it: " + result.stderr.decode("utf-8", "replace").strip()[:200])
    return result.stdout.decode("utf-8", "replace")


EXTRACTORS = {
    "pdf": extract_pdf,
    "docx": extract_docx,
    "odt": extract_odt,
    "pptx": extract_pptx,
    "xlsx": extract_xlsx,
    "rtf": extract_rtf,
    "txt": extract_txt,
    "doc": extract_doc,
}

_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def normalise(text: str) -> str:
    text = text.replace("\x00", "")
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()[:MAX_CHARS]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: python -m secretaria.documents.extract PATH TYPE\n")
        return 2
    path, kind = argv
    extractor = EXTRACTORS.get(kind)
    try:
        if extractor is None:
            raise NotExtractable(f"files of type {kind} carry no text to extract")
        text = normalise(extractor(path))
    except NotExtractable as exc:
        sys.stderr.write(str(exc)[:400])
        return EXIT_NOT_EXTRACTABLE
    except Refused as exc:
        sys.stderr.write(str(exc)[:400])
        return 1
    except MemoryError:
        sys.stderr.write("the file needs more memory than allowed to read")
        return 1
    except RecursionError:
        sys.stderr.write("the file's structure is nested too deeply (it may loop)")
        return 1
    except Exception as exc:  # a damaged file can raise anything from any parser
        sys.stderr.write(f"the file could not be read ({type(exc).__name__}: {str(exc)[:200]})")
        return 1
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="replace")
    out.write(text)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
