"""The ledger's arithmetic, shared by the services that move money and the selectors that
show it: balances are sums of postings (each posting debits one account, credits another)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q, Sum

from secretaria.fund.models import Account, Posting

ZERO = Decimal("0.00")


def balance(account: str, *, qs=None) -> Decimal:
    """Debits minus credits of ``account`` over ``qs`` (all postings by default)."""
    qs = Posting.objects.all() if qs is None else qs
    totals = qs.aggregate(
        debits=Sum("amount_usd", filter=Q(debit=account)), credits=Sum("amount_usd", filter=Q(credit=account))
    )
    return (totals["debits"] or ZERO) - (totals["credits"] or ZERO)


def available() -> Decimal:
    """Received − disbursed − reserved: what the fund can still commit."""
    return balance(Account.AVAILABLE)


def reserved_for(case) -> Decimal:
    return balance(Account.RESERVED, qs=Posting.objects.filter(case=case))
