"""Demo data for the directory, from the Technical Secretariat's report of May–November 2004.

The demo follows the 2004 situation: Panama holds the Pro-Tempore Presidency (its term has no
end date, so it is the current one whatever today's date), Luis Monzón coordinates the
Secretariat and José Pires is IOM's Regional Representative. Natural keys (ISO codes, slugs,
names) make every run update the same rows.

People marked "(demo)" in a note are fictitious persons behind the demo accounts that
accounts/demo.py creates; it looks them up by name.
"""

import datetime

from secretaria.core.access import AccessLevel
from secretaria.directory.models import Country, Group, Membership, Organization, Person, Post, PresidencyTerm, Term

D = datetime.date

MEMBERS = [
    ("BZ", "BLZ", "Belice", "Belize"),
    ("CA", "CAN", "Canadá", "Canada"),
    ("CR", "CRI", "Costa Rica", "Costa Rica"),
    ("SV", "SLV", "El Salvador", "El Salvador"),
    ("US", "USA", "Estados Unidos", "United States"),
    ("GT", "GTM", "Guatemala", "Guatemala"),
    ("HN", "HND", "Honduras", "Honduras"),
    ("MX", "MEX", "México", "Mexico"),
    ("NI", "NIC", "Nicaragua", "Nicaragua"),
    ("PA", "PAN", "Panamá", "Panama"),
    ("DO", "DOM", "República Dominicana", "Dominican Republic"),
]
OBSERVER_COUNTRIES = [
    ("AR", "ARG", "Argentina", "Argentina"),
    ("CO", "COL", "Colombia", "Colombia"),
    ("EC", "ECU", "Ecuador", "Ecuador"),
    ("JM", "JAM", "Jamaica", "Jamaica"),
    ("PE", "PER", "Perú", "Peru"),
]

# The agency in charge of migration in each member state, under its 2004 name.
AGENCIES = [
    ("BZ", "Departamento de Inmigración y Nacionalidad", "Immigration and Nationality Department", "", ""),
    ("CA", "Ciudadanía e Inmigración Canadá", "Citizenship and Immigration Canada", "CIC", "CIC"),
    ("CR", "Dirección General de Migración y Extranjería", "General Directorate of Migration and Foreigners", "DGME", "DGME"),
    ("SV", "Dirección General de Migración y Extranjería", "General Directorate of Migration and Foreigners", "DGME", "DGME"),
    ("US", "Departamento de Seguridad Nacional", "Department of Homeland Security", "DHS", "DHS"),
    ("GT", "Dirección General de Migración", "General Directorate of Migration", "DGM", "DGM"),
    ("HN", "Dirección General de Migración y Extranjería", "General Directorate of Migration and Foreigners", "DGME", "DGME"),
    ("MX", "Instituto Nacional de Migración", "National Migration Institute", "INM", "INM"),
    ("NI", "Dirección General de Migración y Extranjería", "General Directorate of Migration and Foreigners", "DGME", "DGME"),
    ("PA", "Dirección Nacional de Migración y Naturalización", "National Directorate of Migration and Naturalisation", "", ""),
    ("DO", "Dirección General de Migración", "General Directorate of Migration", "DGM", "DGM"),
]  # fmt: skip

ST_NAME = "Secretaría Técnica de la Conferencia Regional sobre Migración"
IOM_NAME = "Organización Internacional para las Migraciones"
UNHCR_NAME = "Alto Comisionado de las Naciones Unidas para los Refugiados"
RRCOM_NAME = "Red Regional de Organizaciones Civiles para las Migraciones"

