"""The texts of the demo documents, from the seed report (May–November 2004): what the generated
PDF and DOCX files say, in Spanish and English."""

ST_HEADER = "Conferencia Regional sobre Migración - Secretaría Técnica - San José, Costa Rica"
ST_HEADER_EN = "Regional Conference on Migration - Technical Secretariat - San José, Costa Rica"

LETTER_ES = [
    "San José, 6 de julio de 2004",
    "A las Viceministras y los Viceministros de los países miembros de la Conferencia Regional sobre Migración",
    "Estimadas señoras y estimados señores:",
    "Por encargo de la Presidencia Pro-Témpore, ejercida por Panamá, la Secretaría Técnica se permite remitir "
    "la documentación de seguimiento de los compromisos acordados en el seno de la IX Reunión de la Conferencia "
    "Regional sobre Migración, celebrada en Panamá en mayo de 2004.",
    "La documentación adjunta ordena los compromisos por área de trabajo del Plan de Acción, indica para cada "
    "uno el órgano responsable de su ejecución (el Grupo Regional de Consulta sobre Migración, las Redes de "
    "Funcionarios de Enlace o la propia Secretaría Técnica) y propone un calendario indicativo hasta la próxima "
    "reunión Viceministerial.",
    "Entre los compromisos de mayor urgencia figura la preparación, en conjunto con la Organización "
    "Internacional para las Migraciones y la Presidencia Pro-Témpore, del protocolo entre la OIM y la "
    "Conferencia para la utilización del fondo de reserva en casos de retorno voluntario de migrantes "
    "regionales en situaciones de alta vulnerabilidad.",
    "Se recuerda asimismo que el Grupo Regional de Consulta sobre Migración recibirá en su próxima reunión el "
    "informe semestral de actividades y el informe financiero de la Secretaría Técnica, así como la información "
    "sobre el funcionamiento del fondo de reserva.",
    "La Secretaría Técnica agradece a los países miembros que hagan llegar, por medio de sus puntos focales, "
    "sus observaciones y la información sobre el avance de los compromisos que les corresponden, a fin de "
    "consolidarla en el informe que se presentará al Grupo Regional de Consulta.",
    "Quedamos a su disposición para cualquier aclaración y aprovechamos la oportunidad para reiterarles las "
    "muestras de nuestra más alta consideración.",
    "Secretaría Técnica de la Conferencia Regional sobre Migración",
]

SEMINAR_AGENDA_ES = [
    "Seminario sobre Migración y Salud, patrocinado por Canadá y México. Ciudad de Guatemala, 18 y 19 de "
    "octubre de 2004.",
    "Lunes 18 de octubre",
    "Inscripción de participantes y entrega de documentos.",
    "Sesión inaugural: palabras de los países patrocinadores, Canadá y México, de la Presidencia Pro-Témpore "
    "de la Conferencia y del país anfitrión, Guatemala.",
    "Presentación de los objetivos del seminario y de la metodología de trabajo, a cargo del Coordinador de "
    "la Secretaría Técnica, moderador del evento a petición de los países patrocinadores.",
    "Panel 1. La salud de las personas migrantes en la región: situación y desafíos en los países de origen, "
    "tránsito y destino.",
    "Panel 2. El acceso de las personas migrantes a los servicios de salud: marcos jurídicos y experiencias "
    "nacionales.",
    "Martes 19 de octubre",
    "Panel 3. Cooperación entre los sistemas de salud de los países miembros: vigilancia epidemiológica, "
    "atención en zonas fronterizas y prevención del VIH/SIDA en poblaciones móviles.",
    "Panel 4. La participación de las organizaciones observadoras y de la sociedad civil en la atención en "
    "salud de las personas migrantes.",
    "Trabajo en grupos y plenaria: conclusiones y recomendaciones para la Conferencia.",
    "Clausura.",
    "Participan ponentes, representantes de los gobiernos de los países miembros, organizaciones observadoras "
    "y organizaciones de la sociedad civil. Se dispone de interpretación simultánea español-inglés.",
]

