"""Demo data: photos and a short video of the Seminar on Migration and Health (Guatemala City,
18-19 October 2004, sponsored by Canada and Mexico), made at load time with Pillow and PyAV.

Section C of the seed report names what the new servers are to offer: videos (presentations,
opening sessions, speeches, the handover of the Pro-Tempore Presidency) and more photos of the
working sessions. Two galleries: the opening, public (photos and the opening video with Spanish
and English subtitles); the working sessions, for the member countries. Processing runs here at
once so the pages show the images right away. Idempotent: a gallery is keyed on its meeting and title.
"""

from __future__ import annotations

import io

from django.db import transaction

from secretaria.core.access import AccessLevel
from secretaria.media import generate, services, tasks
from secretaria.media.models import Gallery, MediaItem
from secretaria.meetings.models import Meeting

SLUG = "seminario-migracion-y-salud-2004"
CREDIT = ("Secretaría Técnica de la CRM", "RCM Technical Secretariat")

OPENING_PHOTOS = [
    ("Mesa principal de la sesión de apertura", "Head table at the opening session",
     "Cinco personas sentadas a una mesa con banderas de Canadá, Guatemala y México detrás",
     "Five people seated at a table with the flags of Canada, Guatemala and Mexico behind them"),
    ("Palabras de bienvenida del país anfitrión", "Welcome address by the host country",
     "Una oradora en el podio frente al público del seminario",
     "A speaker at the lectern facing the seminar's audience"),
    ("Delegaciones de los países miembros en la sala", "Member-country delegations in the hall",
     "Vista de la sala con delegados sentados por país, con sus placas de identificación",
     "View of the hall with delegates seated by country behind their name plates"),
    ("El Coordinador de la Secretaría Técnica modera el seminario", "The Technical Secretariat's Coordinator moderates the seminar",
     "Un moderador con micrófono da la palabra desde la mesa principal",
     "A moderator with a microphone gives the floor from the head table"),
]  # fmt: skip
WORKING_PHOTOS = [
    ("Mesa de trabajo sobre acceso a servicios de salud", "Working table on access to health services",
     "Delegados alrededor de una mesa redonda con documentos abiertos",
     "Delegates around a round table with open documents"),
    ("Presentación de experiencias nacionales", "Presentation of national experiences",
     "Una presentación proyectada en una pantalla ante los delegados",
     "A presentation projected on a screen before the delegates"),
    ("Redacción de las conclusiones", "Drafting the conclusions",
     "Tres personas revisan un texto en una computadora portátil",
     "Three people review a text on a laptop"),
]  # fmt: skip
SUBTITLES = {
    "es": "1\n00:00:00,000 --> 00:00:01,000\nBienvenidos al Seminario sobre Migración y Salud.\n\n"
    "2\n00:00:01,000 --> 00:00:02,000\nCanadá y México patrocinan este encuentro en Guatemala.\n",
    "en": "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nWelcome to the Seminar on Migration and Health.\n\n"
    "00:00:01.000 --> 00:00:02.000\nCanada and Mexico sponsor this meeting in Guatemala.\n",
}


def _process(item: MediaItem) -> None:
    # The worker would do it; the demo runs it now (the queued task then finds nothing to do).
    tasks.process_item.call(item_id=item.pk)
    item.refresh_from_db()


def _photos(gallery: Gallery, rows, *, hue: int, access_level: str | None = None) -> list[MediaItem]:
    items = []
    for n, (cap_es, cap_en, alt_es, alt_en) in enumerate(rows):
        data = generate.photo(width=1800, height=1200, hue=hue + 3 * n, label=cap_en)
        item = services.item_upload(
            gallery=gallery, fileobj=io.BytesIO(data), name=f"seminario-salud-{hue + n:02d}.jpg", by=None,
            access_level=access_level, caption_es=cap_es, caption_en=cap_en, alt_es=alt_es, alt_en=alt_en,
            credit_es=CREDIT[0], credit_en=CREDIT[1],
        )  # fmt: skip
        _process(item)
        items.append(item)
    return items


def load(*, stdout, style):
    seminar = Meeting.objects.filter(slug=SLUG).first()
    if seminar is None:
        stdout.write(style.WARNING(f"Media: meeting {SLUG} is missing; no galleries."))
        return
    if not Gallery.objects.filter(meeting=seminar, title_es="Sesión de apertura").exists():
        with transaction.atomic():
            opening = services.gallery_create(
                by=None, meeting=seminar, title_es="Sesión de apertura", title_en="Opening session",
                description_es="Inauguración del seminario, 18 de octubre de 2004, Ciudad de Guatemala.",
                description_en="Opening of the seminar, 18 October 2004, Guatemala City.",
                access_level=AccessLevel.PUBLIC,
            )  # fmt: skip
            photos = _photos(opening, OPENING_PHOTOS, hue=0)
            video = services.item_upload(
                gallery=opening, fileobj=io.BytesIO(generate.video(seconds=2.0, width=480, height=270)),
                name="apertura-seminario-salud.mp4", by=None, video_kind=MediaItem.VideoKind.OPENING,
                caption_es="Video de la sesión de apertura", caption_en="Video of the opening session",
                credit_es=CREDIT[0], credit_en=CREDIT[1], poster_time=1.0,
            )  # fmt: skip
            _process(video)
            for lang, text in SUBTITLES.items():
                services.subtitle_add(item=video, language=lang, content=text.encode(), name=f"apertura.{lang}.srt",
                                      by=None)  # fmt: skip
            services.gallery_set_cover(gallery=opening, item=photos[0], by=None)
            services.gallery_publish(gallery=opening, by=None)
    if not Gallery.objects.filter(meeting=seminar, title_es="Sesiones de trabajo").exists():
        with transaction.atomic():
            working = services.gallery_create(
                by=None, meeting=seminar, title_es="Sesiones de trabajo", title_en="Working sessions",
                description_es="Las mesas de trabajo del seminario, para los países miembros.",
                description_en="The seminar's working tables, for the member countries.",
                access_level=AccessLevel.MEMBERS, downloads_allowed=False,
            )  # fmt: skip
            photos = _photos(working, WORKING_PHOTOS, hue=20, access_level=AccessLevel.MEMBERS)
            services.gallery_set_cover(gallery=working, item=photos[0], by=None)
            services.gallery_publish(gallery=working, by=None)
    stdout.write(f"Media: {Gallery.objects.filter(meeting=seminar).count()} galleries of the seminar.")
