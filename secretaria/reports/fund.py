"""The reserve fund's figures in the report, from the fund app's ``fund_statistics(start, end,
suppress=True)``: contributions received in the period by contributor (income by source), the
fund's movements in the period (receipts, reservations, disbursements, releases) and balance at
its end, and the cases submitted in the period by outcome, counts of 1 to 4 written "<5" (no
child or sick person can be singled out). The ledger is cross-checked: the balances add up and
the receipts are the received contributions; a mismatch is a problem that blocks issuing.

The fund's protocol is told once, in section A (the activity record's coordination entry on the
IX CRM); the protocol document itself is a restricted working document, not told here."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils import translation
from django.utils.text import slugify

from secretaria.core.i18n import date_text, number_text
from secretaria.fund import selectors
from secretaria.fund.models import Contribution, Posting
from secretaria.fund.statistics import SUPPRESSED, fund_statistics
from secretaria.reports.sections import Paragraph, Period, Section, Table

ZERO = Decimal("0.00")
MOVEMENTS = {
    Posting.Kind.RECEIPT: ("Contribuciones recibidas", "Contributions received"),
    Posting.Kind.RESERVATION: ("Reservas para casos", "Reservations for cases"),
    Posting.Kind.DISBURSEMENT: ("Desembolsos (con cargo a las reservas)", "Disbursements (from the reservations)"),
    Posting.Kind.RELEASE: ("Reservas liberadas", "Reservations released"),
}


def _stats(period: Period, lang: str):
    with translation.override(lang):
        return fund_statistics(period.start, period.end, suppress=True)


def _count(value, lang: str) -> str:
    if value == SUPPRESSED:
        return "menos de 5" if lang == "es" else "fewer than 5"
    return str(value)


def _usd(value: Decimal) -> str:
    return f"{value:.2f}"


def _income(period: Period) -> tuple[dict, Decimal]:
    lines = defaultdict(lambda: {"es": "", "en": "", "currencies": defaultdict(lambda: ZERO), "usd": ZERO})
    total = ZERO
    received = Contribution.objects.filter(
        status=Contribution.Status.RECEIVED, received_on__range=(period.start, period.end)
    ).select_related("country")
    for c in received.order_by("received_on", "pk"):
        key = c.country.iso2 if c.country_id else c.donor_name
        line = lines[key]
        line["es"] = c.country.name_es if c.country_id else c.donor_name
        line["en"] = (c.country.name_en or c.country.name_es) if c.country_id else c.donor_name
        line["currencies"][c.currency] += c.amount
        line["usd"] += c.amount_usd
        total += c.amount_usd
    return dict(sorted(lines.items(), key=lambda kv: kv[1]["es"])), total


def income_by_source(period: Period) -> tuple[dict, Decimal]:
    """The fund's income of the period for the financial annex's income by source: the received
    contributions of member countries and of other donors (each {"label_es", "label_en",
    "currencies": {currency: amount}, "usd"}), and the receipts the fund's ledger records for the
    period, to cross-check them against."""
    sources = {
        "fund.members": {"label_es": "Contribuciones de los países miembros al fondo de reserva",
                         "label_en": "Member countries' contributions to the reserve fund"},
        "fund.others": {"label_es": "Contribuciones de otros donantes al fondo de reserva",
                        "label_en": "Other donors' contributions to the reserve fund"},
    }  # fmt: skip
    for line in sources.values():
        line.update(currencies=defaultdict(lambda: ZERO), usd=ZERO)
    received = Contribution.objects.filter(
        status=Contribution.Status.RECEIVED, received_on__range=(period.start, period.end)
    ).select_related("country")
    for c in received:
        line = sources["fund.members" if c.country_id and c.country.is_member else "fund.others"]
        line["currencies"][c.currency] += c.amount
        line["usd"] += c.amount_usd
    receipts = selectors.statement(start=period.start, end=period.end).totals.get(Posting.Kind.RECEIPT, ZERO)
    return {k: v for k, v in sources.items() if v["usd"]}, receipts


def _currencies(amounts: dict, lang: str) -> str:
    return "; ".join(f"{cur} {number_text(val, lang)}" for cur, val in sorted(amounts.items()))


def fund(period: Period) -> Section | None:
    es, en = _stats(period, "es"), _stats(period, "en")
    income, income_total = _income(period)
    statement = selectors.statement(start=period.start, end=period.end)
    balances = selectors.balances(until=period.end)
    if not income_total and not statement.postings and es.cases in (0, "0"):
        return None
    section = Section(
        "fund", "Fondo de reserva para casos de retorno voluntario en situaciones de alta vulnerabilidad",
        "Reserve fund for voluntary return in situations of high vulnerability",
    )  # fmt: skip
    section.paragraphs.append(Paragraph(
        "fund.summary",
        f"Durante el período se recibieron contribuciones por USD {number_text(income_total, 'es')} y se presentaron "
        f"{_count(es.cases, 'es')} casos. Al {date_text(period.end, 'es')} el saldo disponible "
        f"del fondo era de USD {number_text(balances.available, 'es')} (recibido a la fecha USD "
        f"{number_text(balances.received, 'es')}, reservado USD {number_text(balances.reserved, 'es')}, desembolsado "
        f"USD {number_text(balances.disbursed, 'es')}).",
        f"During the period contributions of USD {number_text(income_total, 'en')} were received and "
        f"{_count(en.cases, 'en')} cases were submitted. On {date_text(period.end, 'en')} the fund's available balance was "
        f"USD {number_text(balances.available, 'en')} (received to date USD {number_text(balances.received, 'en')}, "
        f"reserved USD {number_text(balances.reserved, 'en')}, disbursed USD {number_text(balances.disbursed, 'en')}).",
        style="text",
    ))  # fmt: skip
    # The last of the statistics' tables is the cases by outcome (the same rows in each language).
    outcome_es, outcome_en = (es.tables[-1], en.tables[-1]) if es.tables and en.tables else (None, None)
    if outcome_es and outcome_en and outcome_es.rows:
        section.paragraphs.append(Paragraph("fund.outcomes", "Casos presentados en el período, por resultado",
                                            "Cases submitted in the period, by outcome", style="heading"))  # fmt: skip
        for (label_es, n), (label_en, _n) in zip(outcome_es.rows, outcome_en.rows, strict=True):
            section.paragraphs.append(
                Paragraph(f"fund.outcome.{slugify(label_en)}", f"{label_es}: {n}", f"{label_en}: {n}")
            )
    rows = [[line["es"], line["en"], _currencies(line["currencies"], "es"), _currencies(line["currencies"], "en"),
             _usd(line["usd"])] for line in income.values()]  # fmt: skip
    rows.append(["Total", "Total", "", "", _usd(income_total)])
    section.tables.append(Table("fund_income", "Ingresos del fondo por fuente", "The fund's income by source",
                                ["Contribuyente", "Monedas", "USD"], ["Contributor", "Currencies", "USD"], rows))  # fmt: skip
    movements = [["Saldo disponible al inicio", "Available balance at the start", "", "", _usd(statement.opening)]]
    for kind, (label_es, label_en) in MOVEMENTS.items():
        movements.append([label_es, label_en, "", "", _usd(statement.totals.get(kind, ZERO))])
    movements.append(["Saldo disponible al cierre", "Available balance at the end", "", "", _usd(statement.closing)])
    section.tables.append(Table("fund_movements", "Movimientos y saldo del fondo", "The fund's movements and balance",
                                ["Movimiento", "Monedas", "USD"], ["Movement", "Currencies", "USD"], movements))  # fmt: skip
    # Cross-checks: the ledger's balances add up, the period's receipts are the contributions
    # received in it, and the statement's closing balance is the balance at the period's end.
    if balances.received - balances.reserved - balances.disbursed != balances.available:
        section.problems.append(
            f"Fondo de reserva: recibido USD {_usd(balances.received)} − reservado USD {_usd(balances.reserved)} − "
            f"desembolsado USD {_usd(balances.disbursed)} no da el saldo disponible USD {_usd(balances.available)} / "
            "Reserve fund: received − reserved − disbursed is not the available balance."
        )
    receipts = statement.totals.get(Posting.Kind.RECEIPT, ZERO)
    if receipts != income_total:
        section.problems.append(
            f"Fondo de reserva: el libro registra recibos por USD {_usd(receipts)} y las contribuciones recibidas "
            f"suman USD {_usd(income_total)} / Reserve fund: the ledger's receipts and the contributions received differ."
        )
    if statement.closing != balances.available:
        section.problems.append(
            f"Fondo de reserva: el estado de cuenta cierra en USD {_usd(statement.closing)} y el saldo disponible es "
            f"USD {_usd(balances.available)} / Reserve fund: the statement's closing and the available balance differ."
        )
    section.data = {
        "cases": str(es.cases),
        "income_usd": _usd(income_total),
        "balances": {k: _usd(v) for k, v in vars(balances).items()},
        "movements": {k: _usd(v) for k, v in statement.totals.items()},
        "outcomes": [[label, str(n)] for label, n in (outcome_en.rows if outcome_en else [])],
    }
    return section