SEMINAR_AGENDA_EN = [
    "Seminar on Migration and Health, sponsored by Canada and Mexico. Guatemala City, 18-19 October 2004.",
    "Monday 18 October",
    "Registration of participants and distribution of documents.",
    "Opening session: remarks by the sponsoring countries, Canada and Mexico, by the Pro-Tempore Presidency "
    "of the Conference and by the host country, Guatemala.",
    "Objectives and working method of the seminar, presented by the Coordinator of the Technical Secretariat, "
    "who moderates the event at the request of the sponsoring countries.",
    "Panel 1. The health of migrants in the region: situation and challenges in countries of origin, transit "
    "and destination.",
    "Panel 2. Migrants' access to health services: legal frameworks and national experiences.",
    "Tuesday 19 October",
    "Panel 3. Cooperation between the health systems of the member countries: epidemiological surveillance, "
    "care in border areas and HIV/AIDS prevention among mobile populations.",
    "Panel 4. The part of observer organisations and civil society in health care for migrants.",
    "Group work and plenary: conclusions and recommendations for the Conference.",
    "Closing.",
    "Speakers, representatives of the governments of the member countries, observer organisations and "
    "civil-society organisations take part. Simultaneous interpretation Spanish-English is provided.",
]

SEMINAR_LOGISTICS_ES = [
    "Seminario sobre Migración y Salud - Ciudad de Guatemala, 18 y 19 de octubre de 2004.",
    "Información administrativa y logística para los participantes.",
    "Sede. El seminario se celebra en la Ciudad de Guatemala. La sala de sesiones plenarias cuenta con "
    "interpretación simultánea español-inglés y con equipo audiovisual, contratados y financiados por la "
    "Secretaría Técnica.",
    "Inscripción. Los participantes se inscriben en la sede el lunes 18 de octubre antes de la sesión "
    "inaugural. Se ruega confirmar la asistencia a la Secretaría Técnica con antelación, indicando nombre, "
    "cargo, institución y datos de contacto.",
    "Documentos. La agenda, la presente nota y los documentos del seminario se publican en la Secretaría "
    "Virtual. Los ponentes que deseen distribuir presentaciones las enviarán a la Secretaría Técnica en "
    "formato electrónico.",
    "Alojamiento y transporte. Cada delegación gestiona su alojamiento y su transporte. La Secretaría Técnica "
    "facilitará la información de los hoteles cercanos a la sede a quien la solicite.",
    "Contacto. Secretaría Técnica de la Conferencia Regional sobre Migración, San José, Costa Rica.",
]

PRESENTATION_ES = [
    "La Dinámica de las Políticas Migratorias. Presentación del Coordinador de la Secretaría Técnica de la "
    "Conferencia Regional sobre Migración en el Instituto Interamericano de Derechos Humanos, San José, "
    "Costa Rica, julio de 2004. Presentada también ante el Consejo Nacional de Migración de Costa Rica en "
    "octubre de 2004.",
    "1. Las migraciones en la región. Los movimientos de personas entre los países de Centroamérica, México, "
    "el Caribe y América del Norte son antiguos, diversos y cambiantes: migración laboral, reunificación "
    "familiar, tránsito hacia el norte, retorno, y desplazamientos de personas que necesitan protección "
    "internacional.",
    "2. Las políticas migratorias no son estáticas. Responden a la economía, a la seguridad, a la demografía "
    "y a la opinión pública, y cambian cuando cambian esas condiciones. Lo que un país decide sobre la "
    "admisión, la permanencia o el retorno de las personas migrantes tiene efectos en los países vecinos.",
    "3. De la decisión unilateral al diálogo. La Conferencia Regional sobre Migración, creada en 1996 y "
    "conocida también como Proceso Puebla, reúne a once países miembros en un foro voluntario y no "
    "vinculante, en el que las decisiones se toman por consenso. Su valor está en la confianza construida y "
    "en el intercambio de información entre los gobiernos.",
    "4. Los instrumentos de la Conferencia: el Plan de Acción, el Grupo Regional de Consulta sobre Migración, "
    "las Redes de Funcionarios de Enlace sobre tráfico ilícito de migrantes y trata de personas y sobre "
    "protección consular, los seminarios temáticos y el fondo de reserva para el retorno de migrantes en "
    "situaciones de alta vulnerabilidad.",
    "5. Los derechos humanos de las personas migrantes son un eje transversal de la Conferencia: la gestión "
    "de la migración y el respeto de los derechos no se oponen, se refuerzan.",
    "6. La participación de las organizaciones observadoras y de la sociedad civil, por medio de la Red "
    "Regional de Organizaciones Civiles para las Migraciones, enriquece el diálogo.",
    "7. Desafíos: pasar de los compromisos a su ejecución, medir los avances, y mantener la continuidad del "
    "trabajo técnico entre una Presidencia Pro-Témpore y la siguiente. La Secretaría Técnica da seguimiento "
    "al Plan de Acción y mantiene la memoria institucional del proceso.",
]

