import io

import docx
import pytest
from django.urls import reverse

from secretaria.meetings.exports import agenda as exports


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_pdf_is_a_pdf(draft, lang):
    data = exports.agenda_pdf(draft, lang)
    assert data.startswith(b"%PDF")
    assert len(data) > 1000


def test_the_docx_opens_and_has_the_items_in_each_language(draft):
    spanish = docx.Document(io.BytesIO(exports.agenda_docx(draft, "es")))
    text = "\n".join(p.text for p in spanish.paragraphs)
    assert "Seminario Migración y Salud" in text
    assert "Inauguración" in text and "Migración y VIH/SIDA" in text
    assert "Lilian Reneau (OIM)" in text
    english = docx.Document(io.BytesIO(exports.agenda_docx(draft, "en")))
    text = "\n".join(p.text for p in english.paragraphs)
    assert "Seminar on Migration and Health" in text and "Migration and HIV/AIDS" in text
    assert "Lilian Reneau (IOM)" in text


def test_the_exports_are_downloaded_by_those_who_see_the_version(draft, st_officer, client_for):
    st = client_for(st_officer)
    for fmt, ctype in (("pdf", "application/pdf"), ("docx", "application/vnd.openxmlformats")):
        url = reverse("meetings:agenda_export", kwargs={"slug": draft.meeting.slug, "pk": draft.pk, "fmt": fmt,
                                                        "lang": "en"})  # fmt: skip
        response = st.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(ctype)
        assert "attachment" in response["Content-Disposition"]
    bad = reverse("meetings:agenda_export", kwargs={"slug": draft.meeting.slug, "pk": draft.pk, "fmt": "xls",
                                                    "lang": "en"})  # fmt: skip
    assert st.get(bad).status_code == 404
