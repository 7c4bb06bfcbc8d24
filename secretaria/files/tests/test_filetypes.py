import io
import zipfile

import pytest
from django.utils import translation

from secretaria.documents.tests.conftest import SAMPLES
from secretaria.files.filetypes import UploadRefused, detect, expand_zip, sanitize_filename


@pytest.fixture(autouse=True)
def english():
    """The refusal messages are checked in English (the pages' Spanish is checked in test_views)."""
    with translation.override("en"):
        yield


NAMES = {
    "pdf": "informe.pdf",
    "docx": "carta.docx",
    "odt": "notas.odt",
    "pptx": "presentación.pptx",
    "xlsx": "cuadro.xlsx",
    "rtf": "agenda.rtf",
    "txt": "nota.txt",
    "png": "foto.png",
    "jpeg": "foto.JPG",
    "gif": "logo.gif",
    "webp": "mapa.webp",
    "mp4": "apertura.mp4",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_it_accepts_each_supported_type_decided_from_the_content(code):
    assert detect(io.BytesIO(SAMPLES[code]()), NAMES[code]).code == code


def test_it_recognises_a_legacy_word_document_from_its_compound_file_stream():
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    content = header + "WordDocument".encode("utf-16-le") + b"\x00" * 100
    assert detect(io.BytesIO(content), "acta.doc").code == "doc"
    with pytest.raises(UploadRefused, match="not a Word document"):
        detect(io.BytesIO(header + b"\x00" * 200), "hoja.doc")


def refused(content: bytes, name: str) -> str:
    with pytest.raises(UploadRefused) as exc:
        detect(io.BytesIO(content), name)
    return str(exc.value)


def test_it_refuses_windows_executables_even_renamed():
    assert "program" in refused(b"MZ\x90\x00\x03" + b"\x00" * 100, "informe.pdf")


def test_it_refuses_elf_and_mach_o_executables():
    assert "ELF" in refused(b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "tool")
    assert "Mach-O" in refused(b"\xcf\xfa\xed\xfe" + b"\x00" * 100, "tool.pdf")


def test_it_refuses_shell_scripts():
    assert "script" in refused(b"#!/bin/sh\nrm -rf /\n", "nota.txt")


def test_it_refuses_html_even_named_txt():
    assert "HTML" in refused(b"<!DOCTYPE html><html><script>alert(1)</script></html>", "nota.txt")
    assert "HTML" in refused(b"  <html><body>hola</body></html>", "pagina.html")


def test_it_refuses_svg_images():
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "SVG" in refused(svg, "logo.svg")
    assert "SVG" in refused(b"<svg onload='alert(1)'/>", "logo.png")


def test_it_refuses_content_that_does_not_match_the_extension():
    message = refused(SAMPLES["pdf"](), "carta.docx")
    assert ".docx" in message and "PDF" in message
    assert "Word (DOCX)" in refused(SAMPLES["docx"](), "carta.pdf")
    assert "PNG" in refused(SAMPLES["png"](), "foto.jpg")


def test_it_refuses_unknown_types_and_names_what_they_look_like():
    gzip_head = b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4
    message = refused(gzip_head, "datos.pdf")
    assert "not accepted" in message and "GZIP" in message


def test_it_refuses_text_not_named_txt():
    assert ".txt" in refused(b"a,b,c\n1,2,3\n", "datos.csv")


def test_it_refuses_files_larger_than_the_limit_with_a_clear_message(settings):
    settings.MAX_UPLOAD_MB = 1
    message = refused(SAMPLES["pdf"]() + b"\x00" * (1024 * 1024), "grande.pdf")
    assert "largest file accepted is 1 MB" in message


def test_the_size_in_a_refusal_is_written_the_spanish_way_in_spanish(settings):
    settings.MAX_UPLOAD_MB = 1
    with translation.override("es"):
        message = refused(SAMPLES["pdf"]() + b"\x00" * (1024 * 1024), "grande.pdf")
    assert message == "«grande.pdf» pesa 1,0 MB; el tamaño máximo aceptado es de 1 MB."


def test_it_refuses_empty_files():
    assert "empty" in refused(b"", "nada.pdf")


def test_it_strips_paths_and_control_characters_from_names():
    assert sanitize_filename("../../etc/passwd") == "passwd"
    assert sanitize_filename("C:\\Users\\ST\\Convención\x00 de\x1b Palermo.pdf") == "Convención de Palermo.pdf"
    assert sanitize_filename("informe\u202egpj.exe") == "informegpj.exe"
    assert sanitize_filename("") == "file"


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    out.seek(0)
    return out


def test_a_zip_is_opened_and_each_refused_member_is_reported_by_name_and_reason():
    archive = _zip(
        {
            "carpeta/informe_ES.pdf": SAMPLES["pdf"](),
            "carpeta/informe_EN.docx": SAMPLES["docx"](),
            "virus.exe": b"MZ" + b"\x00" * 200,
            "pagina.html": b"<html><script>x</script></html>",
            "falso.pdf": SAMPLES["docx"](),
            "__MACOSX/._informe_ES.pdf": b"junk",
        }
    )
    result = expand_zip(archive, "seminario.zip")
    assert sorted(m.name for m in result.accepted) == ["informe_EN.docx", "informe_ES.pdf"]
    reasons = dict(result.refused)
    assert set(reasons) == {"virus.exe", "pagina.html", "falso.pdf"}
    assert "program" in reasons["virus.exe"]
    assert "HTML" in reasons["pagina.html"]
    assert "Word (DOCX)" in reasons["falso.pdf"]


def test_a_zip_bomb_is_refused_as_a_whole(settings):
    settings.MAX_UPLOAD_MB = 5  # declared expansion limit: 4 × 5 MB
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i in range(3):
            archive.writestr(f"relleno{i}.txt", b"0" * (10 * 1024 * 1024))
    with pytest.raises(UploadRefused, match="zip bomb"):
        expand_zip(io.BytesIO(out.getvalue()), "bomba.zip")


def test_a_zip_with_an_absurd_compression_ratio_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ceros.txt", b"\x00" * (30 * 1024 * 1024))
    with pytest.raises(UploadRefused, match="zip bomb"):
        expand_zip(io.BytesIO(out.getvalue()), "bomba.zip")


def test_archives_inside_archives_are_refused():
    inner = _zip({"a.txt": b"hola"}).getvalue()
    result = expand_zip(_zip({"interno.zip": inner}), "externo.zip")
    assert result.accepted == []
    assert "archives inside archives" in dict(result.refused)["interno.zip"]