PAPER_ES = [
    "¿Son prematuras las discusiones en torno a un acuerdo global de gestión de la migración?",
    "Documento presentado por el Coordinador de la Secretaría Técnica de la Conferencia Regional sobre "
    "Migración en el Foro Mundial sobre Movimientos Humanos y Migración, Barcelona, septiembre de 2004.",
    "La migración internacional ocupa un lugar creciente en la agenda de los gobiernos y de los organismos "
    "internacionales. Se multiplican las propuestas de un marco global que ordene la cooperación entre "
    "países de origen, tránsito y destino. Este documento se pregunta si las condiciones para un acuerdo de "
    "ese tipo están reunidas, a partir de la experiencia de un proceso regional: la Conferencia Regional "
    "sobre Migración.",
    "La Conferencia nació en 1996 como un foro de diálogo voluntario y no vinculante. Sus once países "
    "miembros, de Canadá a Panamá y la República Dominicana, adoptan sus decisiones por consenso. Ninguno "
    "de ellos cede competencias; todos aceptan informar, escuchar y coordinar. Ocho años después, el "
    "proceso cuenta con un Plan de Acción, redes de funcionarios de enlace, un grupo técnico que se reúne "
    "dos veces al año y un fondo de reserva para el retorno de migrantes en situaciones de alta "
    "vulnerabilidad.",
    "La primera lección de esta experiencia es que la confianza precede a los compromisos. Los gobiernos "
    "aceptaron discutir temas sensibles, como el retorno o la protección consular, después de años de "
    "intercambio técnico. La segunda lección es que la flexibilidad de un foro no vinculante permite "
    "avanzar donde un tratado habría fracasado: cada país adopta lo que puede ejecutar.",
    "Un acuerdo global tendría que conciliar intereses mucho más diversos que los de una región, con "
    "niveles de desarrollo, regímenes jurídicos y prioridades distintas. Sin una base de confianza y de "
    "información compartida, un acuerdo de ese alcance corre el riesgo de quedarse en una declaración de "
    "principios sin ejecución.",
    "No se sigue de ello que la discusión sea inútil. Los procesos consultivos regionales pueden ser los "
    "bloques sobre los que se construya una gobernanza global: acumulan prácticas, crean redes de "
    "funcionarios y producen acuerdos operativos que después pueden compararse y articularse entre "
    "regiones.",
    "La conclusión del documento es que la discusión de un acuerdo global no es prematura si se entiende "
    "como un proceso gradual, que parte de lo que los procesos regionales ya han logrado; sí lo es si "
    "pretende imponer de inmediato un régimen uniforme y vinculante.",
]

