"""Demo forums: the two liaison-officer networks, the GRCM and the members' forum, with
threads on the work of the second half of 2004 as the seed report tells it (the December
meetings in Panama, the Palermo Convention workshop, the reserve-fund protocol, the
follow-up of the IX CRM). Threads are found by forum and title; running it again changes
nothing. Posts go through the services (the authors' rights are checked) without e-mail.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from secretaria.accounts.models import User
from secretaria.core.access import AccessLevel
from secretaria.directory.models import Group
from secretaria.forums import services
from secretaria.forums.models import Forum, Post, Thread

FORUMS = [
    # slug, kind, group slug, name_es, name_en, description_es, description_en
    (
        "red-proteccion-consular", Forum.Kind.GROUP, "red-proteccion-consular",
        "Foro de la Red de Protección Consular", "Consular Protection Network forum",
        "Espacio de trabajo de los funcionarios de enlace para la protección consular y de la Secretaría Técnica.",
        "Working space of the liaison officers for consular protection and the Technical Secretariat.",
    ),
    (
        "red-trafico-trata", Forum.Kind.GROUP, "red-trafico-trata",
        "Foro de la Red contra el Tráfico Ilícito de Migrantes y la Trata de Personas",
        "Network against Migrant Smuggling and Trafficking in Persons forum",
        "Espacio de trabajo de los funcionarios de enlace contra el tráfico ilícito de migrantes y la trata de "
        "personas y de la Secretaría Técnica.",
        "Working space of the liaison officers against migrant smuggling and trafficking in persons and the "
        "Technical Secretariat.",
    ),
    (
        "grcm", Forum.Kind.GROUP, "grcm",
        "Foro del Grupo Regional de Consulta sobre Migración (GRCM)", "Regional Consultation Group on Migration forum",
        "Preparación de las reuniones del GRCM, seguimiento del Plan de Acción y del fondo de reserva.",
        "Preparation of the GRCM meetings, follow-up of the Plan of Action and of the reserve fund.",
    ),
    (
        "miembros", Forum.Kind.MEMBERS, None,
        "Foro de los países miembros", "Member countries' forum",
        "Para los funcionarios de los once países miembros y la Secretaría Técnica.",
        "For the officials of the eleven member countries and the Technical Secretariat.",
    ),
]  # fmt: skip

D = datetime.date

THREADS = [
    # forum slug, title, pinned, day of the first post (replies follow two days apart), [(username, body)]
    (
        "red-proteccion-consular",
        "Preparación de las reuniones de diciembre de 2004 en Panamá",
        True,
        D(2004, 10, 25),
        [
            ("st", "Estimados funcionarios de enlace:\n\nLa Secretaría Técnica prepara, con la Presidencia "
             "Pro-Témpore, las reuniones de las Redes de Funcionarios de Enlace y del GRCM de diciembre de 2004 en "
             "Panamá.\n\n- Las **agendas preliminares y anotadas** están en revisión para la aprobación de la "
             "Presidencia Pro-Témpore.\n- Ya se contrataron los servicios de interpretación y traducción y el "
             "equipo audiovisual.\n- Los documentos de trabajo y la información administrativo-logística se "
             "publican en la Secretaría Virtual.\n\nLes agradeceremos confirmar los nombres de quienes asistirán "
             "por cada país y enviar por este foro los temas que deseen proponer para la agenda de la Red."),
            ("guatemala", "Gracias. Guatemala confirma la participación de su funcionario de enlace. Proponemos "
             "incluir en la agenda un intercambio sobre la atención consular a niños, niñas y adolescentes no "
             "acompañados, que son también uno de los grupos que puede atender el fondo de reserva."),
            ("ppt", "La Presidencia Pro-Témpore toma nota de la propuesta de Guatemala; la incorporaremos en la "
             "agenda anotada que circulará la Secretaría Técnica. Recordamos a las delegaciones confirmar su "
             "asistencia para completar la logística."),
        ],
    ),
    (
        "red-trafico-trata",
        "Taller sobre la Convención de Palermo",
        True,
        D(2004, 10, 11),
        [
            ("st", "El Taller sobre la Convención de las Naciones Unidas contra la Delincuencia Organizada "
             "Transnacional (Convención de Palermo) y sus protocolos se celebrará en Panamá junto con las "
             "reuniones de las Redes de diciembre de 2004.\n\nYa circularon las comunicaciones preliminares "
             "sobre asuntos administrativos, financieros, operativos y logísticos. En la Secretaría Virtual "
             "encontrarán los documentos de trabajo a medida que se publiquen."),
            ("honduras", "¿Podría la Secretaría indicar si el taller tratará también el Protocolo contra el "
             "tráfico ilícito de migrantes por tierra, mar y aire, además del Protocolo sobre la trata de "
             "personas? Honduras quisiera preparar una breve presentación sobre su legislación."),
            ("st", "Sí: la agenda preliminar aborda ambos protocolos. Con gusto incluiremos la presentación de "
             "Honduras; envíenos el título y la duración prevista para someterla a la aprobación de la "
             "Presidencia Pro-Témpore."),
        ],
    ),
    (
        "grcm",
        "Protocolo OIM–CRM para el uso del fondo de reserva",
        True,
        D(2004, 9, 13),
        [
            ("st", "La Secretaría Técnica preparó, en conjunto con la OIM y la Presidencia Pro-Témpore, el "
             "protocolo entre la OIM y la CRM para la utilización del fondo de reserva en casos de retorno "
             "voluntario de migrantes regionales en situaciones de alta vulnerabilidad.\n\nPuntos principales "
             "del borrador:\n\n1. Pueden recibir asistencia niñas, niños y adolescentes no acompañados, personas "
             "con discapacidad, personas mayores de 70 años y personas con lesiones o enfermedades físicas o "
             "mentales.\n2. El migrante no presenta la solicitud directamente: la presentan las autoridades del "
             "país de salida o de retorno, organismos internacionales u organizaciones de la sociedad civil, ante "
             "la OIM del país donde se encuentra.\n3. El monto máximo por caso es de **US$1.000**.\n\nSus "
             "comentarios serán recogidos para el informe sobre el fondo que recibe el GRCM."),
            ("honduras", "Honduras apoya el borrador. Sugerimos precisar el plazo de respuesta de la OIM a cada "
             "solicitud, para que los consulados puedan informar a las familias."),
            ("guatemala", "Coincidimos con Honduras. Además, sería útil que el informe semestral al GRCM "
             "presente los casos atendidos por país de retorno."),
        ],
    ),
    (
        "miembros",
        "Seguimiento de los compromisos de la IX CRM",
        False,
        D(2004, 7, 7),
        [
            ("st", "A petición de la Presidencia Pro-Témpore, la Secretaría Técnica envió el 6 de julio de 2004 "
             "a los países miembros la carta de seguimiento de los compromisos acordados en la IX CRM, con la "
             "documentación detallada. Este hilo queda abierto para dudas y para informar de los avances de cada "
             "país."),
            ("ppt", "Agradecemos a los países que ya respondieron. Invitamos a los demás a enviar su información "
             "antes de las reuniones de diciembre, para que la Secretaría Técnica pueda consolidarla."),
        ],
    ),
]  # fmt: skip


# A reply sent twice, the copy hidden; the moderator who hid it is not recorded.
DUPLICATE = ("red-trafico-trata", "Taller sobre la Convención de Palermo")
DUPLICATE_REASON = "Mensaje duplicado"


def _backdate(thread: Thread, day: datetime.date) -> None:
    """The posts carry the days they were written in 2004, two days apart, not the day of the load."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    for post in thread.posts.order_by("pk"):
        Post.objects.filter(pk=post.pk).update(created=moment)
        last = moment
        moment += datetime.timedelta(days=2)
    Thread.objects.filter(pk=thread.pk).update(created=thread.posts.order_by("pk").first().created, last_post_at=last)
    services.reindex_posts(thread.posts.all())


