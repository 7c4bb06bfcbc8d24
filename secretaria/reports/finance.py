"""The financial annex: what the meetings' contracted services cost in the period, by meeting, by
service category and by funder, in the currencies and at the exchange rates recorded, with the
totals cross-checked against each meeting's own cost summary (the per-meeting financial report).
A mismatch is a problem of the section, which blocks issuing and says where it is.

Income by source: the meetings' services by who financed them (sponsor countries, IOM, other
organisations, the Secretariat's own funds) and the reserve fund's contributions received (member
countries, other donors), which ``reports.fund`` reads from the fund and cross-checks against the
fund's ledger. The fund's movements and balance are in the "fund" section."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from secretaria.core.i18n import number_text
from secretaria.meetings.models import ContractedService, ContractedServiceStatusChange
from secretaria.meetings.selectors.contracts import cost_summary
from secretaria.reports import fund
from secretaria.reports.sections import Chart, Paragraph, Period, Section, Table

ZERO = Decimal("0")
COMMITTED = (ContractedService.Status.CONTRACTED, ContractedService.Status.DELIVERED, ContractedService.Status.PAID)


def services_of(period: Period):
    """Services contracted during the period and still committed (cancelled ones are left out)."""
    ids = ContractedServiceStatusChange.objects.filter(
        to_status=ContractedService.Status.CONTRACTED, changed_at__date__range=(period.start, period.end)
    ).values("service_id")
    return list(
        ContractedService.objects.filter(pk__in=ids, status__in=COMMITTED)
        .select_related("meeting", "funder_country", "funder_organization", "supplier")
        .order_by("meeting__start_date", "meeting_id", "kind", "pk")
    )


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _currencies(amounts: dict[str, Decimal], lang: str) -> str:
    return "; ".join(f"{cur} {number_text(val, lang)}" for cur, val in sorted(amounts.items()))


def _line():
    return {"usd": ZERO, "currencies": defaultdict(lambda: ZERO), "label_es": "", "label_en": ""}


def _funder_labels(service) -> tuple[str, str]:
    if service.funder == ContractedService.Funder.SPONSOR_COUNTRY and service.funder_country_id:
        return service.funder_country.name_es, service.funder_country.name_en or service.funder_country.name_es
    if service.funder_key == ContractedService.Funder.IOM:
        return "OIM", "IOM"
    if service.funder == ContractedService.Funder.OTHER_ORGANIZATION and service.funder_organization_id:
        org = service.funder_organization
        return org.name_es, org.name_en or org.name_es
    return {"secretariat": ("Fondos de la Secretaría", "Secretariat funds")}.get(service.funder, (service.funder,) * 2)


KIND_NAMES = {
    "interpretation": ("Interpretación", "Interpretation"),
    "translation": ("Traducción", "Translation"),
    "audio_visual": ("Equipo audiovisual", "Audio-visual equipment"),
    "it_support": ("Apoyo informático y administrativo", "IT and administrative support"),
    "venue": ("Sede", "Venue"),
    "catering": ("Alimentación", "Catering"),
    "travel": ("Viajes", "Travel"),
    "other": ("Otros", "Other"),
}


def _table(key, title_es, title_en, first_es, first_en, lines: dict, total: Decimal) -> Table:
    rows = [
        [line["label_es"], line["label_en"], _currencies(line["currencies"], "es"),
         _currencies(line["currencies"], "en"), _money(line["usd"])]
        for line in lines.values()
    ]  # fmt: skip
    rows.append(["Total", "Total", "", "", _money(total)])
    return Table(key, title_es, title_en, [first_es, "Monedas", "USD"], [first_en, "Currencies", "USD"], rows)


def _chart(key, title_es, title_en, lines: dict) -> Chart:
    labels_es = [line["label_es"] for line in lines.values()]
    labels_en = [line["label_en"] for line in lines.values()]
    values = [float(line["usd"]) for line in lines.values()]
    alt_es = f"{title_es}: " + "; ".join(
        f"{lab}, USD {number_text(v, 'es')}" for lab, v in zip(labels_es, values, strict=True)
    )
    alt_en = f"{title_en}: " + "; ".join(
        f"{lab}, USD {number_text(v, 'en')}" for lab, v in zip(labels_en, values, strict=True)
    )
    return Chart(key, title_es, title_en, labels_es, labels_en, values, "USD", alt_es + ".", alt_en + ".")


SOURCE_NAMES = {
    ContractedService.Funder.SPONSOR_COUNTRY: ("Financiamiento de los países patrocinadores (servicios de las reuniones)",
                                               "Sponsor countries' financing (the meetings' services)"),
    ContractedService.Funder.IOM: ("OIM (servicios de las reuniones)", "IOM (the meetings' services)"),
    ContractedService.Funder.OTHER_ORGANIZATION: ("Otras organizaciones (servicios de las reuniones)",
                                                  "Other organisations (the meetings' services)"),
}  # fmt: skip


def _source_of(service) -> tuple[str, tuple[str, str]]:
    # An organisation that is IOM counts as IOM (``funder_key`` says so).
    key = ContractedService.Funder.IOM if service.funder_key == ContractedService.Funder.IOM else service.funder
    names = SOURCE_NAMES.get(key, ("Fondos de la Secretaría (servicios de las reuniones)",
                                   "The Secretariat's funds (the meetings' services)"))  # fmt: skip
    return f"services.{key}", names


def _income(period: Period, services, section: Section) -> tuple[dict, Decimal]:
    """Income by source: what financed the meetings' services, and the reserve fund's contributions
    received, cross-checked against the fund's ledger (a mismatch blocks issuing)."""
    lines = defaultdict(_line)
    for s in services:
        key, (label_es, label_en) = _source_of(s)
        line = lines[key]
        line["label_es"], line["label_en"] = label_es, label_en
        line["usd"] += s.amount_usd
        line["currencies"][s.currency] += s.amount
    fund_lines, receipts = fund.income_by_source(period)
    for key, source in fund_lines.items():
        line = lines[key]
        line["label_es"], line["label_en"], line["usd"] = source["label_es"], source["label_en"], source["usd"]
        line["currencies"].update(source["currencies"])
    fund_total = sum((source["usd"] for source in fund_lines.values()), ZERO)
    if fund_total != receipts:
        section.problems.append(
            f"Ingresos por fuente: las contribuciones al fondo de reserva suman USD {_money(fund_total)} y el libro "
            f"del fondo registra recibos por USD {_money(receipts)} / Income by source: the reserve fund's "
            "contributions and its ledger's receipts differ."
        )
    return dict(lines), sum((line["usd"] for line in lines.values()), ZERO)


