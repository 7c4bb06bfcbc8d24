"""The demo news items of the portal, from the ST report for May–November 2004."""

from secretaria.portal.demo.dates import at as _at

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
