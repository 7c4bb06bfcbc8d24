"""PDFs whose text renders exactly in any language: fpdf2 with DejaVu Sans embedded (Debian's
fonts-dejavu-core), as the reports and the reserve fund's statistics write them."""

from __future__ import annotations

import logging
from pathlib import Path

# fontTools logs every subsetting step at INFO when fpdf2 embeds the fonts.
logging.getLogger("fontTools").setLevel(logging.WARNING)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FAMILY = "DejaVu"


def add_unicode_fonts(pdf) -> str:
    """Register DejaVu Sans (regular, bold, oblique, bold oblique) on an ``FPDF``; returns the family's name."""
    pdf.add_font(FAMILY, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_font(FAMILY, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    pdf.add_font(FAMILY, "BI", str(FONT_DIR / "DejaVuSans-BoldOblique.ttf"))
    return FAMILY