def finance(period: Period) -> Section | None:
    services = services_of(period)
    fund_lines, _receipts = fund.income_by_source(period)
    if not services and not fund_lines:
        return None
    by_meeting, by_kind, by_funder = defaultdict(_line), defaultdict(_line), defaultdict(_line)
    rates = defaultdict(set)
    total = ZERO
    for s in services:
        usd = s.amount_usd
        total += usd
        for lines, key, labels in (
            (by_meeting, s.meeting.slug, (s.meeting.title_es, s.meeting.title_en or s.meeting.title_es)),
            (by_kind, s.kind, KIND_NAMES.get(s.kind, (s.kind, s.kind))),
            (by_funder, s.funder_key, _funder_labels(s)),
        ):
            line = lines[key]
            line["label_es"], line["label_en"] = labels
            line["usd"] += usd
            line["currencies"][s.currency] += s.amount
        if s.currency != "USD":
            rates[s.currency].add(s.usd_rate)
    section = Section("finance", "Anexo financiero", "Financial annex")
    # Cross-checks: the three breakdowns add up to the total, and each meeting's line is what the
    # meeting's own cost summary (its financial report) says for the same services.
    for name_es, name_en, lines in (("por reunión", "by meeting", by_meeting), ("por servicio", "by service", by_kind),
                                    ("por financiador", "by funder", by_funder)):  # fmt: skip
        summed = sum((line["usd"] for line in lines.values()), ZERO)
        if summed != total:
            section.problems.append(
                f"El total {name_es} (USD {_money(summed)}) no coincide con el total de los servicios "
                f"(USD {_money(total)}) / The total {name_en} does not match the services' total."
            )
    for slug, line in by_meeting.items():
        summary = cost_summary([s for s in services if s.meeting.slug == slug])
        if summary.total.usd_committed != line["usd"]:
            section.problems.append(
                f"{line['label_es']}: el informe financiero de la reunión dice USD {_money(summary.total.usd_committed)}"
                f" y el anexo USD {_money(line['usd'])} / {line['label_en']}: the meeting's financial report and the "
                "annex differ."
            )
    section.paragraphs.append(Paragraph(
        "finance.summary",
        f"Durante el período se contrataron {len(services)} servicios para las reuniones, por un total de "
        f"USD {number_text(total, 'es')} al tipo de cambio registrado en cada contratación.",
        f"During the period {len(services)} services were contracted for the meetings, for a total of "
        f"USD {number_text(total, 'en')} at the exchange rate recorded on each contract.",
        style="text",
    ))  # fmt: skip
    if rates:
        es = "; ".join(
            f"{cur}: {', '.join(number_text(r, 'es', 4) for r in sorted(rs))} por USD"
            for cur, rs in sorted(rates.items())
        )
        en = "; ".join(
            f"{cur}: {', '.join(number_text(r, 'en', 4) for r in sorted(rs))} per USD"
            for cur, rs in sorted(rates.items())
        )
        section.paragraphs.append(Paragraph("finance.rates", f"Tipos de cambio registrados: {es}.",
                                            f"Exchange rates recorded: {en}.", style="text"))  # fmt: skip
    income, income_total = _income(period, services, section)
    section.tables = [
        _table("income_by_source", "Ingresos por fuente", "Income by source", "Fuente", "Source", income,
               income_total),
        _table("by_meeting", "Gastos por reunión", "Spending by meeting", "Reunión", "Meeting", by_meeting, total),
        _table("by_kind", "Gastos por categoría de servicio", "Spending by service category", "Servicio", "Service",
               by_kind, total),
        _table("by_funder", "Gastos por financiador", "Spending by funder", "Financiador", "Funder", by_funder, total),
    ]  # fmt: skip
    section.charts = [
        _chart(
            "chart_by_kind", "Gastos por categoría de servicio (USD)", "Spending by service category (USD)", by_kind
        ),
        _chart("chart_by_funder", "Gastos por financiador (USD)", "Spending by funder (USD)", by_funder),
    ]
    section.data = {
        "services": [{"id": s.pk, "meeting": s.meeting.slug, "kind": s.kind, "amount": str(s.amount),
                      "currency": s.currency, "usd_rate": str(s.usd_rate), "usd": str(s.amount_usd),
                      "funder": s.funder_key, "status": s.status} for s in services],
        "total_usd": _money(total),
        "income_by_source": {key: _money(line["usd"]) for key, line in income.items()},
    }  # fmt: skip
    return section
