"""What the media app tells the distribution lists: ``gallery.published``, so lists and bulletins
can announce new galleries. Registered from ``MediaConfig.ready()``."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretaria.comms.kinds import LANGS, EventKind, Item, absolute, register_event_kind, simple_item_html
from secretaria.core.i18n import pick
from secretaria.media.models import Gallery

GALLERY_PUBLISHED = "gallery.published"


def render_gallery_published(event) -> Item | None:
    gallery = (
        Gallery.objects.filter(pk=event.payload.get("gallery_id"), status=Gallery.Status.PUBLISHED)
        .select_related("meeting")
        .first()
    )
    if gallery is None:
        return None  # unpublished or deleted since
    subject, text, html, title = {}, {}, {}, {}
    for lang in LANGS:
        with translation.override(lang):
            url = absolute(reverse("media:gallery", kwargs={"uid": gallery.uid}))
            name = pick(gallery, "title", lang)
            title[lang] = name
            subject[lang] = gettext("New photos and videos: %(title)s") % {"title": name}
            lines = [gettext("The Technical Secretariat has published a gallery."), pick(gallery, "description", lang)]
            if gallery.meeting_id:
                lines.append(gettext("Meeting: %(meeting)s") % {"meeting": pick(gallery.meeting, "title", lang)})
            lines = [line for line in lines if line]
            text[lang] = "\n\n".join([name, *lines, gettext("See them: %(url)s") % {"url": url}])
            html[lang] = simple_item_html(heading=name, lines=lines, url=url, link_text=gettext("See the gallery"))
    with translation.override(LANGS[0]):
        item_url = absolute(reverse("media:gallery", kwargs={"uid": gallery.uid}))
    return Item(
        subject=subject, text=text, html=html, title=title,
        access_level=gallery.access_level, access_group_id=gallery.access_group_id, url=item_url,
        date=gallery.published_at.date() if gallery.published_at else None, meeting_id=gallery.meeting_id,
    )  # fmt: skip


def register() -> None:
    register_event_kind(EventKind(GALLERY_PUBLISHED, _("Photo gallery published"), render_gallery_published))
