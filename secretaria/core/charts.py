"""Horizontal bar charts as PNG, drawn with matplotlib's Agg backend (no display), in DejaVu Sans
so that every name renders exactly. Generic: the reports' financial annex and the reserve fund's
statistics both draw with it; each caller gives the chart its text alternative."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402 - after choosing the backend
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

plt.rcParams["font.family"] = "DejaVu Sans"
BAR_COLOUR = "#1f5f8b"


def bar_png(
    title: str, labels: Sequence[str], values: Sequence[float | None], notes: Sequence[str] | None = None
) -> bytes:
    """One bar per label. A value of ``None`` draws no bar (a suppressed figure); ``notes``, when
    given, are written at the end of each bar (e.g. "12" or "<5")."""
    return _bar_png(str(title), tuple(map(str, labels)), tuple(values), tuple(notes) if notes is not None else None)


@functools.lru_cache(maxsize=64)
def _bar_png(title: str, labels: tuple, values: tuple, notes: tuple | None) -> bytes:
    drawn = [float(v) if v is not None else 0.0 for v in values]
    fig = Figure(figsize=(6.4, 0.6 + 0.45 * max(1, len(labels))), dpi=130)
    ax = fig.add_subplot()
    ax.barh(range(len(labels)), drawn, color=BAR_COLOUR)
    ax.set_yticks(range(len(labels)), labels=[label[:40] for label in labels], fontsize=8)
    ax.invert_yaxis()
    ax.set_title(title, fontsize=10)
    ax.tick_params(axis="x", labelsize=8)
    if all(isinstance(v, int) for v in values if v is not None):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no "0.4 cases"
    if not any(drawn):
        ax.set_xticks([])  # every figure suppressed: an axis would only suggest a scale
    if notes is not None:
        top = max(drawn, default=0) or 1
        ax.set_xlim(0, top * 1.15)
        for i, (value, note) in enumerate(zip(drawn, notes, strict=True)):
            ax.text(value + top * 0.01, i, note, va="center", fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
