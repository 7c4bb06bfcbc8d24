"""Photos and videos of an outreach engagement (issue 15 §1, issue 14 §2).

Outreach sits below media, so media names the engagement: it registers engagements as gallery
owners (media.owners) and adds a section to the engagement's page through the registry outreach
offers (outreach.sections). A gallery of an engagement is seen by whoever may see the engagement
and the gallery (and each item at its own level); the galleries of a Secretariat-only engagement
(confidential: informal meetings, sensitive missions) are never shown to anyone else, even to the
PPT that reads a request it must approve.
"""

from urllib.parse import quote as urlquote

from django.urls import reverse
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.media import selectors
from secretaria.media.owners import OwnerKind, owner_label, register_owner
from secretaria.media.sections import galleries_context
from secretaria.outreach.sections import EngagementSection, register_section


def can_view_engagement(user, engagement) -> bool:
    if engagement.access_level == AccessLevel.SECRETARIAT and not access.is_secretariat(user):
        return False
    return access.can(user, "outreach.view", engagement)


def engagement_section(request, engagement) -> dict | None:
    user = request.user
    manage = access.can(user, "media.manage")
    if not can_view_engagement(user, engagement):
        return None
    galleries = list(selectors.galleries_for(user, owner=engagement)[:12])
    if not galleries and not manage:
        return None
    key = f"{owner_label(engagement)}:{engagement.pk}"
    return galleries_context(galleries, manage, f"owner={urlquote(key)}", _("New gallery for this engagement"))


def register() -> None:
    register_owner(
        OwnerKind(
            "outreach.engagement",
            can_view=can_view_engagement,
            url=lambda engagement: reverse("outreach:detail", kwargs={"pk": engagement.pk}),
            level=lambda engagement: (engagement.access_level, None),
        )
    )
    register_section(EngagementSection("media", "media/_galleries.html", engagement_section, order=40))
