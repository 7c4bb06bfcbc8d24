"""Demo content for the portal, from CRM-FACTS.md and the ST report for May–November 2004.

Idempotent: each page and news item is found by its address; it is created when missing
and saved only when its text differs, so running ``load_demo`` twice adds no history.
"""

import datetime
import re
import zoneinfo

from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.meetings.models import Meeting
from secretaria.portal import services
from secretaria.portal.models import NewsItem, Page, Status

CR = zoneinfo.ZoneInfo("America/Costa_Rica")


def _at(year, month, day, hour=9):
    return datetime.datetime(year, month, day, hour, 0, tzinfo=CR)


PAGES = [
    {
        "site": Page.Site.PUBLIC,
        "slug": "home",
        "menu_order": 0,
        "title_es": "Conferencia Regional sobre Migración",
        "title_en": "Regional Conference on Migration",
        "summary_es": (
            "Foro regional de diálogo y cooperación sobre migración, conocido también como Proceso Puebla, "
            "que reúne a once países de Norteamérica, Centroamérica y el Caribe."
        ),
        "summary_en": (
            "A regional forum for dialogue and cooperation on migration, also known as the Puebla Process, "
            "bringing together eleven countries of North America, Central America and the Caribbean."
        ),
        "body_es": """\
La Conferencia Regional sobre Migración (CRM) nació en febrero de 1996, en la cumbre de Tuxtla II,
y celebró su primera reunión en Puebla, México, en marzo de ese año; de ahí su otro nombre:
**Proceso Puebla**. Es un espacio voluntario y no vinculante, en el que los países toman sus
decisiones por consenso.

Son miembros Belice, Canadá, Costa Rica, El Salvador, Estados Unidos, Guatemala, Honduras, México,
Nicaragua, Panamá y República Dominicana. Organismos internacionales participan como observadores
y la sociedad civil lo hace a través de su red regional.

La Secretaría Técnica, con sede en San José, Costa Rica, apoya a la Presidencia Pro-Témpore y
mantiene esta Secretaría Virtual.
""",
        "body_en": """\
The Regional Conference on Migration (RCM) was created in February 1996, at the Tuxtla II summit,
and held its first meeting in Puebla, Mexico, in March of that year; hence its other name, the
**Puebla Process**. It is a voluntary, non-binding forum whose member countries decide by
consensus.

Its members are Belize, Canada, Costa Rica, the Dominican Republic, El Salvador, Guatemala,
Honduras, Mexico, Nicaragua, Panama and the United States. International organisations take part
as observers, and civil society through its regional network.

The Technical Secretariat, based in San José, Costa Rica, supports the Pro-Tempore Presidency and
runs this Virtual Secretariat.
""",
    },
    {
        "site": Page.Site.PUBLIC,
        "slug": "about",
        "menu_order": 10,
        "show_in_nav": True,
        "title_es": "La Conferencia Regional sobre Migración",
        "title_en": "The Regional Conference on Migration",
        "summary_es": "Qué es el Proceso Puebla, quiénes participan y cómo trabajan sus órganos.",
        "summary_en": "What the Puebla Process is, who takes part and how its bodies work.",
        "body_es": """\
## Origen

La Conferencia Regional sobre Migración se creó en febrero de 1996, en la cumbre de Tuxtla II. Su
primera reunión se celebró en Puebla, México, en marzo de 1996, por lo que se la conoce también
como Proceso Puebla. Es un foro voluntario y no vinculante: sus decisiones se toman por consenso.
En la práctica trabaja en español y en inglés.

## Países miembros

Belice, Canadá, Costa Rica, El Salvador, Estados Unidos, Guatemala, Honduras, México, Nicaragua,
Panamá y República Dominicana.

## Observadores

Organismos internacionales como la Organización Internacional para las Migraciones (OIM), el Alto
Comisionado de las Naciones Unidas para los Refugiados (ACNUR), la CEPAL/CELADE, la Comisión
Interamericana de Derechos Humanos y el Relator Especial de las Naciones Unidas sobre los derechos
humanos de los migrantes acompañan los trabajos de la Conferencia. Los observadores pueden tomar la
palabra, pero no redactan recomendaciones ni decisiones; los países miembros pueden reunirse
entre ellos solos cuando lo deciden.

## Órganos

- **Reunión Viceministerial**: la reunión plenaria anual, identificada con un número romano (la
  IX CRM se celebró en Panamá en mayo de 2004). Adopta una Declaración y decisiones, y aprueba el
  presupuesto de la Secretaría Técnica.
- **Grupo Regional de Consulta sobre Migración (GRCM)**: el nivel técnico. Se reúne unas dos veces
  al año, ejecuta el Plan de Acción, prepara la reunión plenaria y recibe los informes semestrales
  de actividades y financieros de la Secretaría y los informes del fondo de reserva.
- **Redes de Funcionarios de Enlace**: una para el combate al tráfico ilícito de migrantes y la
  trata de personas y otra para la protección consular. Hay además grupos de trabajo por tema.
- **Presidencia Pro-Témpore (PPT)**: la ejerce un país miembro durante un período, designado por
  consenso en la reunión plenaria, sin rotación fija. Convoca las reuniones por medio de la
  Secretaría, preside los comités de redacción, coordina el GRCM y las redes y aprueba las agendas.
  En 2004 la ejerce Panamá.
- **Secretaría Técnica**: con sede en San José, Costa Rica, apoya a la Presidencia Pro-Témpore y a
  todos los órganos de la Conferencia.
""",
        "body_en": """\
## Origins

The Regional Conference on Migration was created in February 1996, at the Tuxtla II summit. Its
first meeting took place in Puebla, Mexico, in March 1996, which is why it is also known as the
Puebla Process. It is a voluntary, non-binding forum: decisions are taken by consensus. In
practice it works in Spanish and English.

## Member countries

Belize, Canada, Costa Rica, the Dominican Republic, El Salvador, Guatemala, Honduras, Mexico,
Nicaragua, Panama and the United States.

## Observers

International organisations such as the International Organization for Migration (IOM), the
United Nations High Commissioner for Refugees (UNHCR), ECLAC/CELADE, the Inter-American Commission
on Human Rights and the UN Special Rapporteur on the human rights of migrants follow the work of
the Conference. Observers may take the floor but do not draft recommendations or decisions; the
member countries may meet among themselves alone when they so decide.

## Bodies

- **Vice-Ministerial meeting**: the annual plenary, known by a Roman numeral (the IX RCM was held
  in Panama in May 2004). It adopts a Declaration and decisions and approves the Technical
  Secretariat's budget.
- **Regional Consultation Group on Migration (GRCM)**: the technical level. It meets about twice a
  year, carries out the Plan of Action, prepares the plenary and receives the Secretariat's
  six-monthly activity and financial reports and the reports of the reserve fund.
- **Liaison-officer networks**: one on combating migrant smuggling and trafficking in persons and
  one on consular protection. Working groups deal with specific themes.
- **Pro-Tempore Presidency (PPT)**: held by one member country for a term, designated by consensus
  at the plenary, with no fixed rotation. It convenes meetings through the Secretariat, chairs the
  drafting committees, coordinates the GRCM and the networks and approves agendas. In 2004 Panama
  holds it.
- **Technical Secretariat**: based in San José, Costa Rica, it supports the Pro-Tempore Presidency
  and every body of the Conference.
""",
    },
    {
        "site": Page.Site.PUBLIC,
        "slug": "secretariat",
        "menu_order": 20,
        "show_in_nav": True,
        "title_es": "La Secretaría Técnica",
        "title_en": "The Technical Secretariat",
        "summary_es": "La oficina que da apoyo técnico, logístico y de coordinación a la Conferencia.",
        "summary_en": "The office that gives the Conference technical, logistical and coordination support.",
        "body_es": """\
La Secretaría Técnica (ST) de la Conferencia Regional sobre Migración tiene su sede en San José,
Costa Rica. Funciona en la oficina de la Organización Internacional para las Migraciones (OIM),
pero es independiente de ella.

## Funciones

- Dar apoyo técnico, financiero, de coordinación y logístico a la Presidencia Pro-Témpore y a las
  reuniones de la Conferencia: agendas, invitaciones, interpretación y traducción, documentos.
- Dar seguimiento al Plan de Acción y a las decisiones de la Reunión Viceministerial.
- Presentar al GRCM informes semestrales de actividades y financieros.
- Mantener la base de datos de la Conferencia y la Secretaría Virtual, con sus dos sitios web.
- Promover los trabajos y logros de la Conferencia en foros regionales e internacionales, con la
  aprobación de la Presidencia Pro-Témpore.

## Cambios en 2004

Después de la IX CRM, en mayo de 2004, se retiró el Coordinador, Sr. Gerard Pascua. A finales de
julio asumió el cargo el Sr. Luis Monzón. En el mismo período la OIM designó como Representante
Regional para Centroamérica y México al Sr. José Pires, quien sucedió al Sr. Roberto Kozak.

La Secretaría adquirió además nuevos equipos y programas para la Secretaría Virtual; el contenido
de sus sitios se trasladará a los nuevos servidores a finales de diciembre de 2004.
""",
        "body_en": """\
The Technical Secretariat (TS) of the Regional Conference on Migration is based in San José,
Costa Rica. It works from the office of the International Organization for Migration (IOM) but
is independent of it.

## What it does

- Gives technical, financial, coordination and logistical support to the Pro-Tempore Presidency
  and to the meetings of the Conference: agendas, invitations, interpretation and translation,
  documents.
- Monitors the Plan of Action and the decisions of the Vice-Ministerial meeting.
- Presents six-monthly activity and financial reports to the GRCM.
- Keeps the Conference's database and the Virtual Secretariat with its two web sites.
- Promotes the work and achievements of the Conference in regional and international forums, with
  the approval of the Pro-Tempore Presidency.

## Changes in 2004

After the IX RCM, in May 2004, the Coordinator, Mr Gerard Pascua, left his post. Mr Luis Monzón
took office at the end of July. In the same period IOM appointed Mr José Pires as its Regional
Representative for Central America and Mexico, succeeding Mr Roberto Kozak.

The Secretariat also acquired new hardware and software for the Virtual Secretariat; the content
of its sites will move to the new servers at the end of December 2004.
""",
    },
    {
        "site": Page.Site.PUBLIC,
        "slug": "take-part",
        "menu_order": 30,
        "show_in_nav": True,
        "title_es": "Cómo participar",
        "title_en": "How to take part",
        "summary_es": "La participación de los observadores y de la sociedad civil en la Conferencia.",
        "summary_en": "How observers and civil society take part in the Conference.",
        "body_es": """\
## Países y organismos observadores

Los observadores asisten a las reuniones de la Conferencia y pueden tomar la palabra. No redactan
recomendaciones ni decisiones, que corresponden a los países miembros. Algunas sesiones son solo
para los países miembros.

## Sociedad civil

La sociedad civil participa a través de la **Red Regional de Organizaciones Civiles para las
Migraciones (RRCOM)**, que reúne a organizaciones de los países miembros. La Secretaría Técnica
mantiene un diálogo regular con la Red; en agosto de 2004 el Coordinador se reunió con sus
representantes en la Ciudad de Guatemala.

## El área de miembros

Los representantes de los gobiernos, de los observadores y de las organizaciones de la sociedad
civil pueden pedir a la Secretaría Técnica una cuenta para el área de miembros de la Secretaría
Virtual, donde se publican los documentos de trabajo de las reuniones según su nivel de acceso.

## Contacto

Escriba a la Secretaría Técnica desde la página de contacto de este sitio.
""",
        "body_en": """\
## Observer countries and organisations

Observers attend the meetings of the Conference and may take the floor. They do not draft
recommendations or decisions, which belong to the member countries. Some sessions are for member
countries only.

## Civil society

Civil society takes part through the **Regional Network of Civil Organizations for Migration
(RRCOM)**, which brings together organisations from the member countries. The Technical
Secretariat keeps a regular dialogue with the Network; in August 2004 the Coordinator met its
representatives in Guatemala City.

## The members' area

Representatives of governments, observers and civil-society organisations may ask the Technical
Secretariat for an account in the members' area of the Virtual Secretariat, where the working
documents of meetings are published according to their access level.

## Contact

Write to the Technical Secretariat from the contact page of this site.
""",
    },
    {
        "site": Page.Site.PUBLIC,
        "slug": "reserve-fund",
        "menu_order": 40,
        "show_in_nav": True,
        "title_es": "Fondo de reserva para el retorno asistido",
        "title_en": "Reserve fund for assisted return",
        "summary_es": (
            "Fondo de reserva para la asistencia a migrantes regionales en situaciones de alta vulnerabilidad."
        ),
        "summary_en": "Reserve Fund for the assistance of regional migrants in highly vulnerable situations.",
        "body_es": """\
El **Fondo de reserva para la asistencia a migrantes regionales en situaciones de alta
vulnerabilidad** financia el retorno voluntario de personas migrantes de la región que se
encuentran en situaciones de alta vulnerabilidad. Lo administra la OIM según un protocolo con la
Conferencia, preparado en 2004 por la Secretaría Técnica junto con la OIM y la Presidencia
Pro-Témpore, y lo financian los países miembros.

## Quiénes pueden recibir asistencia

- niñas, niños y adolescentes no acompañados;
- personas con discapacidad;
- personas mayores de 70 años;
- personas con lesiones o enfermedades físicas o mentales.

## Quiénes pueden presentar una solicitud

La persona migrante no puede solicitar la ayuda directamente. Presentan la solicitud a la OIM, en
el país donde se encuentra la persona migrante:

1. las autoridades del gobierno del país de salida o de retorno;
2. los organismos internacionales;
3. las organizaciones de la sociedad civil, en las condiciones que fija el protocolo.

## Monto

Como máximo **US$1.000 por caso**.

## Rendición de cuentas

La información sobre el uso del fondo se presenta al GRCM dos veces al año.
""",
        "body_en": """\
The **Reserve Fund for the assistance of regional migrants in highly vulnerable situations** pays
for the voluntary return of migrants from the region who are in highly vulnerable situations. IOM
runs it under a protocol with the Conference, prepared in 2004 by the Technical Secretariat with
IOM and the Pro-Tempore Presidency, and the member countries fund it.

## Who may be assisted

- unaccompanied children and adolescents;
- persons with disabilities;
- persons over 70;
- persons with a physical or mental injury or illness.

## Who may submit a request

Migrants cannot apply directly. The request is submitted to IOM, in the country where the migrant
is, by:

1. the government authorities of the country of departure or of return;
2. international organisations;
3. civil-society organisations, under the conditions set by the protocol.

## Amount

At most **US$1,000 per case**.

## Accountability

Information on the use of the fund goes to the GRCM twice a year.
""",
    },
    {
        "site": Page.Site.MEMBERS,
        "slug": "guide",
        "access_level": AccessLevel.MEMBERS,
        "menu_order": 10,
        "title_es": "Guía del área de miembros",
        "title_en": "Guide to the members' area",
        "summary_es": "Cómo usar el área de miembros de la Secretaría Virtual.",
        "summary_en": "How to use the members' area of the Virtual Secretariat.",
        "body_es": """\
## El panel

Al iniciar sesión llega a su panel: allí ve las últimas noticias, las páginas del área de miembros
que puede leer y, a medida que se agreguen módulos, los documentos y reuniones que le conciernen.

## Niveles de acceso

Cada página y cada documento tiene un nivel de acceso: público, usuarios registrados, observadores
y miembros, solo países miembros, un grupo determinado (por ejemplo, el GRCM o una red de
funcionarios de enlace) o solo la Secretaría Técnica. Usted ve lo que corresponde a su función;
si necesita un acceso que no tiene, escriba a la Secretaría Técnica.

## Idiomas

Todo el sitio está en español y en inglés. Cambie de idioma con el enlace de la parte superior: se
queda en la misma página.

## Seguridad

No comparta su contraseña. El personal de la Secretaría y los administradores usan además un
segundo factor de autenticación. Cierre la sesión al terminar si usa un equipo compartido.
""",
        "body_en": """\
## The dashboard

When you sign in you arrive at your dashboard: it shows the latest news, the pages of the members'
area you may read and, as modules are added, the documents and meetings that concern you.

## Access levels

Every page and document has an access level: public, registered users, observers and members,
member countries only, a named group (for example the GRCM or a liaison-officer network) or the
Technical Secretariat only. You see what your role allows; if you need access you do not have,
write to the Technical Secretariat.

## Languages

The whole site is in Spanish and English. Switch language with the link at the top: you stay on
the same page.

## Security

Do not share your password. Secretariat staff and administrators also use a second authentication
factor. Sign out when you finish if you use a shared computer.
""",
    },
]

