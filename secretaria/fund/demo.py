"""Demo data of the reserve fund: the 2004 protocol in drafting (a document in Spanish and
English restricted to its drafting group, the ST, the IOM office and the PPT, with their
comments), contributions of several member countries, a dozen clearly fictional
cases in every state, and the demo accounts of the fund roles (all with TOTP).

Every personal field says it is a demonstration ("Caso de demostración"); the amounts of the
contributions are illustrative, not the fund's real figures.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from django.utils import timezone

from secretaria.accounts.models import User
from secretaria.accounts.services import user_create
from secretaria.core.access import AccessLevel, Role, forget_viewer
from secretaria.directory.models import Country, Group, Membership, Organization, Person
from secretaria.documents import generate
from secretaria.documents import services as document_services
from secretaria.documents.models import Document, DocumentComment
from secretaria.documents.selectors import may_comment
from secretaria.fund.models import Case, Category, Contribution, FundRole, Posting, RequesterKind, Sex, Step
from secretaria.fund.rules import forget, protocol_settings
from secretaria.fund.services import cases as s
from secretaria.fund.services import ledger as ledger_services

PROTOCOL_SYMBOL = "CRM/ST/2004/PROT-FR"
PROTOCOL_GROUP = "fondo-reserva-protocolo"
PROTOCOL_COMMENTS = [
    (
        "st",
        "Propongo que el artículo 4 remita a la lista de categorías de la configuración del fondo, "
        "para no tener que enmendar el protocolo cada vez que la GRCM la cambie.",
    ),
    (
        "iom",
        "La OIM sugiere precisar que la oficina del país donde se encuentra la persona puede registrar "
        "solicitudes recibidas en papel o por correo, indicando quién las presenta.",
    ),
    (
        "ppt",
        "La PPT está de acuerdo con el tope de US$ 1.000 por caso; las excepciones deberían justificarse "
        "por escrito y constar en el expediente.",
    ),
    (
        "st",
        "Incorporadas ambas observaciones en la versión del 25 de octubre. Queda pendiente el plazo de "
        "conservación de los datos personales.",
    ),
]
DEMO_PASSWORD = "crm-demo-2004"  # noqa: S105 - the demo accounts' published password, DEV_MODE only
FUND_TOTP_SECRETS = {
    "fondo_oim": "CRMFONDOOIMMEXICODEMOTAPACHULAAA",
    "fondo_gt": "CRMFONDOGUATEMALADEMORETORNOAAAA",
    "fondo_ppt": "CRMFONDOPPTPANAMADEMOEXCEPCIONAA",
}

PROTOCOL_ES = [
    "Proyecto de protocolo entre la Organización Internacional para las Migraciones (OIM) y la Conferencia "
    "Regional sobre Migración (CRM) para la utilización del fondo de reserva de la Secretaría Técnica en casos de "
    "retorno voluntario de migrantes regionales en situaciones de alta vulnerabilidad. Versión de trabajo "
    "preparada por la Secretaría Técnica, la OIM y la Presidencia Pro-Témpore (Panamá), 2004.",
    "1. Beneficiarios. Migrantes regionales en situación de alta vulnerabilidad: niñas, niños y adolescentes no "
    "acompañados; personas con discapacidad; personas mayores de 70 años; personas con lesiones o enfermedades "
    "físicas o mentales.",
    "2. Solicitudes. La persona migrante no puede solicitar directamente. Presentan la solicitud a la oficina de "
    "la OIM del país donde se encuentra la persona: las autoridades gubernamentales del país de salida o de "
    "retorno, los organismos internacionales o las organizaciones de la sociedad civil, bajo ciertas condiciones.",
    "3. Monto. El apoyo no excederá de mil dólares de los Estados Unidos (US$ 1.000) por caso. Toda excepción "
    "por encima de ese monto requiere la aprobación de la Presidencia Pro-Témpore.",
    "4. Informes. La Secretaría Técnica informa al Grupo Regional de Consulta sobre Migración dos veces al año "
    "sobre la utilización del fondo, sin datos que permitan identificar a las personas atendidas.",
]
PROTOCOL_EN = [
    "Draft protocol between the International Organization for Migration (IOM) and the Regional Conference on "
    "Migration (RCM) on the use of the Technical Secretariat's reserve fund for the voluntary return of regional "
    "migrants in highly vulnerable situations. Working version prepared by the Technical Secretariat, IOM and the "
    "Pro-Tempore Presidency (Panama), 2004.",
    "1. Beneficiaries. Regional migrants in highly vulnerable situations: unaccompanied children and "
    "adolescents; persons with disabilities; persons over 70; persons with physical or mental injuries or "
    "illnesses.",
    "2. Requests. The migrant cannot apply directly. Government authorities of the country of departure or of "
    "return, international organisations or civil-society organisations (under conditions) submit the request to "
    "the IOM office of the country where the person is.",
    "3. Amount. Support shall not exceed one thousand United States dollars (US$1,000) per case. Any exception "
    "above that amount requires the approval of the Pro-Tempore Presidency.",
    "4. Reports. The Technical Secretariat reports to the Regional Consultation Group on Migration twice a year "
    "on the use of the fund, with no data that would identify the persons assisted.",
]

CONTRIBUTIONS = [
    # country, pledged, received, amount, currency, rate to US$
    ("MX", datetime.date(2004, 5, 20), datetime.date(2004, 7, 15), Decimal("10000"), "USD", Decimal("1")),
    ("CA", datetime.date(2004, 5, 20), datetime.date(2004, 8, 2), Decimal("15000"), "CAD", Decimal("0.76")),
    ("US", datetime.date(2004, 5, 21), datetime.date(2004, 9, 1), Decimal("10000"), "USD", Decimal("1")),
    ("CR", datetime.date(2004, 6, 10), datetime.date(2004, 9, 20), Decimal("1000000"), "CRC", Decimal("0.00225")),
    ("PA", datetime.date(2004, 6, 15), None, Decimal("3000"), "USD", Decimal("1")),
    ("GT", datetime.date(2004, 7, 1), None, Decimal("20000"), "GTQ", Decimal("0.125")),
]

# final state, category, sex, birth date or estimated age, present, departure, return, estimate items
CASES = [
    ("draft", Category.UNACCOMPANIED_MINOR, Sex.MALE, "15", "MX", "MX", "GT", [("transport", "250")]),
    ("submitted", Category.ILLNESS, Sex.FEMALE, "61", "MX", "MX", "HN", [("transport", "300"), ("medical", "200")]),
    ("submitted", Category.OVER_70, Sex.MALE, "1931-06-02", "GT", "GT", "SV", [("transport", "180")]),
    ("assessed", Category.DISABILITY, Sex.FEMALE, "34", "MX", "MX", "NI", [("transport", "900"), ("escort", "400")]),
    ("exception_approved", Category.ILLNESS, Sex.MALE, "47", "MX", "MX", "HN",
     [("transport", "700"), ("medical", "500"), ("escort", "200")]),
    ("approved", Category.UNACCOMPANIED_MINOR, Sex.FEMALE, "16", "MX", "MX", "GT",
     [("transport", "220"), ("escort", "300")]),
    ("approved", Category.OVER_70, Sex.FEMALE, "74", "CR", "CR", "NI", [("transport", "150"), ("per_diem", "60")]),
    ("rejected", Category.OTHER, Sex.MALE, "29", "MX", "MX", "SV", [("transport", "400")]),
    ("travelled", Category.UNACCOMPANIED_MINOR, Sex.MALE, "14", "GT", "GT", "HN",
     [("transport", "160"), ("escort", "250")]),
    ("closed", Category.ILLNESS, Sex.FEMALE, "52", "MX", "MX", "GT",
     [("transport", "320"), ("medical", "280"), ("documents", "40")]),
    ("closed", Category.UNACCOMPANIED_MINOR, Sex.FEMALE, "13", "PA", "PA", "DO",
     [("transport", "480"), ("escort", "350")]),
    ("cancelled", Category.DISABILITY, Sex.MALE, "40", "CR", "CR", "NI", [("transport", "200")]),
]  # fmt: skip
ORDER = ["draft", "submitted", "assessed", "exception_approved", "approved", "travelled", "closed"]


def _ensure_totp(user, secret: str) -> None:
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": get_adapter().encrypt(secret)}
        )


def _account(username, role, given, family, *, country=None, organization=None) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        person = Person.objects.create(
            given_name=given, family_name=family, country=country, organization=organization,
            email=f"{username}@example.org",
        )  # fmt: skip
        user = user_create(
            username=username, email=f"{username}@example.org", role=role, password=DEMO_PASSWORD,
            country=country, organization=organization, person=person,
        )  # fmt: skip
    if username in FUND_TOTP_SECRETS:
        _ensure_totp(user, FUND_TOTP_SECRETS[username])
    return user


def _role(user, kind, **extra) -> None:
    if not FundRole.objects.filter(user=user, kind=kind, **extra).exists():
        FundRole.objects.create(user=user, kind=kind, **extra)
    forget(user)


def _protocol_document(st_org, *, st, iom, ppt) -> None:
    """The draft protocol as a restricted document of a drafting group (the ST, the IOM office and
    the PPT), published to that group, with the drafters' comments."""
    group, _created = Group.objects.get_or_create(
        slug=PROTOCOL_GROUP,
        defaults={
            "kind": Group.Kind.WORKING_GROUP, "access_level": AccessLevel.GROUP,
            "name_es": "Redacción del protocolo del fondo de reserva (ST, OIM, PPT)",
            "name_en": "Drafting of the reserve fund protocol (TS, IOM, PPT)",
        },
    )  # fmt: skip
    for user in (st, iom, ppt):
        if user.person_id and not Membership.objects.filter(group=group, person_id=user.person_id).exists():
            Membership.objects.create(group=group, person_id=user.person_id, start=datetime.date(2004, 9, 1))
        forget_viewer(user)
    document = Document.objects.filter(symbol=PROTOCOL_SYMBOL).first()
    if document is None:
        document = document_services.document_create(
            by=None,
            symbol=PROTOCOL_SYMBOL,
            date=datetime.date(2004, 10, 15),
            doc_type=Document.Type.WORKING_DOCUMENT,
            title_es="Protocolo OIM–CRM para la utilización del fondo de reserva (proyecto)",
            title_en="IOM–RCM protocol on the use of the reserve fund (draft)",
            summary_es="Proyecto en preparación por la Secretaría Técnica, la OIM y la Presidencia Pro-Témpore.",
            summary_en="Draft being prepared by the Technical Secretariat, IOM and the Pro-Tempore Presidency.",
            author=st_org,
            access_level=AccessLevel.GROUP,
            access_group=group,
        )
        for language, paragraphs, name, title in (
            ("es", PROTOCOL_ES, "Protocolo fondo de reserva (proyecto).pdf", "Protocolo OIM–CRM (proyecto)"),
            ("en", PROTOCOL_EN, "Reserve fund protocol (draft).pdf", "IOM–RCM protocol (draft)"),
        ):
            content = generate.pdf_bytes(title, paragraphs, subtitle="CRM — Secretaría Técnica")
            document_services.document_add_file(
                document=document, by=None, fileobj=io.BytesIO(content), name=name, language=language
            )
        document = document_services.document_publish(
            document=document, by=None, at=document_services.historical_moment(document.date)
        )
    if document.comments.exists() or not may_comment(st, document):
        return
    authors = {"st": st, "iom": iom, "ppt": ppt}
    for n, (who, body) in enumerate(PROTOCOL_COMMENTS):
        comment = document_services.comment_add(document=document, by=authors[who], body=body)
        at = _at(datetime.date(2004, 10, 18) + datetime.timedelta(days=3 * n))
        DocumentComment.objects.filter(pk=comment.pk).update(created_at=at)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _case(n, spec, *, officer, iom, requester, ppt, countries):
    final, category, sex, born, present, departure, ret, costs = spec
    data = {
        "requester_kind": RequesterKind.RETURN_AUTHORITY,
        "country_present": countries[present],
        "country_departure": countries[departure],
        "country_return": countries[ret],
        "category": category,
        "sex": sex,
        "given_names": f"Caso de demostración {n}",
        "family_names": "Persona ficticia",
        "date_of_birth": born if "-" in born else "",
        "estimated_age": born if "-" not in born else "",
        "nationality": f"Ficticia ({countries[ret].name_es})",
        "identity_document": f"DEMO-{n:04d}",
        "current_location": "Albergue ficticio (dato de demostración)",
        "destination": "Comunidad ficticia (dato de demostración)",
        "receiving_contact": "Familiar ficticio, teléfono 0000-0000 (dato de demostración)",
        "category_justification": "Justificación de demostración; ningún dato es real.",
        "other_reason": "Situación de demostración fuera de las categorías" if category == Category.OTHER else "",
        "travel_plan": "Ruta terrestre ficticia con escolta (demostración)",
    }
    # The IOM office in Mexico records requests received on paper, naming the requester; the
    # Guatemalan authority submits its own; the Secretariat records the others.
    if present == "MX":
        by = iom
        data["requester_name"] = "Funcionaria ficticia de la autoridad de retorno (demostración)"
    else:
        by = requester if present == "GT" else officer
    case = s.case_create(by=by, data=data, costs=costs)
    if final == "draft":
        return case
    s.case_submit(case=case, by=case.created_by)
    assessor = iom if present == "MX" else officer
    if final == "rejected":
        s.case_assess(case=case, by=assessor, eligible=False, reason="Demostración: no corresponde a las categorías.")
        s.case_reject(case=case, by=officer, reason="Demostración: no elegible según la evaluación de la OIM.")
        return case
    if final == "cancelled":
        s.case_assess(case=case, by=assessor, eligible=True)
        s.case_cancel(case=case, by=officer, reason="Demostración: la persona regresó por sus propios medios.")
        return case
    stop = ORDER.index(final)
    if stop >= ORDER.index("assessed"):
        s.case_assess(case=case, by=assessor, eligible=True)
    case.refresh_from_db()
    total = s.estimate_total(case)
    if stop >= ORDER.index("exception_approved") and case.needs_exception:
        s.exception_approve(case=case, by=ppt, amount=total, reason="Demostración: acompañamiento médico necesario.")
    if stop >= ORDER.index("approved"):
        case.refresh_from_db()
        s.case_approve(case=case, by=officer, amount=min(total, case.exception_usd or protocol_settings().cap_usd))
    if stop >= ORDER.index("travelled"):
        s.travel_record(case=case, by=assessor)
    if stop >= ORDER.index("closed"):
        actual = [(kind, Decimal(amount) * Decimal("0.95")) for kind, amount in costs]
        s.case_close(case=case, by=officer, actual_costs=actual, return_report="Informe de retorno de demostración.")
    return case