# kind, name_es, name_en, acronym_es, acronym_en, website
ORGANIZATIONS = [
    ("international", IOM_NAME, "International Organization for Migration", "OIM", "IOM", "https://www.iom.int/"),
    ("observer", UNHCR_NAME, "Office of the United Nations High Commissioner for Refugees", "ACNUR", "UNHCR", "https://www.unhcr.org/"),
    ("observer", "Comisión Interamericana de Derechos Humanos", "Inter-American Commission on Human Rights", "CIDH", "IACHR", "https://www.oas.org/en/iachr/"),
    ("observer", "Comisión Económica para América Latina y el Caribe – Centro Latinoamericano y Caribeño de Demografía",
     "Economic Commission for Latin America and the Caribbean – Latin American and Caribbean Demographic Centre",
     "CEPAL-CELADE", "ECLAC-CELADE", "https://www.cepal.org/"),
    ("observer", "Relator Especial de las Naciones Unidas sobre los Derechos Humanos de los Migrantes",
     "United Nations Special Rapporteur on the Human Rights of Migrants", "", "", "https://www.ohchr.org/"),
    ("observer", "Sistema de la Integración Centroamericana", "Central American Integration System", "SICA", "SICA", "https://www.sica.int/"),
    ("observer", "Fondo de Población de las Naciones Unidas", "United Nations Population Fund", "UNFPA", "UNFPA", "https://www.unfpa.org/"),
    ("civil_society", RRCOM_NAME, "Regional Network of Civil Organizations for Migration", "RRCOM", "RRCOM", ""),
    ("supplier", "Intérpretes de Conferencia S.A. (proveedor de demostración)",
     "Conference Interpreters Ltd. (demo supplier)", "", "", ""),
]  # fmt: skip


def _country(iso2, iso3, es, en, status):
    obj, _ = Country.objects.update_or_create(
        iso2=iso2, defaults={"iso3": iso3, "name_es": es, "name_en": en, "status": status}
    )
    return obj


def _org(kind, name_es, name_en, acronym_es="", acronym_en="", website="", country=None, address="", phone="",
         email=""):  # fmt: skip
    obj, _ = Organization.objects.update_or_create(
        name_es=name_es,
        country=country,
        defaults={
            "kind": kind,
            "name_en": name_en,
            "acronym_es": acronym_es,
            "acronym_en": acronym_en,
            "website": website,
            "address": address,
            "phone": phone,
            "email": email,
        },
    )
    return obj


def _person(
    given,
    family,
    *,
    organization=None,
    country=None,
    is_public=False,
    email="",
    languages=("es",),
    honorific="",
    gender="",
):
    obj, _ = Person.objects.update_or_create(
        given_name=given,
        family_name=family,
        defaults={
            "organization": organization,
            "country": country,
            "is_public": is_public,
            "email": email,
            "languages": list(languages),
            "honorific": honorific,
            "gender": gender,
        },
    )
    return obj


def _post(slug, title_es, title_en, *, organization=None, country=None, group=None, is_public=False, focal=False):
    obj, _ = Post.objects.update_or_create(
        slug=slug,
        defaults={
            "title_es": title_es,
            "title_en": title_en,
            "organization": organization,
            "country": country,
            "group": group,
            "is_public": is_public,
            "is_focal_point": focal,
        },
    )
    return obj


def _term(post, person, start, end=None, note=""):
    Term.objects.update_or_create(post=post, person=person, start=start, defaults={"end": end, "note": note})


def _member(group, person, role=Membership.Role.MEMBER, country=None, start=None):
    Membership.objects.update_or_create(
        group=group, person=person, defaults={"role": role, "country": country, "start": start, "end": None}
    )


