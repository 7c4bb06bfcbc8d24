"""Panels of the members' dashboard.

Each app registers panels in its AppConfig.ready(): a template and a function that
returns the panel's context for a user, or None when the panel does not concern them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable  # (request) -> dict | None
    order: int = 100


_PANELS: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    _PANELS[panel.key] = panel


def panels_for(request) -> list[tuple[Panel, dict]]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
        ctx = panel.context(request)
        if ctx is not None:
            shown.append((panel, ctx))
    return shown


# Blocks of the public home page, registered the same way by the apps that have something
# current to show (the meetings app: current and upcoming meetings).
_HOME_PANELS: dict[str, Panel] = {}


def register_home_panel(panel: Panel) -> None:
    _HOME_PANELS[panel.key] = panel


def home_panels_for(request) -> list[tuple[Panel, dict]]:
    shown = []
    for panel in sorted(_HOME_PANELS.values(), key=lambda p: (p.order, p.key)):
        ctx = panel.context(request)
        if ctx is not None:
            shown.append((panel, ctx))
    return shown