NEWS = [
    {
        "slug": "seguimiento-compromisos-ix-crm",
        "publish_at": _at(2004, 7, 6),
        "title_es": "Carta de seguimiento a los compromisos de la IX CRM",
        "title_en": "Follow-up letter on the commitments of the IX RCM",
        "summary_es": "La Secretaría Técnica envió a los países miembros la carta de seguimiento el 6 de julio de 2004.",
        "summary_en": "The Technical Secretariat sent the follow-up letter to the member countries on 6 July 2004.",
        "body_es": """\
A petición de la Presidencia Pro-Témpore, ejercida por Panamá, la Secretaría Técnica preparó
documentación detallada para dar seguimiento a los compromisos acordados en las reuniones de la
IX Conferencia Regional sobre Migración, celebrada en Panamá en mayo de 2004.

La carta de seguimiento fue enviada a los países miembros el 6 de julio de 2004.
""",
        "body_en": """\
At the request of the Pro-Tempore Presidency, held by Panama, the Technical Secretariat prepared
detailed documentation to follow up the commitments agreed at the meetings of the IX Regional
Conference on Migration, held in Panama in May 2004.

The follow-up letter was sent to the member countries on 6 July 2004.
""",
    },
    {
        "slug": "luis-monzon-coordinador",
        "publish_at": _at(2004, 7, 30),
        "title_es": "Luis Monzón, nuevo Coordinador de la Secretaría Técnica",
        "title_en": "Luis Monzón is the new Coordinator of the Technical Secretariat",
        "summary_es": "El Sr. Luis Monzón asumió la coordinación a finales de julio de 2004.",
        "summary_en": "Mr Luis Monzón took office as Coordinator at the end of July 2004.",
        "body_es": """\
En mayo de 2004, después de la IX CRM, se retiró de su cargo el Coordinador de la Secretaría
Técnica, Sr. Gerard Pascua. A finales de julio asumió la coordinación el Sr. Luis Monzón.

A pesar de los cambios, el trabajo de la Secretaría continuó con normalidad gracias a la calidad
profesional de su personal.
""",
        "body_en": """\
In May 2004, after the IX RCM, the Coordinator of the Technical Secretariat, Mr Gerard Pascua,
left his post. Mr Luis Monzón took office as Coordinator at the end of July.

Despite the changes, the Secretariat's work went on smoothly thanks to the professional quality of
its staff.
""",
    },
    {
        "slug": "jose-pires-oim",
        "publish_at": _at(2004, 8, 16),
        "title_es": "José Pires, nuevo Representante Regional de la OIM",
        "title_en": "José Pires, new IOM Regional Representative",
        "summary_es": "La OIM designó al Sr. José Pires como Representante Regional para Centroamérica y México.",
        "summary_en": "IOM appointed Mr José Pires as Regional Representative for Central America and Mexico.",
        "body_es": """\
La Organización Internacional para las Migraciones (OIM) designó al Sr. José Pires como
Representante Regional para Centroamérica y México, con oficina en San José, Costa Rica. Sucede
en el puesto al Sr. Roberto Kozak.

La Secretaría Técnica de la Conferencia funciona en la oficina de la OIM en San José y mantiene con
ella una estrecha colaboración.
""",
        "body_en": """\
The International Organization for Migration (IOM) appointed Mr José Pires as its Regional
Representative for Central America and Mexico, with his office in San José, Costa Rica. He
succeeds Mr Roberto Kozak.

The Technical Secretariat of the Conference works from IOM's office in San José and collaborates
closely with it.
""",
    },
    {
        "slug": "seminario-migracion-y-salud",
        "publish_at": _at(2004, 10, 20),
        "title_es": "Seminario «Migración y Salud» en la Ciudad de Guatemala",
        "title_en": "“Migration and Health” seminar in Guatemala City",
        "summary_es": "El seminario, patrocinado por Canadá y México, se celebró el 18 y 19 de octubre de 2004.",
        "summary_en": "The seminar, sponsored by Canada and Mexico, was held on 18 and 19 October 2004.",
        "body_es": """\
El 18 y 19 de octubre de 2004 se celebró en la Ciudad de Guatemala el seminario «Migración y
Salud», patrocinado por Canadá y México.

La Secretaría Técnica colaboró con los países patrocinadores en la elaboración de la agenda,
envió las invitaciones y la información logística a ponentes, representantes de gobiernos,
organizaciones observadoras y de la sociedad civil, y coordinó los servicios de interpretación,
traducción y equipo audiovisual. A petición de los países patrocinadores, el Coordinador moderó el
evento.

Los documentos del seminario están publicados en la Secretaría Virtual.
""",
        "body_en": """\
The “Migration and Health” seminar, sponsored by Canada and Mexico, was held in Guatemala City on
18 and 19 October 2004.

The Technical Secretariat worked with the sponsoring countries on the agenda, sent the invitations
and logistical information to speakers, government representatives, observer organisations and
civil society, and coordinated interpretation, translation and audio-visual equipment. At the
sponsors' request, the Coordinator moderated the event.

The documents of the seminar are published in the Virtual Secretariat.
""",
    },
    {
        "slug": "boletin-cambios-secretaria-virtual",
        "publish_at": _at(2004, 11, 8),
        "title_es": "Boletín sobre los cambios en los sitios de la Secretaría Virtual",
        "title_en": "Bulletin on changes to the Virtual Secretariat's sites",
        "summary_es": "Se envió un boletín detallado sobre los cambios y actualizaciones en los dos sitios.",
        "summary_en": "A detailed bulletin on the changes and updates to both sites has been sent.",
        "body_es": """\
La Secretaría Técnica envió a los usuarios un boletín informativo detallado sobre los cambios y
actualizaciones efectuados en los dos sitios de la Secretaría Virtual.

Los boletines informan a los usuarios de las novedades de los sitios; quien tenga preguntas puede
escribir a la Secretaría Técnica desde la página de contacto.
""",
        "body_en": """\
The Technical Secretariat sent users a detailed bulletin on the changes and updates made to the
two sites of the Virtual Secretariat.

The bulletins keep users informed of what is new on the sites; anyone with questions may write to
the Technical Secretariat from the contact page.
""",
    },
    {
        "slug": "nuevos-servidores-secretaria-virtual",
        "publish_at": _at(2004, 11, 22),
        "title_es": "Nuevos servidores para la Secretaría Virtual",
        "title_en": "New servers for the Virtual Secretariat",
        "summary_es": "El contenido de los sitios se trasladará a los nuevos equipos a finales de diciembre de 2004.",
        "summary_en": "The content of the sites will move to the new equipment at the end of December 2004.",
        "body_es": """\
Los servidores de la Secretaría Virtual, adquiridos hace cinco o seis años, están cerca del fin
de su vida útil: su capacidad de procesamiento y almacenamiento es muy limitada y el fabricante
del programa solo ofrece ya actualizaciones críticas.

Por ello se adquirieron equipos y programas nuevos, que darán capacidad de almacenamiento para al
menos seis o siete años y mejorarán el acceso a los sitios, los foros de discusión y los niveles de
seguridad. Permitirán también ofrecer nuevos servicios, como videos de presentaciones, sesiones de
apertura y traspasos de la Presidencia Pro-Témpore, más fotografías de las sesiones de trabajo y
listas de correo de difusión automática.

**La migración del contenido a los nuevos equipos se hará a finales de diciembre de 2004.**
""",
        "body_en": """\
The servers of the Virtual Secretariat, bought five or six years ago, are near the end of their
useful life: their processing and storage capacity is very limited, and the software vendor now
offers only critical updates.

New hardware and software have therefore been acquired. They give storage capacity for at least
six or seven years and will improve access to the sites, the discussion forums and security. They
will also allow new services, such as videos of presentations, opening sessions and handovers of
the Pro-Tempore Presidency, more photographs of working sessions and automatic mailing lists.

**The content will move to the new equipment at the end of December 2004.**
""",
    },
]


