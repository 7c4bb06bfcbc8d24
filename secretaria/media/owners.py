"""What a gallery may belong to besides a meeting: a registry the apps above media fill.

A meeting is a foreign key (meetings sits below media). A portal page or an outreach engagement
sits above media, so media cannot name them; such an app registers its model here from its
``AppConfig.ready()``::

    from secretaria.media.owners import OwnerKind, register_owner
    register_owner(OwnerKind("portal.page", can_view=lambda user, page: ..., url=lambda page: page.get_absolute_url()))

and creates galleries with ``media.services.gallery_create(owner=page, …)``; its page lists them with
``media.selectors.galleries_for(user, owner=page)``. A gallery whose owner the reader may not see is
hidden like a restricted gallery.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class OwnerKind:
    label: str  # "app_label.model"
    can_view: Callable  # (user, owner) -> bool
    url: Callable  # (owner) -> str
    level: Callable | None = None  # (owner) -> (access level, group id): bounds the gallery's level in the search


_OWNERS: dict[str, OwnerKind] = {}


def register_owner(kind: OwnerKind) -> None:
    _OWNERS[kind.label] = kind


def owner_kind(label: str) -> OwnerKind | None:
    return _OWNERS.get(label)


def owner_label(obj) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def resolve(key: str):
    """The registered owner named ``app_label.model:pk`` (from a form), or None."""
    label, _sep, pk = key.partition(":")
    if owner_kind(label) is None or not pk.isdigit():
        return None
    app_label, _dot, model = label.partition(".")
    try:
        model_class = ContentType.objects.get_by_natural_key(app_label, model).model_class()
    except ContentType.DoesNotExist:
        return None
    return model_class._default_manager.filter(pk=int(pk)).first() if model_class else None


def owner_visible(user, gallery) -> bool:
    """True when the gallery has no owner, or its owner's app says the reader may see it."""
    if gallery.owner_type_id is None:
        return True
    kind = owner_kind(f"{gallery.owner_type.app_label}.{gallery.owner_type.model}")
    return kind is not None and gallery.owner is not None and bool(kind.can_view(user, gallery.owner))


def owner_level(gallery) -> tuple[str, int | None] | None:
    """The owner's (level, group) when its app gives one, to index the gallery no wider than its owner."""
    if gallery.owner_type_id is None:
        return None
    kind = owner_kind(f"{gallery.owner_type.app_label}.{gallery.owner_type.model}")
    if kind is None or kind.level is None or gallery.owner is None:
        return None
    return kind.level(gallery.owner)
