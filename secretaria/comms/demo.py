"""Demo distribution lists, as the seed report plans them ("listas de correo de difusión automática").

Five lists: the public documents list, the GRCM's members-only list, the consular network's
list, the public meetings list (meetings announced, agendas approved), and the public bulletin list with the bulletin of changes the seed says was sent for
May–November 2004. Natural keys (list slugs, the bulletin's period) keep it idempotent; members
are subscribed by role and group through the same sync the mailer runs.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from secretaria.comms import services
from secretaria.comms.bulletins import draft_sections
from secretaria.comms.models import Bulletin, ListRule, MailingList
from secretaria.core.access import AccessLevel, Role
from secretaria.directory.models import Group

LISTS = [
    {
        "slug": "documentos",
        "name_es": "Documentos de la CRM",
        "name_en": "RCM documents",
        "description_es": "Un mensaje por cada documento que la Secretaría Técnica publica en la Secretaría Virtual.",
        "description_en": "One message for each document the Technical Secretariat publishes on the Virtual Secretariat.",
        "kind": MailingList.Kind.AUTOMATIC,
        "access_level": AccessLevel.PUBLIC,
        "auto_roles": [Role.MEMBER, Role.PPT, Role.OBSERVER, Role.SECRETARIAT],
        "rules": [{"event_kind": "document.published"}],
    },
    {
        "slug": "grcm",
        "name_es": "Grupo Regional de Consulta sobre Migración",
        "name_en": "Regional Consultation Group on Migration",
        "description_es": "Convocatorias, agendas e informes para los países miembros: informes semestrales de "
        "actividades y financieros de la Secretaría Técnica, informes del fondo de reserva.",
        "description_en": "Calls, agendas and reports for the member countries: the Technical Secretariat's "
        "six-monthly activity and financial reports, reports of the reserve fund.",
        "kind": MailingList.Kind.AUTOMATIC,
        "access_level": AccessLevel.MEMBERS,
        "auto_roles": [Role.MEMBER, Role.PPT, Role.SECRETARIAT],
        "allow_opt_out": False,
        "allow_self_subscribe": False,
        "rules": [{"event_kind": "document.published", "group_slug": "grcm"}],
    },
    {
        "slug": "red-proteccion-consular",
        "name_es": "Red de Funcionarios de Enlace para la Protección Consular",
        "name_en": "Liaison Officer Network for Consular Protection",
        "description_es": "Documentos y avisos de la red de protección consular, para sus funcionarios de enlace.",
        "description_en": "Documents and notices of the consular protection network, for its liaison officers.",
        "kind": MailingList.Kind.AUTOMATIC,
        "access_level": AccessLevel.GROUP,
        "group_slug": "red-proteccion-consular",
        "rules": [{"event_kind": "document.published", "group_slug": "red-proteccion-consular"}],
    },
    {
        "slug": "reuniones",
        "name_es": "Reuniones de la CRM",
        "name_en": "RCM meetings",
        "description_es": "Un aviso por cada reunión convocada y por cada agenda aprobada por la Presidencia Pro-Témpore.",
        "description_en": "A notice for each meeting announced and each agenda approved by the Pro-Tempore Presidency.",
        "kind": MailingList.Kind.AUTOMATIC,
        "access_level": AccessLevel.PUBLIC,
        "auto_roles": [Role.MEMBER, Role.PPT, Role.SECRETARIAT],
        "rules": [{"event_kind": "meeting.announced"}, {"event_kind": "agenda.approved"}],
    },
    {
        "slug": "boletines",
        "name_es": "Boletines de la Secretaría Virtual",
        "name_en": "Virtual Secretariat bulletins",
        "description_es": "Boletines informativos sobre cambios y actualizaciones de los dos sitios de la Secretaría Virtual.",
        "description_en": "Bulletins on changes and updates to the two sites of the Virtual Secretariat.",
        "kind": MailingList.Kind.ANNOUNCEMENT,
        "access_level": AccessLevel.PUBLIC,
        "auto_roles": [Role.MEMBER, Role.PPT, Role.OBSERVER, Role.REGISTERED, Role.SECRETARIAT],
        "rules": [],
    },
]

INTRO_ES = (
    "Durante el período mayo-noviembre de 2004 la Secretaría Técnica publicó en la Secretaría Virtual los "
    "documentos del seminario sobre Migración y Salud (Ciudad de Guatemala, 18-19 de octubre) y los documentos "
    "de trabajo del Taller sobre la Convención de Palermo. Se adquirieron servidores nuevos; la migración del "
    "contenido de los dos sitios se hará a finales de diciembre de 2004."
)
INTRO_EN = (
    "From May to November 2004 the Technical Secretariat published on the Virtual Secretariat the documents of "
    "the seminar on Migration and Health (Guatemala City, 18-19 October) and the working documents of the "
    "Workshop on the Palermo Convention. New servers were bought; the content of the two sites moves to them at "
    "the end of December 2004."
)


def load(*, stdout, style) -> None:
    groups = {g.slug: g for g in Group.objects.filter(slug__in=["grcm", "red-proteccion-consular"])}
    for spec in LISTS:
        spec = dict(spec)
        rules = spec.pop("rules")
        group = groups.get(spec.pop("group_slug", ""))
        if spec["access_level"] == AccessLevel.GROUP:
            if group is None:
                continue
            spec["access_group"] = group
            spec["auto_group"] = group
        lst, _created = MailingList.objects.update_or_create(slug=spec.pop("slug"), defaults=spec)
        for rule in rules:
            rule = dict(rule)
            rule_group = groups.get(rule.pop("group_slug", ""))
            ListRule.objects.get_or_create(mailing_list=lst, group=rule_group, **rule)
    counts = services.subscriptions_sync()
    stdout.write(f"comms: {MailingList.objects.count()} lists, {counts['added']} automatic subscriptions added")

    start, end = datetime.date(2004, 5, 1), datetime.date(2004, 11, 30)
    if not Bulletin.objects.filter(period_start=start, period_end=end).exists():
        sections = draft_sections(start, end, AccessLevel.PUBLIC)
        bulletin = Bulletin.objects.create(
            period_start=start,
            period_end=end,
            title_es="Boletín de cambios y actualizaciones, mayo-noviembre de 2004",
            title_en="Bulletin of changes and updates, May-November 2004",
            body_es="\n\n".join([INTRO_ES, *sections["es"]]),
            body_en="\n\n".join([INTRO_EN, *sections["en"]]),
            access_level=AccessLevel.PUBLIC,
        )
        # Archived as sent: the seed says it went out in 2004, before this system existed, so no mail is queued.
        bulletin.status = Bulletin.Status.SENT
        bulletin.mailing_list = MailingList.objects.get(slug="boletines")
        # Dated as the seed tells it: written and sent at the close of the period, not on the day of the load.
        sent = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(10)))
        bulletin.sent_at = sent
        bulletin.save(update_fields=["status", "mailing_list", "sent_at"])
        Bulletin.objects.filter(pk=bulletin.pk).update(created_at=sent)


def link(*, stdout, style) -> None:
    """Once every app has loaded: subscribe by role the accounts that later apps' demos made
    (the reserve fund's), so a second ``load_demo`` finds nothing left to add."""
    counts = services.subscriptions_sync()
    if counts["added"]:
        stdout.write(f"comms: {counts['added']} automatic subscriptions added for later demo accounts")
