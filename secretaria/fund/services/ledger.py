"""Money in and out of the fund. Every movement runs in a transaction that first locks the one
``LedgerLock`` row, then reads the balance, then posts: two approvals at the same moment are
serialised, so the available balance can never go below zero."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from secretaria.fund import ledger
from secretaria.fund.models import USD, Account, Contribution, LedgerLock, Posting


def lock_ledger() -> None:
    """Take the ledger's row lock (inside the caller's transaction)."""
    LedgerLock.objects.get_or_create(pk=1)
    LedgerLock.objects.select_for_update().get(pk=1)


def usd(amount: Decimal) -> str:
    return number_format(amount, 2, force_grouping=True)


@transaction.atomic
def contribution_record(
    *,
    by,
    pledged_on: datetime.date,
    amount: Decimal,
    currency: str = "USD",
    rate_to_usd: Decimal = Decimal("1"),
    country=None,
    donor_name: str = "",
    received_on: datetime.date | None = None,
    note: str = "",
) -> Contribution:
    contribution = Contribution(
        country=country,
        donor_name=donor_name.strip(),
        pledged_on=pledged_on,
        amount=amount,
        currency=(currency or "USD").upper(),
        rate_to_usd=rate_to_usd,
        note=note,
        created_by=by,
    )
    if country is None and not contribution.donor_name:
        raise ValidationError({"country": _("Name the contributing country or another donor.")})
    contribution.full_clean()
    contribution.save()
    if received_on is not None:
        contribution_receive(contribution=contribution, by=by, on=received_on)
    return contribution


@transaction.atomic
def contribution_receive(*, contribution: Contribution, by, on: datetime.date | None = None) -> Contribution:
    """A pledge arrives: its US$ value becomes available."""
    lock_ledger()
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if contribution.status == Contribution.Status.RECEIVED:
        raise ValidationError(_("This contribution is already recorded as received."))
    contribution.status = Contribution.Status.RECEIVED
    contribution.received_on = on or timezone.localdate()
    contribution.save(update_fields=["status", "received_on"])
    Posting.objects.create(
        kind=Posting.Kind.RECEIPT,
        on=contribution.received_on,
        debit=Account.AVAILABLE,
        credit=Account.CONTRIBUTIONS,
        amount_usd=contribution.amount_usd,
        contribution=contribution,
        created_by=by,
    )
    return contribution


def reserve(*, case, amount: Decimal, by, on: datetime.date) -> None:
    """Reserve ``amount`` for ``case``; the caller's transaction holds the ledger lock."""
    amount = Decimal(amount).quantize(USD)
    free = ledger.available()
    if amount > free:
        raise ValidationError(
            {
                "amount_usd": _("The fund has US$ %(free)s available; US$ %(amount)s cannot be reserved.")
                % {"free": usd(free), "amount": usd(amount)}
            }
        )
    Posting.objects.create(
        kind=Posting.Kind.RESERVATION,
        on=on,
        debit=Account.RESERVED,
        credit=Account.AVAILABLE,
        amount_usd=amount,
        case=case,
        created_by=by,
    )


def settle(*, case, actual: Decimal | None, by, on: datetime.date) -> None:
    """Turn the case's reservation into a disbursement of ``actual`` and release the rest (all of
    it when ``actual`` is None: a cancellation)."""
    reserved = ledger.reserved_for(case)
    spent = Decimal(actual or 0).quantize(USD)
    if spent > reserved:
        raise ValidationError(
            {
                "actual_usd": _("The actual cost (US$ %(actual)s) is above the amount reserved (US$ %(reserved)s).")
                % {"actual": usd(spent), "reserved": usd(reserved)}
            }
        )
    if spent:
        Posting.objects.create(
            kind=Posting.Kind.DISBURSEMENT, on=on, debit=Account.DISBURSED, credit=Account.RESERVED,
            amount_usd=spent, case=case, created_by=by,
        )  # fmt: skip
    if reserved - spent > 0:
        Posting.objects.create(
            kind=Posting.Kind.RELEASE, on=on, debit=Account.AVAILABLE, credit=Account.RESERVED,
            amount_usd=reserved - spent, case=case, created_by=by,
        )  # fmt: skip
