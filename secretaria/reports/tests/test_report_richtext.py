"""Rich text of the report's sections: what the editor sends is cleaned to the allow-list, kept as
a version with its plain text for comparing, and rendered with its bold, italics, links, lists,
quotes and tables in the page, the DOCX and the PDF."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document as Docx
from pypdf import PdfReader

from secretaria.reports import rendering, richtext, selectors, services

pytestmark = pytest.mark.django_db
D = datetime.date
KEY = "meeting.migracion-y-salud.agenda-sponsors"
RICH_ES = (
    '<p>Agenda con <strong>Canadá</strong> y <i>México</i>, ver <a href="https://crmsv.org/agenda" onclick="x()">la '
    "agenda</a>.</p><ul><li>Primer punto</li><li>Segundo punto</li></ul><ol><li>Paso uno</li></ol>"
    "<blockquote><p>Una cita del acta.</p></blockquote>"
    '<figure class="table"><table><tbody><tr><td>Sede</td><td>Guatemala</td></tr></tbody></table></figure>'
    '<script>alert(1)</script><img src="/etc/passwd"><p style="color:red">Fin.</p>'
)
RICH_EN = RICH_ES.replace("Agenda con", "Agenda with").replace(" y <i>", " and <i>").replace("ver <a", "see <a")
RICH_EN = RICH_EN.replace("la agenda", "the agenda")


def test_clean_keeps_the_allow_list_and_drops_the_rest():
    html = richtext.clean(RICH_ES)
    assert "<strong>Canadá</strong>" in html and "<i>México</i>" in html
    assert '<a href="https://crmsv.org/agenda" rel="noopener noreferrer">' in html
    assert "<ul><li>Primer punto</li>" in html and "<blockquote>" in html and "<table>" in html
    for gone in ("script", "alert", "onclick", "<img", "style=", "<figure"):
        assert gone not in html
    assert richtext.clean('<a href="javascript:alert(1)">x</a>') == '<a rel="noopener noreferrer">x</a>'


def test_plain_text_of_rich_text_has_a_line_per_block():
    text = richtext.text_of(richtext.clean(RICH_ES))
    assert text.splitlines() == [
        "Agenda con Canadá y México, ver la agenda.", "• Primer punto", "• Segundo punto", "1. Paso uno",
        "Una cita del acta.", "Sede | Guatemala", "Fin.",
    ]  # fmt: skip
    assert richtext.is_plain("<p>Agenda &amp; logística</p>", "Agenda & logística")
    assert not richtext.is_plain("<p>Agenda <b>&amp;</b> logística</p>", "Agenda & logística")


@pytest.fixture
def edited(seminar, st_officer):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    services.report_edit_section(by=st_officer, report=report, section="support",
                                 paragraphs={KEY: {"state": "edited", "html_es": RICH_ES, "html_en": RICH_EN}},
                                 added=[{"html_es": "<p>Nuevo <em>párrafo</em>.</p>",
                                         "html_en": "<p>New <em>paragraph</em>.</p>"}])  # fmt: skip
    return report


def test_an_edited_paragraph_keeps_clean_html_and_the_versions_compare_as_text(edited):
    version = edited.versions.order_by("-number").first()
    stored = version.edits[KEY]
    assert "<script" not in stored["html_es"] and "<strong>Canadá</strong>" in stored["html_es"]
    assert stored["es"].startswith("Agenda con Canadá y México")
    diff = selectors.compare(edited.versions.get(number=1), version, "es")
    assert ("added", "• Agenda con Canadá y México, ver la agenda.") in diff
    assert ("added", "• Primer punto") in diff and ("added", "Nuevo párrafo.") in diff


def _docx_paragraph(doc, text):
    return next(p for p in doc.paragraphs if p.text.startswith(text))


def test_the_docx_renders_the_rich_text(edited):
    doc = Docx(io.BytesIO(rendering.render(edited, selectors.report_content(edited), "es", "docx")))
    first = _docx_paragraph(doc, "Agenda con Canadá")
    runs = {r.text: r for r in first.runs}
    assert runs["Canadá"].bold and not runs["Agenda con "].bold
    assert runs["México"].italic
    assert [(h.address, h.text) for h in first.hyperlinks] == [("https://crmsv.org/agenda", "la agenda")]
    assert first.style.name == "List Bullet"  # the paragraph was a bullet of the meeting
    assert _docx_paragraph(doc, "Primer punto").style.name == "List Bullet"
    assert _docx_paragraph(doc, "Paso uno").style.name == "List Number"
    assert _docx_paragraph(doc, "Una cita del acta.").style.name == "Quote"
    assert any([c.text for c in t.rows[0].cells] == ["Sede", "Guatemala"] for t in doc.tables)
    new = _docx_paragraph(doc, "Nuevo párrafo.")
    assert [r.text for r in new.runs if r.italic] == ["párrafo"]
    assert "alert" not in "\n".join(p.text for p in doc.paragraphs)


def test_the_pdf_renders_the_rich_text(edited):
    pdf = PdfReader(io.BytesIO(rendering.render(edited, selectors.report_content(edited), "en", "pdf")))
    fonts: dict[str, set] = {}

    def visit(text, cm, tm, font, size):
        if font and text.strip():
            fonts.setdefault(text.strip(), set()).add(str(font.get("/BaseFont")))

    text = ""
    for page in pdf.pages:
        text += page.extract_text(visitor_text=visit)
    flat = " ".join(text.split())
    assert "Agenda with Canadá and México, see the agenda." in flat
    assert "• Primer punto" in flat and "1. Paso uno" in flat and "Una cita del acta." in flat
    assert "New paragraph." in flat and "alert" not in flat
    assert any("Bold" in f for t, fs in fonts.items() if "Canadá" in t for f in fs)
    assert any("Oblique" in f for t, fs in fonts.items() if "México" in t for f in fs)
    uris = [a.get_object()["/A"].get("/URI") for page in pdf.pages for a in page.get("/Annots", [])
            if a.get_object().get("/A")]  # fmt: skip
    assert "https://crmsv.org/agenda" in uris


def test_the_section_page_has_the_editor_and_saves_its_html(seminar, st_officer, client_for):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    client = client_for(st_officer)
    url = reverse("reports:section", args=[report.pk, "support"])
    form = client.get(url).content.decode()
    assert f'name="html_es-{KEY}"' in form and 'class="django_ckeditor_5"' in form
    assert "django_ckeditor_5/dist/bundle.js" in form and "<script>" not in form  # nothing inline for the CSP
    response = client.post(url, {f"state-{KEY}": "kept", f"html_es-{KEY}": RICH_ES, f"html_en-{KEY}": RICH_EN})
    assert response.status_code == 302
    page = client.get(report.get_absolute_url()).content.decode()
    assert (
        "<strong>Canadá</strong>" in page and "<script>alert" not in page and "(editado)" in page
    )  # the state, in the page's language


def test_a_kept_paragraph_sent_back_unchanged_stays_live(seminar, st_officer, client_for):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    p = next(p for s in selectors.report_content(report) for p in s["paragraphs"] if p["key"] == KEY)
    client_for(st_officer).post(reverse("reports:section", args=[report.pk, "support"]), {
        f"state-{KEY}": "kept", f"html_es-{KEY}": f"<p>{p['es']}</p>", f"html_en-{KEY}": f"<p>{p['en']}</p>"
    })  # fmt: skip
    assert KEY not in report.versions.order_by("-number").first().edits


def test_the_editor_upload_address_refuses(st_officer, client_for):
    response = client_for(st_officer).post(reverse("reports:editor_upload"))
    assert response.status_code == 403 and "error" in response.json()