_BLOCK_START = re.compile(r"^(#+ |- |\d+\. |> )")


def _unwrap(text: str) -> str:
    """Join the source's wrapped lines, so the editor shows one line per paragraph or item."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        joins = lines and lines[-1] and line.strip() and not _BLOCK_START.match(line)
        if joins:
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def _changed(obj, data: dict) -> dict:
    return {name: value for name, value in data.items() if getattr(obj, name) != value}


def _prepared(spec: dict) -> dict:
    return {name: _unwrap(value) if name.startswith("body_") else value for name, value in spec.items()}


def load(*, stdout, style):
    created = updated = 0
    for spec in PAGES:
        data = {"show_in_nav": False, "access_level": AccessLevel.PUBLIC, "publish_at": _at(2004, 8, 2)}
        data.update(_prepared(spec))
        data["status"] = Status.PUBLISHED
        page = Page.objects.filter(site=data["site"], slug=data["slug"]).first()
        if page is None:
            services.page_create(by=None, reason="Demo data", **data)
            created += 1
        elif changes := _changed(page, data):
            status = changes.pop("status", None)
            if changes:
                services.page_update(page=page, by=None, reason="Demo data", **changes)
            if status:
                services.page_publish(page=page, by=None)
            updated += 1
    for spec in NEWS:
        data = {"access_level": AccessLevel.PUBLIC, **_prepared(spec), "status": Status.PUBLISHED}
        item = NewsItem.objects.filter(slug=data["slug"]).first()
        if item is None:
            services.news_create(by=None, reason="Demo data", **data)
            created += 1
        elif changes := _changed(item, data):
            status = changes.pop("status", None)
            if changes:
                services.news_update(item=item, by=None, reason="Demo data", **changes)
            if status:
                services.news_publish(item=item, by=None)
            updated += 1
    stdout.write(f"Portal: {created} pages and news items created, {updated} updated.")


# News items that speak of a meeting and its documents link them (run after the meetings and
# documents demos): slug → (meeting slug, the roles of its documents to list).
NEWS_LINKS = {
    "seminario-migracion-y-salud": ("seminario-migracion-y-salud-2004", None),
}


def link(*, stdout, style):
    linked = 0
    for slug, (meeting_slug, roles) in NEWS_LINKS.items():
        item = NewsItem.objects.filter(slug=slug).first()
        meeting = Meeting.objects.filter(slug=meeting_slug).first()
        if item is None or meeting is None:
            continue
        links = meeting.document_links.filter(document__status=Document.Status.PUBLISHED)
        if roles:
            links = links.filter(role__in=roles)
        documents = [link.document for link in links.select_related("document").order_by("order")]
        if set(item.related_meetings.all()) != {meeting} or set(item.related_documents.all()) != set(documents):
            services.news_update(
                item=item, by=None, reason="Demo data", related_meetings=[meeting], related_documents=documents
            )
            linked += 1
    stdout.write(f"Portal: {linked} news items linked to their meetings and documents.")
