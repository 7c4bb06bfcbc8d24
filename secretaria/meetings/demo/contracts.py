"""Demo data for contracted services (called from meetings/demo.py): the seed report's services.

* The "Migración y Salud" seminar (Guatemala City, 18–19 October 2004), sponsored by Canada and
  Mexico: simultaneous interpretation, booths and receivers, translation of the documents and
  audio-visual equipment, all paid.
* The December 2004 meetings in Panama: interpretation and audio-visual services negotiated during
  the Secretariat's visit to Panama — the interpretation contracted, the equipment still quoted.

Each service carries the supplier's quote as a Secretariat-only document (a one-page PDF made
from the service's data).

Amounts are plausible 2004 prices; rates are those of the day (about 7.90 quetzales and 450
colones per dollar; the balboa is at par with the dollar). Idempotent: a service is recognised
by its meeting, kind and supplier and is not created or moved twice.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from secretaria.accounts.models import User
from secretaria.directory.models import Country, Organization
from secretaria.meetings.exports.contracts import latin1
from secretaria.meetings.models import ContractedService, ContractedServiceFile, Meeting
from secretaria.meetings.services.contracts import service_create, service_file_add, service_set_status

Status = ContractedService.Status


def _at(year, month, day, hour=10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))  # noqa: DTZ001


def _supplier(name: str, country: Country | None, city: str) -> Organization:
    supplier, _ = Organization.objects.update_or_create(
        kind=Organization.Kind.SUPPLIER, name_es=name, defaults={"country": country, "address": city}
    )
    return supplier


def _seminar() -> Meeting | None:
    meeting = Meeting.objects.filter(slug="migracion-y-salud").first()
    return meeting or Meeting.objects.filter(start_date=datetime.date(2004, 10, 18)).order_by("pk").first()


def _panama_december(panama: Country | None) -> Meeting | None:
    """The workshop on the Palermo Convention, else the first of the December 2004 meetings in Panama."""
    december = Meeting.objects.filter(
        start_date__gte=datetime.date(2004, 12, 1), start_date__lte=datetime.date(2004, 12, 31)
    )
    if panama is not None:
        december = december.filter(country=panama)
    return (
        december.filter(kind=Meeting.Kind.WORKSHOP).order_by("start_date").first()
        or december.order_by("start_date").first()
    )


def _quote_pdf(service: ContractedService, on: datetime.datetime) -> SimpleUploadedFile:
    """The supplier's quote as a one-page PDF, from the service's own data (Latin-1 core font)."""
    from fpdf import FPDF  # noqa: PLC0415 - a heavy document library, loaded only when a file is made

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, latin1(service.supplier.name_es), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, latin1(service.supplier.address), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, latin1(f"Cotización — {on:%d/%m/%Y}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    lines = [
        "Señores Secretaría Técnica de la Conferencia Regional sobre Migración, San José, Costa Rica.",
        f"Evento: {service.meeting.title_es}, {service.meeting.city}.",
        f"Servicio: {service.description_es}",
        f"Monto total: {service.currency} {service.amount:,.2f}.",
        "Validez de la oferta: 30 días.",
    ]
    for line in lines:
        pdf.multi_cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return SimpleUploadedFile(f"cotizacion-{service.pk}.pdf", bytes(pdf.output()), content_type="application/pdf")


def _service(meeting, by, *, supplier, steps, **data) -> tuple[ContractedService, bool]:
    """Create the service with its history at the given dates, unless it is already there."""
    existing = ContractedService.objects.filter(meeting=meeting, kind=data["kind"], supplier=supplier).first()
    if existing is not None:
        return existing, False
    (first_status, first_on, _note), *later = steps
    assert first_status == Status.QUOTED  # noqa: S101 - the demo's own table
    service = service_create(meeting=meeting, by=by, supplier=supplier, on=first_on, **data)
    service_file_add(
        service, by=by, kind=ContractedServiceFile.Kind.QUOTE, file=_quote_pdf(service, first_on), on=first_on
    )
    for status, on, note in later:
        service = service_set_status(service, to=status, by=by, note=note, on=on)
    return service, True


def load(*, stdout, style):
    countries = {c.iso2: c for c in Country.objects.filter(iso2__in=["CA", "MX", "GT", "CR", "PA"])}
    by = User.objects.filter(username="st").first()
    created = 0

    seminar = _seminar()
    if seminar is None:
        stdout.write(style.WARNING("Contracted services: the Migration and Health seminar is not loaded; skipped."))
    else:
        interpreters = _supplier("Intérpretes de Conferencia Asociados", countries.get("GT"), "Ciudad de Guatemala")
        equipment = _supplier(
            "Equipos de Interpretación y Audiovisuales, S.A.", countries.get("GT"), "Ciudad de Guatemala"
        )
        plenary_av = _supplier("Audiovisuales Profesionales de Guatemala", countries.get("GT"), "Ciudad de Guatemala")
        translators = _supplier("Traducciones Técnicas Centroamericanas", countries.get("CR"), "San José, Costa Rica")
        paid_steps = [
            (Status.QUOTED, _at(2004, 9, 20), ""),
            (Status.CONTRACTED, _at(2004, 10, 1), "Contrato firmado por el Coordinador de la ST."),
            (Status.DELIVERED, _at(2004, 10, 19, 18), "Servicio prestado durante el seminario."),
            (Status.PAID, _at(2004, 11, 5), "Pago por transferencia contra factura."),
        ]
        rows = [
            {
                "supplier": interpreters, "kind": ContractedService.Kind.INTERPRETATION,
                "amount": Decimal("3600.00"), "currency": "USD", "usd_rate": Decimal("1"),
                "funder": ContractedService.Funder.SPONSOR_COUNTRY, "funder_country": countries.get("CA"),
                "description_es": "Interpretación simultánea español–inglés: equipo de cuatro intérpretes en cabina, "
                "18 y 19 de octubre de 2004 (USD 450 por intérprete y día).",
                "description_en": "Simultaneous interpretation Spanish–English: a team of four booth interpreters, "
                "18 and 19 October 2004 (USD 450 per interpreter per day).",
            },
            {
                "supplier": equipment, "kind": ContractedService.Kind.AUDIO_VISUAL,
                "amount": Decimal("27650.00"), "currency": "GTQ", "usd_rate": Decimal("7.90"),
                "funder": ContractedService.Funder.SPONSOR_COUNTRY, "funder_country": countries.get("MX"),
                "description_es": "Dos cabinas de interpretación insonorizadas, consola, 120 receptores inalámbricos "
                "con audífonos y un técnico durante los dos días.",
                "description_en": "Two soundproof interpretation booths, console, 120 wireless receivers with "
                "headsets and a technician for both days.",
            },
            {
                "supplier": translators, "kind": ContractedService.Kind.TRANSLATION,
                "amount": Decimal("765000.00"), "currency": "CRC", "usd_rate": Decimal("450.00"),
                "funder": ContractedService.Funder.SECRETARIAT,
                "description_es": "Traducción al inglés y al español de la agenda anotada, la información "
                "administrativo/logística y las ponencias (unas 85 páginas).",
                "description_en": "Translation into English and Spanish of the annotated agenda, the administrative "
                "and logistics information and the presentations (about 85 pages).",
            },
            {
                "supplier": plenary_av, "kind": ContractedService.Kind.AUDIO_VISUAL,
                "amount": Decimal("9875.00"), "currency": "GTQ", "usd_rate": Decimal("7.90"),
                "funder": ContractedService.Funder.SPONSOR_COUNTRY, "funder_country": countries.get("MX"),
                "description_es": "Equipo audiovisual de la sala plenaria: proyector multimedia, pantalla, sistema de "
                "sonido y micrófonos de mesa, dos días.",
                "description_en": "Audio-visual equipment for the plenary room: multimedia projector, screen, sound "
                "system and table microphones, two days.",
            },
        ]  # fmt: skip
        for row in rows:
            _, new = _service(seminar, by, steps=paid_steps, **row)
            created += new

    panama = countries.get("PA")
    december = _panama_december(panama)
    if december is None:
        stdout.write(style.WARNING("Contracted services: no December 2004 meeting in Panama is loaded; skipped."))
    else:
        conferences = _supplier("Servicios de Conferencias de Panamá, S.A.", panama, "Ciudad de Panamá")
        av = _supplier("Audiovisuales del Istmo", panama, "Ciudad de Panamá")
        quoted_on = _at(2004, 11, 10)
        _, new = _service(
            december, by, supplier=conferences, kind=ContractedService.Kind.INTERPRETATION,
            amount=Decimal("8400.00"), currency="PAB", usd_rate=Decimal("1"),
            funder=ContractedService.Funder.SECRETARIAT,
            description_es="Interpretación simultánea español–inglés para el Taller sobre la Convención de Palermo "
            "y las reuniones de las Redes de Funcionarios de Enlace y del GRCM: cuatro intérpretes, cuatro días.",
            description_en="Simultaneous interpretation Spanish–English for the workshop on the Palermo Convention "
            "and the meetings of the liaison-officer networks and the GRCM: four interpreters, four days.",
            steps=[
                (Status.QUOTED, quoted_on, "Negociado durante la visita de la ST a Panamá."),
                (Status.CONTRACTED, _at(2004, 11, 22), "Contrato firmado; coordinado con la Presidencia Pro-Témpore."),
            ],
        )  # fmt: skip
        created += new
        _, new = _service(
            december, by, supplier=av, kind=ContractedService.Kind.AUDIO_VISUAL,
            amount=Decimal("5600.00"), currency="PAB", usd_rate=Decimal("1"),
            funder=ContractedService.Funder.SECRETARIAT,
            description_es="Dos cabinas de interpretación, 100 receptores, proyector, pantalla y sonido para las "
            "reuniones de diciembre de 2004 en Panamá.",
            description_en="Two interpretation booths, 100 receivers, projector, screen and sound for the "
            "December 2004 meetings in Panama.",
            steps=[(Status.QUOTED, quoted_on, "Cotización recibida durante la visita de la ST a Panamá.")],
        )  # fmt: skip
        created += new

    stdout.write(f"Contracted services: {created} created.")
