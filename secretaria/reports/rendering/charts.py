"""The financial annex's charts as PNG (drawn by ``core.charts``, matplotlib's Agg backend)."""

from __future__ import annotations

from secretaria.core.charts import bar_png as _bar_png


def bar_png(chart: dict, lang: str) -> bytes:
    """The chart in ``lang``; the same chart is drawn once for the DOCX, the PDF and the page."""
    return _bar_png(chart[f"title_{lang}"], chart[f"labels_{lang}"], chart["values"])
