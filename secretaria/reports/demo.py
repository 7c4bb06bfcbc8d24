"""Demo data of the reports app: what the seed report tells that no workflow of the site records
(the moderation, the IT support, the protocol of the reserve fund, the preliminary communications
and the mission to Panama, entered by hand in the activity record), the working documents of the
Panama meetings, and the Secretariat's list of platform changes for section C."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from secretaria.accounts.models import User
from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.meetings.models import Meeting
from secretaria.outreach.models import Engagement
from secretaria.reports.models import PlatformChange

D = datetime.date

MANUAL = [
    # (meeting slug, kind, date, summary es, summary en)
    ("ix-crm-2004", Activity.Kind.COORDINATION, D(2004, 8, 20),
     "Preparación en conjunto con la OIM y la Presidencia Pro-Témpore del protocolo entre la OIM y la CRM para la "
     "utilización del fondo de reserva de la ST para casos de retorno voluntario en situaciones de alta vulnerabilidad",
     "Protocol between IOM and the RCM for the use of the Secretariat's reserve fund for voluntary return in "
     "situations of high vulnerability, prepared with IOM and the Pro-Tempore Presidency"),
    ("seminario-migracion-y-salud-2004", Activity.Kind.MODERATION, D(2004, 10, 18),
     "Moderación del evento a cargo del Coordinador, a petición de los países patrocinadores",
     "The Coordinator moderated the event, at the request of the sponsor countries"),
    ("seminario-migracion-y-salud-2004", Activity.Kind.IT_SUPPORT, D(2004, 10, 19),
     "Suministro de servicios de administración y apoyo en informática",
     "Administrative services and IT support provided"),
    ("taller-convencion-palermo-2004", Activity.Kind.COORDINATION, D(2004, 9, 20),
     "Preparación de las comunicaciones preliminares sobre asuntos administrativos, financieros, operativos y "
     "logísticos", "Preliminary communications on administrative, financial, operational and logistic matters prepared"),
    ("taller-convencion-palermo-2004", Activity.Kind.MISSION, D(2004, 10, 25),
     "Visita a Panamá para coordinar trabajo con la Presidencia Pro-Témpore y negociar la contratación de los "
     "servicios de interpretación y provisión de equipo de audio-visuales",
     "Visit to Panama to coordinate with the Pro-Tempore Presidency and negotiate the interpretation services and "
     "the audio-visual equipment"),
    ("taller-convencion-palermo-2004", Activity.Kind.DOCUMENT_PUBLISHED, D(2004, 11, 22),
     "Taller sobre la Convención de Palermo: documentos de trabajo e información administrativo/logística publicados",
     "Workshop on the Palermo Convention: working documents and administrative and logistics information published"),
]  # fmt: skip

CHANGES = [
    (D(2004, 11, 15), PlatformChange.Category.TECHNOLOGY,
     "Actualización de tecnología (hardware/software)", "Technology update (hardware and software)",
     "Los servidores de la SV se encuentran cerca del fin de su vida útil. Se adquirieron hace 5-6 años; su capacidad "
     "de procesamiento y almacenamiento es muy limitada y el fabricante solo ofrece actualizaciones críticas.\n"
     "Se adquirió hardware y software nuevos, con una capacidad de almacenaje de información de por lo menos 6-7 "
     "años, que mejorará el acceso a los sitios Web, los foros de discusión y los niveles de seguridad.",
     "The VS servers are near the end of their life: bought 5-6 years ago, their processing and storage capacity is "
     "very limited and the vendor only offers critical updates.\n"
     "New hardware and software were acquired, with storage for at least 6-7 years, which will improve access to the "
     "web sites, the discussion forums and security."),
    (D(2004, 11, 16), PlatformChange.Category.SERVICE,
     "Nuevos servicios a los usuarios", "New services for the users",
     "Estas mejoras permitirán ofrecer videos (presentaciones, sesiones de apertura, discursos, traspaso de la "
     "Presidencia Pro-Témpore), más fotografías de las sesiones de trabajo y listas de correo de difusión automática.",
     "These improvements will allow videos (presentations, opening sessions, speeches, the handover of the "
     "Pro-Tempore Presidency), more photographs of the working sessions and automatic distribution lists."),
    (D(2004, 11, 17), PlatformChange.Category.MIGRATION,
     "Migración a los nuevos servidores", "Migration to the new servers",
     "La migración del contenido de los sitios de la SV a los nuevos equipos se hará a finales de diciembre de 2004.",
     "The content of the VS sites will be moved to the new servers at the end of December 2004."),
]  # fmt: skip


def load(*, stdout, style):
    st_user = User.objects.filter(username="st").first()
    meetings = {m.slug: m for m in Meeting.objects.filter(slug__in={row[0] for row in MANUAL})}
    mission = Engagement.objects.filter(kind=Engagement.Kind.MISSION, title_es__startswith="Visita a Panamá").first()
    added = 0
    for slug, kind, day, es, en in MANUAL:
        meeting = meetings.get(slug)
        if meeting is None:
            continue
        on = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        # The mission entry names the outreach app's mission, so section B does not tell it again.
        obj = mission if kind == Activity.Kind.MISSION else None
        existing = Activity.objects.filter(kind=kind, meeting=meeting, occurred_at=on).first()
        if existing is not None:
            if obj is not None and not existing.object_id:
                Activity.objects.filter(pk=existing.pk).update(
                    content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
                )
            continue
        activity_record(kind=kind, actor=st_user, meeting=meeting, obj=obj, summary_es=es, summary_en=en, on=on,
                        manual=kind != Activity.Kind.DOCUMENT_PUBLISHED)  # fmt: skip
        added += 1
    for day, category, title_es, title_en, body_es, body_en in CHANGES:
        PlatformChange.objects.update_or_create(
            recorded_on=day, title_es=title_es,
            defaults={"category": category, "title_en": title_en, "body_es": body_es, "body_en": body_en,
                      "created_by": st_user},
        )  # fmt: skip
    stdout.write(f"  reports: {added} activity entries added by hand, {len(CHANGES)} platform changes")