def _backdate(case, n: int, start: datetime.date) -> None:
    """Demo cases happen in 2004, one step every few days."""
    Case.objects.filter(pk=case.pk).update(created_at=_at(start), code=f"FR-2004-{n:03d}")
    for i, step in enumerate(Step.objects.filter(case=case).order_by("pk"), start=1):
        day = start + datetime.timedelta(days=4 * i)
        Step.objects.filter(pk=step.pk).update(at=_at(day))
        Posting.objects.filter(case=case, created_at__gte=step.at - datetime.timedelta(seconds=5)).filter(
            created_at__lte=step.at + datetime.timedelta(seconds=5)
        ).update(on=day)


def load(*, stdout, style):
    countries = {c.iso2: c for c in Country.objects.all()}
    if not {"MX", "GT", "HN", "PA", "CR", "NI", "SV", "DO", "CA", "US"} <= set(countries):
        stdout.write("Fund: the demo directory is missing; skipped.")
        return
    st = User.objects.filter(username="st").first()
    iom_org = Organization.objects.filter(acronym_es="OIM").first()
    st_org = Organization.objects.filter(kind=Organization.Kind.SECRETARIAT).first()
    if st is None:
        stdout.write("Fund: the demo accounts are missing; skipped.")
        return
    _role(st, FundRole.Kind.OFFICER)
    iom = _account("fondo_oim", Role.REGISTERED, "Irene", "Oficina OIM México", organization=iom_org)
    _role(iom, FundRole.Kind.IOM_OFFICE, country=countries["MX"])
    requester = _account("fondo_gt", Role.MEMBER, "Gerardo", "Autoridad de retorno", country=countries["GT"])
    _role(requester, FundRole.Kind.REQUESTER, requester_kind=RequesterKind.RETURN_AUTHORITY)
    ppt = _account("fondo_ppt", Role.PPT, "Patricia", "Presidencia Pro-Témpore", country=countries["PA"])
    _protocol_document(st_org, st=st, iom=iom, ppt=ppt)
    row = protocol_settings()
    if not row.protocol_symbol:
        row.protocol_symbol = PROTOCOL_SYMBOL
        row.save()
    for user in (st, iom, requester, ppt):
        forget(user)
    if not Contribution.objects.exists():
        for iso2, pledged, received, amount, currency, rate in CONTRIBUTIONS:
            ledger_services.contribution_record(
                by=st, pledged_on=pledged, received_on=received, amount=amount, currency=currency,
                rate_to_usd=rate, country=countries[iso2], note="Cifra de demostración",
            )  # fmt: skip
    if not Case.objects.exists():
        for n, spec in enumerate(CASES, start=1):
            case = _case(n, spec, officer=st, iom=iom, requester=requester, ppt=ppt, countries=countries)
            _backdate(case, n, datetime.date(2004, 8, 1) + datetime.timedelta(days=7 * n))
    stdout.write(
        style.SUCCESS(f"Fund: {Case.objects.count()} demo cases, {Contribution.objects.count()} contributions.")
    )