def load(*, stdout, style):
    forums = {}
    for slug, kind, group_slug, name_es, name_en, description_es, description_en in FORUMS:
        group = Group.objects.filter(slug=group_slug).first() if group_slug else None
        if kind == Forum.Kind.GROUP and group is None:
            stdout.write(style.WARNING(f"Forums: group {group_slug} is missing; forum {slug} skipped."))
            continue
        forums[slug] = services.forum_save(
            slug=slug,
            kind=kind,
            name_es=name_es,
            name_en=name_en,
            group=group,
            description_es=description_es,
            description_en=description_en,
            position=len(forums),
            access_level=AccessLevel.MEMBERS if kind == Forum.Kind.MEMBERS else None,
        )
    users = {u.username: u for u in User.objects.filter(username__in={"st", "ppt", "guatemala", "honduras"})}
    created = 0
    for forum_slug, title, pinned, day, posts in THREADS:
        forum = forums.get(forum_slug)
        if forum is None or Thread.objects.filter(forum=forum, title=title).exists():
            continue
        if any(username not in users for username, _body in posts):
            stdout.write(style.WARNING(f"Forums: demo accounts missing; thread “{title}” skipped."))
            continue
        (first_user, first_body), *replies = posts
        thread = services.thread_create(
            forum=forum, author=users[first_user], title=title, body=first_body, notify=False
        )
        for username, body in replies:
            services.post_create(thread=thread, author=users[username], body=body, notify=False)
        if (forum_slug, title) == DUPLICATE:
            # Sent twice in 2004 and hidden by a moderator whose account no longer exists.
            username, body = posts[1]
            duplicate = services.post_create(thread=thread, author=users[username], body=body, notify=False)
            Post.objects.filter(pk=duplicate.pk).update(hidden=True, hidden_by=None, hidden_reason=DUPLICATE_REASON)
        _backdate(thread, day)
        if pinned:
            thread.pinned = True
            thread.save(update_fields=["pinned"])
        created += 1
    stdout.write(
        style.SUCCESS(f"Forums: {len(forums)} forums, {created} threads created, {Thread.objects.count()} in all.")
    )