PAPER_EN = [
    "Are discussions on a global agreement on migration management premature?",
    "Paper presented by the Coordinator of the Technical Secretariat of the Regional Conference on Migration "
    "at the World Forum on Human Movements and Migration, Barcelona, September 2004.",
    "International migration is taking a growing place on the agenda of governments and international "
    "organisations, and proposals multiply for a global framework to order cooperation between countries of "
    "origin, transit and destination. This paper asks whether the conditions for such an agreement are in "
    "place, drawing on the experience of a regional process: the Regional Conference on Migration.",
    "The Conference was born in 1996 as a voluntary, non-binding forum for dialogue. Its eleven member "
    "countries, from Canada to Panama and the Dominican Republic, take their decisions by consensus. None of "
    "them gives up any power; all of them agree to inform, listen and coordinate. Eight years on, the process "
    "has a Plan of Action, networks of liaison officers, a technical group meeting twice a year and a reserve "
    "fund for the return of migrants in highly vulnerable situations.",
    "The first lesson of this experience is that trust comes before commitments. Governments agreed to "
    "discuss sensitive subjects, such as return or consular protection, after years of technical exchange. "
    "The second lesson is that the flexibility of a non-binding forum allows progress where a treaty would "
    "have failed: each country adopts what it can carry out.",
    "A global agreement would have to reconcile interests far more diverse than those of one region, with "
    "different levels of development, legal systems and priorities. Without a basis of trust and shared "
    "information, an agreement of that scope risks remaining a declaration of principles that is never "
    "carried out.",
    "It does not follow that the discussion is useless. Regional consultative processes can be the building "
    "blocks of global governance: they accumulate practice, create networks of officials and produce "
    "operational agreements that can later be compared and linked across regions.",
    "The paper concludes that discussing a global agreement is not premature if it is understood as a "
    "gradual process that starts from what regional processes have already achieved; it is premature if it "
    "seeks to impose at once a uniform and binding regime.",
]

OAS_NOTES_ES = [
    "Notas para una Presentación del Coordinador de la Secretaría Técnica de la CRM en la Sesión Especial del "
    "Grupo de Trabajo de la OEA que prepara el Programa Interamericano para la Promoción y Protección de los "
    "Derechos Humanos de los Migrantes. Washington D.C., octubre de 2004.",
    "1. Agradecimiento al Grupo de Trabajo de la Organización de los Estados Americanos por la invitación a "
    "presentar la experiencia de la Conferencia Regional sobre Migración en la elaboración del Programa "
    "Interamericano para la Promoción y Protección de los Derechos Humanos de los Migrantes, incluyendo los "
    "Trabajadores Migrantes y sus Familias.",
    "2. La Conferencia: once países miembros, un foro voluntario y no vinculante, decisiones por consenso, "
    "organizaciones observadoras y participación de la sociedad civil por medio de la Red Regional de "
    "Organizaciones Civiles para las Migraciones.",
    "3. Los derechos humanos de las personas migrantes en el trabajo de la Conferencia: la protección "
    "consular, el combate al tráfico ilícito de migrantes y a la trata de personas, la atención a personas "
    "en situaciones de alta vulnerabilidad y el retorno digno, seguro y ordenado.",
    "4. Instrumentos concretos: las Redes de Funcionarios de Enlace, los seminarios temáticos como el de "
    "Migración y Salud (Guatemala, octubre de 2004), y el fondo de reserva para el retorno de migrantes "
    "regionales en situaciones de alta vulnerabilidad, administrado por la OIM.",
    "5. Propuestas para el Programa Interamericano: aprovechar los procesos regionales existentes, evitar "
    "duplicaciones, e intercambiar información entre la OEA y la Secretaría Técnica de la Conferencia.",
]