def load(*, stdout, style):
    countries = {row[0]: _country(*row, Country.Status.MEMBER) for row in MEMBERS}
    countries.update({row[0]: _country(*row, Country.Status.OBSERVER) for row in OBSERVER_COUNTRIES})

    agencies = {
        iso2: _org("government", es, en, acr_es, acr_en, country=countries[iso2])
        for iso2, es, en, acr_es, acr_en in AGENCIES
    }
    orgs = {row[1]: _org(*row) for row in ORGANIZATIONS}
    st = _org(
        "secretariat",
        ST_NAME,
        "Technical Secretariat of the Regional Conference on Migration",
        "ST-CRM",
        "RCM-TS",
        country=countries["CR"],
        # The contact box of the portal shows these. The Secretariat worked from IOM's regional
        # office; the street address, numbers and domain are the demo's (reserved .example).
        address="Oficina Regional de la OIM para Centroamérica y México\nSabana Oeste, de Canal 7 200 m al sur\n"
        "Apartado postal 1000-1001\nSan José, Costa Rica",
        phone="+506 2212-5300",
        email="secretaria.tecnica@crm-st.example",
    )
    iom, unhcr, rrcom = orgs[IOM_NAME], orgs[UNHCR_NAME], orgs[RRCOM_NAME]

    # --- People -----------------------------------------------------------------------
    pascua = _person(
        "Gerard", "Pascua", gender="male", organization=st, is_public=True, honorific="Sr.", languages=("es", "en")
    )
    monzon = _person(
        "Luis", "Monzón", gender="male", organization=st, is_public=True, honorific="Sr.", languages=("es", "en")
    )
    kozak = _person(
        "Roberto", "Kozak", gender="male", organization=iom, is_public=True, honorific="Sr.", languages=("es", "en")
    )
    pires = _person(
        "José", "Pires", gender="male", organization=iom, is_public=True, honorific="Sr.", languages=("es", "en", "pt")
    )
    castro = _person(
        "Ada", "Castro", organization=st, country=countries["CR"], is_public=True,
        email="ada.castro@demo.example.org", languages=("es", "en"),
    )  # fmt: skip
    rios = _person(
        "Ana María", "Ríos", organization=agencies["PA"], country=countries["PA"],
        email="ana.rios@demo.example.org", languages=("es", "en"), honorific="Licda.", gender="female",
    )  # fmt: skip
    mendez = _person(
        "Carlos", "Méndez", organization=agencies["GT"], country=countries["GT"],
        email="carlos.mendez@demo.example.org", honorific="Lic.", gender="male",
    )  # fmt: skip
    zelaya = _person(
        "Hilda", "Zelaya", organization=agencies["HN"], country=countries["HN"],
        email="hilda.zelaya@demo.example.org", honorific="Abog.", gender="female",
    )  # fmt: skip
    ruiz = _person("Olga", "Ruiz", organization=unhcr, email="olga.ruiz@demo.example.org", languages=("es", "en"))
    _person("Rosa", "Pérez", organization=rrcom, email="rosa.perez@demo.example.org")

    # --- Groups -----------------------------------------------------------------------
    grcm, _ = Group.objects.update_or_create(
        slug="grcm",
        defaults={
            "kind": Group.Kind.GRCM,
            "name_es": "Grupo Regional de Consulta sobre Migración",
            "name_en": "Regional Consultation Group on Migration",
            "acronym_es": "GRCM",
            "acronym_en": "RCGM",
            "description_es": "Nivel técnico de la Conferencia: se reúne unas dos veces al año, ejecuta el Plan de "
            "Acción, prepara la reunión Viceministerial y recibe los informes semestrales de actividades y "
            "financieros de la Secretaría Técnica y los informes del fondo de reserva.",
            "description_en": "The Conference's technical level: it meets about twice a year, carries out the Plan "
            "of Action, prepares the Vice-Ministerial meeting and receives the Technical Secretariat's six-monthly "
            "activity and financial reports and the reserve fund's reports.",
            "access_level": AccessLevel.PUBLIC,
        },
    )
    trafficking, _ = Group.objects.update_or_create(
        slug="red-trafico-trata",
        defaults={
            "kind": Group.Kind.NETWORK,
            "name_es": "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata de Personas",
            "name_en": "Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons",
            "description_es": "Funcionarios designados por cada país miembro para coordinar la cooperación contra el "
            "tráfico ilícito de migrantes y la trata de personas.",
            "description_en": "Officials designated by each member country to coordinate cooperation against "
            "migrant smuggling and trafficking in persons.",
            "access_level": AccessLevel.MEMBERS,
        },
    )
    consular, _ = Group.objects.update_or_create(
        slug="red-proteccion-consular",
        defaults={
            "kind": Group.Kind.NETWORK,
            "name_es": "Red de Funcionarios de Enlace para la Protección Consular",
            "name_en": "Liaison Officer Network for Consular Protection",
            "description_es": "Funcionarios designados por cada país miembro para la protección consular de sus "
            "nacionales migrantes en la región.",
            "description_en": "Officials designated by each member country for the consular protection of their "
            "migrant nationals in the region.",
            "access_level": AccessLevel.MEMBERS,
        },
    )

    # --- Posts and terms --------------------------------------------------------------
    coordinator = _post(
        "st-coordinator", "Coordinador de la Secretaría Técnica", "Coordinator of the Technical Secretariat",
        organization=st, is_public=True,
    )  # fmt: skip
    _term(
        coordinator,
        pascua,
        D(2001, 1, 1),
        D(2004, 5, 31),
        note="Se retiró en mayo de 2004, después de la IX CRM. Fecha de inicio no documentada en el informe.",
    )
    _term(coordinator, monzon, D(2004, 7, 26))
    sysadmin = _post(
        "st-systems-administrator", "Administradora de sistemas de la Secretaría Virtual",
        "Systems administrator of the Virtual Secretariat", organization=st, is_public=True,
    )  # fmt: skip
    _term(sysadmin, castro, D(2002, 3, 1))
    _post(
        "st-administrative-assistant", "Asistente administrativo-financiero de la Secretaría Técnica",
        "Administrative and financial assistant of the Technical Secretariat", organization=st, is_public=True,
    )  # fmt: skip
    iom_rep = _post(
        "iom-regional-representative",
        "Representante Regional de la OIM para Centroamérica y México (San José)",
        "IOM Regional Representative for Central America and Mexico (San José)",
        organization=iom, is_public=True,
    )  # fmt: skip
    _term(iom_rep, kozak, D(2000, 1, 1), D(2004, 7, 31), note="Fecha de inicio no documentada en el informe.")
    _term(iom_rep, pires, D(2004, 8, 1))

    ppt_liaison = _post(
        "pa-ppt-liaison", "Enlace de la Presidencia Pro-Tempore (Panamá)", "Pro-Tempore Presidency liaison (Panama)",
        organization=agencies["PA"], country=countries["PA"], focal=True,
    )  # fmt: skip
    _term(ppt_liaison, rios, D(2003, 5, 20))
    for group, slug_part, es, en in [
        (trafficking, "trafficking", "en la Red contra el Tráfico Ilícito y la Trata", "in the network against smuggling and trafficking"),
        (consular, "consular", "en la Red de Protección Consular", "in the consular protection network"),
    ]:  # fmt: skip
        for iso2, person in [("GT", mendez), ("HN", zelaya)]:
            if group is consular and person is zelaya:
                continue
            country = countries[iso2]
            post = _post(
                f"{iso2.lower()}-liaison-{slug_part}",
                f"Funcionario de enlace de {country.name_es} {es}",
                f"Liaison officer of {country.name_en} {en}",
                organization=agencies[iso2], country=country, group=group, focal=True,
            )  # fmt: skip
            _term(post, person, D(2003, 1, 1))
            _member(group, person, Membership.Role.LIAISON, country)

    # --- Memberships ------------------------------------------------------------------
    _member(grcm, rios, Membership.Role.CHAIR, countries["PA"])
    _member(grcm, mendez, Membership.Role.MEMBER, countries["GT"])
    _member(grcm, zelaya, Membership.Role.MEMBER, countries["HN"])
    _member(grcm, monzon, Membership.Role.SECRETARY, start=D(2004, 7, 26))
    _member(grcm, ruiz, Membership.Role.OBSERVER)
    for network in (trafficking, consular):
        _member(network, rios, Membership.Role.CHAIR, countries["PA"])
        _member(network, monzon, Membership.Role.SECRETARY, start=D(2004, 7, 26))

    # --- Pro-Tempore Presidency -------------------------------------------------------
    _presidency(countries["GT"], D(2001, 5, 1), D(2002, 5, 19))
    _presidency(countries["MX"], D(2002, 5, 20), D(2003, 5, 19))
    _presidency(countries["PA"], D(2003, 5, 20), None, note="Sede de la IX CRM, mayo de 2004.")

    stdout.write(
        style.SUCCESS(
            f"Directory: {Country.objects.count()} countries, {Organization.objects.count()} organisations, "
            f"{Person.objects.count()} people, {Post.objects.count()} posts, {Term.objects.count()} terms, "
            f"{Group.objects.count()} groups, {Membership.objects.count()} memberships; "
            f"Pro-Tempore Presidency: {countries['PA'].name_en}."
        )
    )


def _presidency(country, start, end, note=""):
    PresidencyTerm.objects.update_or_create(country=country, start=start, defaults={"end": end, "note": note})
