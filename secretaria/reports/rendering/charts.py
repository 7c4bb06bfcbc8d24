"""Charts of the financial annex as PNG, drawn with matplotlib's Agg backend (no display)."""

from __future__ import annotations

import functools
import io

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402 - after choosing the backend
from matplotlib.figure import Figure  # noqa: E402

plt.rcParams["font.family"] = "DejaVu Sans"


def bar_png(chart: dict, lang: str) -> bytes:
    """The chart in ``lang``; the same chart is drawn once for the DOCX, the PDF and the page."""
    key = (chart["key"], lang, tuple(chart[f"labels_{lang}"]), tuple(chart["values"]), chart[f"title_{lang}"])
    return _bar_png(key)


@functools.lru_cache(maxsize=64)
def _bar_png(key: tuple) -> bytes:
    _key, _lang, labels, values, title = key
    chart = {"values": list(values)}
    fig = Figure(figsize=(6.4, 0.5 + 0.45 * max(1, len(labels))), dpi=130)
    ax = fig.add_subplot()
    ax.barh(range(len(labels)), chart["values"], color="#1f5f8b")
    ax.set_yticks(range(len(labels)), labels=[label[:40] for label in labels], fontsize=8)
    ax.invert_yaxis()
    ax.set_title(title, fontsize=10)
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
