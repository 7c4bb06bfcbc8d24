"""The demo pages of both sites, from CRM-FACTS.md and the ST report for May–November 2004."""

from secretaria.core.access import AccessLevel
from secretaria.portal.models import Page

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