REPORT_ES = [
    "Informe de actividades de la Secretaría Técnica, período mayo-noviembre de 2004.",
    "Introducción. En los últimos meses, la Secretaría Técnica se ha visto en un ambiente de cambio. En mayo, "
    "posterior a la IX CRM, se retiró de su cargo el Coordinador, Sr. Gerard Pascua, quien fue sucedido a "
    "finales de julio por el actual titular, Sr. Luis Monzón. Al mismo tiempo, la Organización Internacional "
    "para las Migraciones efectuó un cambio en el cargo de Representante Regional para Centroamérica y "
    "México, con oficina en San José, Costa Rica: el Sr. José Pires asumió el puesto que antes ocupaba el "
    "Sr. Roberto Kozak. A pesar de los cambios, el trabajo continuó realizándose eficientemente.",
    "A. Apoyo técnico, financiero, de coordinación y logístico. A petición de la Presidencia Pro-Témpore se "
    "preparó documentación detallada para dar seguimiento a los compromisos acordados en la IX CRM; la carta "
    "de seguimiento fue enviada a los países miembros el 6 de julio de 2004. Se preparó, con la OIM y la "
    "Presidencia Pro-Témpore, el protocolo entre la OIM y la CRM para la utilización del fondo de reserva en "
    "casos de retorno voluntario en situaciones de alta vulnerabilidad.",
    "Seminario sobre Migración y Salud, patrocinado por Canadá y México, Ciudad de Guatemala, 18 y 19 de "
    "octubre de 2004: colaboración en la elaboración de la agenda, preparación y envío de la invitación y de "
    "la información logística, coordinación de la interpretación, la traducción y el equipo audiovisual, "
    "publicación de los documentos en la Secretaría Virtual, moderación del evento por el Coordinador y envío "
    "de la correspondencia de agradecimiento a los ponentes.",
    "Taller sobre la Convención de Palermo y reuniones de las Redes de Funcionarios de Enlace y del GRCM de "
    "diciembre de 2004: comunicaciones preliminares sobre asuntos administrativos, financieros, operativos y "
    "logísticos; visita a Panamá para coordinar con la Presidencia Pro-Témpore; preparación de las agendas "
    "preliminares y anotadas; publicación de los documentos de trabajo en la Secretaría Virtual.",
    "B. Actividades de acercamiento y abogacía. Presentación de La Dinámica de las Políticas Migratorias en "
    "el Instituto Interamericano de Derechos Humanos (julio de 2004) y ante el Consejo Nacional de Migración "
    "de Costa Rica (octubre de 2004); actividad del ACNUR en conmemoración de la Declaración de Cartagena; "
    "reunión con la RRCOM en Ciudad de Guatemala (agosto de 2004); Foro Mundial sobre Movimientos Humanos y "
    "Migración, Barcelona (septiembre de 2004); sesión especial del Grupo de Trabajo de la OEA, Washington "
    "D.C. (octubre de 2004).",
    "C. Mejoras a la Secretaría Virtual. Los servidores, adquiridos hace cinco o seis años, se acercan al fin "
    "de su vida útil. Se adquirieron hardware y software nuevos, que darán capacidad de almacenamiento para "
    "al menos seis o siete años y mejorarán el acceso a los sitios, los foros de discusión y la seguridad. "
    "La migración del contenido a los nuevos equipos se hará a finales de diciembre de 2004. Se envió un "
    "boletín detallado sobre los cambios efectuados en los dos sitios de la Secretaría Virtual.",
]

REPORT_EN = [
    "Activity report of the Technical Secretariat, May-November 2004.",
    "Introduction. In recent months the Technical Secretariat worked amid change. In May, after the IX RCM, "
    "the Coordinator, Mr Gerard Pascua, left his post; at the end of July he was succeeded by the present "
    "Coordinator, Mr Luis Monzón. At the same time the International Organization for Migration changed its "
    "Regional Representative for Central America and Mexico, based in San José, Costa Rica: Mr José Pires "
    "took over from Mr Roberto Kozak. The work nevertheless went on efficiently.",
    "A. Technical, financial, coordination and logistical support. At the request of the Pro-Tempore "
    "Presidency, detailed documents were prepared to follow up the commitments made at the IX RCM; the "
    "follow-up letter was sent to the member countries on 6 July 2004. With IOM and the Pro-Tempore "
    "Presidency, the Secretariat prepared the protocol between IOM and the Conference on the use of the "
    "reserve fund for voluntary return in highly vulnerable situations.",
    "Seminar on Migration and Health, sponsored by Canada and Mexico, Guatemala City, 18-19 October 2004: "
    "agenda drafted with the sponsors, invitations and logistics information sent, interpretation, "
    "translation and audio-visual equipment arranged, documents published on the Virtual Secretariat, the "
    "event moderated by the Coordinator, and letters of thanks sent to the speakers.",
    "B. Outreach and advocacy: the presentation The Dynamics of Migration Policies, the paper on a global "
    "agreement on migration management presented in Barcelona, and the notes for the OAS working group that "
    "prepares the Inter-American Program on the human rights of migrants.",
    "C. Virtual Secretariat: new hardware and software were acquired; the sites' content moves to the new "
    "servers at the end of December 2004.",
]
