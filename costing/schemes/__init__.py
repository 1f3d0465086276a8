"""Funding routes, one small module each, applied in order to one remedy's cost.

Each scheme has NAME, PUBLIC (a grant from NAV, Husbanken or the municipality), LOAN, RULE (the rule it
follows, cited) and `pays(remedy, ctx, remaining_nok, pot_nok) -> Contribution`. A scheme never pays more than
what is still unpaid, so NAV + Husbanken + municipality together never exceed the cost.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from costing.eligibility import Eligibility, assess_answers
from costing.prices import Price
from costing.rates import Rate
from costing.remedies import Remedy


@dataclass(frozen=True, slots=True)
class Contribution:
    scheme: str
    amount_nok: int
    notes: tuple[str, ...] = ()
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FundingContext:
    """rates and prices; eligibility from the questionnaire; alternative_price_nok: the user's price of the
    alternative aid (a lift's price, or an override of the ramp rate)."""

    rates: dict[str, Rate]
    prices: dict[str, Price]
    eligibility: Eligibility = field(default_factory=lambda: assess_answers({}))
    alternative_price_nok: int | None = None

    def blocked(self, scheme: str) -> bool:
        return scheme in self.eligibility.blocked


def _order():
    from costing.schemes import husbanken, nav_grant, nav_loan, own_money, small_aids, startlan
    return (nav_loan, nav_grant, small_aids, husbanken, startlan, own_money)


SCHEMES = _order()
NAMES = tuple(s.NAME for s in SCHEMES)
POOLED = ("small_aids", "husbanken", "startlan")  # one budget for the whole home


@dataclass(frozen=True, slots=True)
class Split:
    """Who pays how much of one remedy's one-off cost, and what the household keeps paying each year."""

    remedy_id: str
    total_nok: int | None
    amounts: dict[str, int]
    yearly_nok: int
    notes: tuple[str, ...] = ()
    detail: dict = field(default_factory=dict)

    @property
    def public_nok(self) -> int:
        return sum(self.amounts.get(s.NAME, 0) for s in SCHEMES if s.PUBLIC)

    @property
    def borrowed_nok(self) -> int:
        return sum(self.amounts.get(s.NAME, 0) for s in SCHEMES if s.LOAN)

    @property
    def household_now_nok(self) -> int | None:
        """What the household pays now: own money plus what it borrows (a start loan is repaid)."""
        if self.total_nok is None:
            return None
        return self.amounts.get("own_money", 0) + self.borrowed_nok

    def to_dict(self) -> dict:
        return {"remedy": self.remedy_id, "total_nok": self.total_nok, **{f"{k}_nok": v for k, v in
                self.amounts.items()}, "public_nok": self.public_nok, "household_now_nok": self.household_now_nok,
                "borrowed_nok": self.borrowed_nok, "yearly_nok": self.yearly_nok, "notes": list(self.notes),
                "detail": self.detail}


def split(remedy: Remedy, ctx: FundingContext, pots: dict[str, int | None] | None = None) -> Split:
    """Apply every scheme in order to the remedy's one-off cost. pots: what is left of the whole-home budgets
    of the pooled schemes (small aids, Husbanken, start loan); None means the scheme's own default."""
    total = remedy.total_nok
    if total is None:
        return Split(remedy.id, None, {}, remedy.yearly_nok, ("note.price_missing",),
                     {"missing_prices": list(remedy.missing_prices)})
    pots = pots or {}
    remaining, amounts, notes, detail = total, {}, list(remedy.notes), {}
    for scheme in SCHEMES:
        if ctx.blocked(scheme.NAME):
            amounts[scheme.NAME] = 0
            continue
        c = scheme.pays(remedy, ctx, remaining, pots.get(scheme.NAME))
        amount = max(0, min(c.amount_nok, remaining))
        amounts[scheme.NAME] = amount
        remaining -= amount
        notes += [n for n in c.notes if n not in notes]
        detail.update(c.detail)
    return Split(remedy.id, total, amounts, remedy.yearly_nok, tuple(notes), detail)
