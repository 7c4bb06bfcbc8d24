"""A server-rendered SVG line chart of completion over time (no script, no style attributes)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import formats

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 12, 32


@dataclass
class Chart:
    width: int
    height: int
    points: str
    dots: list[tuple[float, float, str]]
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    last_percent: int


def completion_chart(series: list[tuple[datetime.date, int, int]]) -> Chart | None:
    if len(series) < 2:
        return None
    start, end = series[0][0], series[-1][0]
    span = max((end - start).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(on: datetime.date) -> float:
        return round(LEFT + plot_w * (on - start).days / span, 1)

    def y(percent: float) -> float:
        return round(TOP + plot_h * (1 - percent / 100), 1)

    coords = []
    dots = []
    previous_y = None
    for on, done, applicable in series:
        percent = 100 * done / applicable if applicable else 0
        if previous_y is not None:
            coords.append(f"{x(on)},{previous_y}")  # a step: the share holds until it changes
        coords.append(f"{x(on)},{y(percent)}")
        previous_y = y(percent)
        dots.append((x(on), y(percent), f"{formats.date_format(on, 'SHORT_DATE_FORMAT')}: {round(percent)} %"))
    x_ticks = _x_ticks(start, end, x)
    last = series[-1]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        points=" ".join(coords),
        dots=dots,
        y_ticks=[(y(p), f"{p} %") for p in (0, 25, 50, 75, 100)],
        x_ticks=x_ticks,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=HEIGHT - BOTTOM,
        last_percent=round(100 * last[1] / last[2]) if last[2] else 0,
    )


def _x_ticks(start: datetime.date, end: datetime.date, x) -> list[tuple[float, str]]:
    """Month ticks (at most about seven) for spans up to two years, year ticks beyond."""
    if (end - start).days <= 2 * 365:
        months = []
        on = datetime.date(start.year, start.month, 1)
        while on <= end:
            if on >= start:
                months.append(on)
            on = datetime.date(on.year + (on.month == 12), on.month % 12 + 1, 1)
        step = max(1, -(-len(months) // 7))
        return [(x(on), formats.date_format(on, "M Y")) for on in months[::step]]
    years = list(range(start.year + 1, end.year + 1))
    step = max(1, -(-len(years) // 7))
    return [(x(datetime.date(year, 1, 1)), str(year)) for year in years[::step]]
