"""The whole-home funding plan: every failing barrier's remedies with their funding split, the chosen remedy
per barrier, and the totals, with the whole-home budgets (Husbanken, start loan, small-aids grant) shared out.

All inputs come from the project's `costing` dict (see `STATE_KEYS`); everything here is whole kroner.
"""
from __future__ import annotations

from dataclasses import dataclass

from costing.eligibility import Eligibility, assess_answers
from costing.grants import ALTERNATIVES
from costing.money import nok
from costing.prices import load_prices, price_number
from costing.quotes import quoted_amounts
from costing.rates import load_rates
from costing.remedies import Context, Remedy, barrier_key, remedies_for
from costing.schemes import NAMES, POOLED, SCHEMES, FundingContext, Split, split
from planner.model.findings import FAIL, PASS, Finding
from planner.model.plan import Plan
from planner.rules import DEFAULT_STANDARD, Rules, load_rules
from planner.model.status import worst

# Work that a larger chosen job in the same room already includes: a rebuilt bathroom has its new step-free
# shower, so converting the bath or removing the kerb is not paid twice.
INCLUDED_IN = {"bath_to_shower": "bathroom_layout", "shower_kerb_removal": "bathroom_layout"}

# The keys of the project's costing dict this package reads and writes (docs/funding.md describes them).
STATE_KEYS = ("prices", "rates", "quote", "choices", "answers", "husbanken_expected_nok", "startlan_nok",
              "alternative_price_nok", "grant_alternative", "county")


@dataclass(frozen=True, slots=True)
class Barrier:
    """One failing finding, its remedies, each remedy's split as if it were the only work, and the choice."""

    key: str
    finding: Finding
    remedies: tuple[Remedy, ...]
    splits: dict[str, Split]
    chosen: str | None

    def remedy(self, remedy_id: str) -> Remedy | None:
        return next((r for r in self.remedies if r.id == remedy_id), None)


@dataclass(frozen=True, slots=True)
class FundingPlan:
    barriers: tuple[Barrier, ...]
    chosen: tuple[Split, ...]  # the chosen remedies, with the whole-home budgets shared out in order
    eligibility: Eligibility
    unpriced: tuple[str, ...]  # barriers whose chosen remedy lacks a price
    included: tuple[str, ...] = ()  # barriers whose chosen remedy is part of a larger chosen job (INCLUDED_IN)
    spare: tuple[str, ...] = ()  # barriers of a bathroom not needed: another one is, or is made, accessible

    def total(self, field: str) -> int:
        """Sum over the chosen remedies: "total", "public", "household_now", "borrowed", "yearly" or a scheme."""
        if field in NAMES:
            return sum(s.amounts.get(field, 0) for s in self.chosen)
        return sum(getattr(s, f"{field}_nok") or 0 for s in self.chosen)

    def left_out(self) -> list[tuple[Barrier, str]]:
        """The barriers the plan does not count, each with the text key that says why."""
        return [(b, "fund.included" if b.key in self.included else "fund.spare") for b in self.barriers
                if b.key in self.included or b.key in self.spare]

    def to_dict(self) -> dict:
        return {"barriers": [{"barrier": b.key, "check": b.finding.check, "code": b.finding.code,
                              "element": b.finding.element, "chosen": b.chosen,
                              "remedies": [{**r.to_dict(), "funding": b.splits[r.id].to_dict()} for r in b.remedies]}
                             for b in self.barriers],
                "plan": {"chosen": [s.to_dict() for s in self.chosen],
                         "totals": {f"{k}_nok": self.total(k) for k in ("total", "public", "household_now",
                                                                        "borrowed", "yearly", *NAMES)},
                         "unpriced": list(self.unpriced), "included": list(self.included),
                         "spare": list(self.spare)},
                "warnings": [{"key": w.key, "blocks": sorted(w.blocks), "severity": w.severity, "rule": w.rule}
                             for w in self.eligibility.warnings]}


def _optional_nok(state: dict, key: str) -> int | None:
    value = state.get(key)
    return None if value in (None, "") else price_number(value, key)


def contexts(state: dict | None, rules: Rules | None = None) -> tuple[Context, FundingContext]:
    """The remedy and funding contexts from the project's costing dict and the rules the plan is checked by
    (TEK17 when not given: NAV funds homes in Norway). Raises ValueError on a bad number."""
    state = state or {}
    rules = rules or load_rules(DEFAULT_STANDARD)
    rates = load_rates(state.get("rates"))
    prices = load_prices(state.get("prices"), vat=rates["vat"].value)
    answers = state.get("answers") or {}
    alternative = state.get("grant_alternative") if state.get("grant_alternative") in ALTERNATIVES else None
    ctx = Context(prices=prices, rates=rates, shared_stairwell=answers.get("shared_stairwell") is True,
                  grant_alternative=alternative, quoted=quoted_amounts(state.get("quote")), rules=rules)
    fctx = FundingContext(rates=rates, prices=prices, eligibility=assess_answers(answers),
                          alternative_price_nok=_optional_nok(state, "alternative_price_nok") or None)  # 0: not given
    return ctx, fctx


def pots(state: dict | None) -> dict[str, int | None]:
    """The whole-home budgets: Husbanken's expected grant and the start loan the user enters; small aids: None
    (the flat rate)."""
    state = state or {}
    return {"small_aids": None, "husbanken": _optional_nok(state, "husbanken_expected_nok") or 0,
            "startlan": _optional_nok(state, "startlan_nok") or 0}


def default_choice(remedies: tuple[Remedy, ...], splits: dict[str, Split]) -> str | None:
    """The adequate remedy that fits and costs the household least now, then least each year, lasting first."""
    candidates = [r for r in remedies if r.adequate and r.fits is not False and splits[r.id].total_nok is not None]
    if not candidates:
        return None
    best = min(candidates, key=lambda r: (splits[r.id].household_now_nok, r.yearly_nok, not r.lasting,
                                          splits[r.id].total_nok))
    return best.id


def build_plan(plan: Plan, findings: list[Finding], state: dict | None = None,
               rules: Rules | None = None) -> FundingPlan:
    """Every failing finding's remedies and funding, and the whole-home plan of the chosen remedies.

    rules: the standard the findings were made by (the same Rules passed to assess); TEK17 when not given."""
    state = state or {}
    ctx, fctx = contexts(state, rules)
    budgets = pots(state)
    choices = state.get("choices") or {}
    barriers = []
    for finding in findings:
        if finding.status != FAIL:
            continue
        remedies = tuple(remedies_for(finding, plan, ctx))
        if not remedies:
            continue
        splits = {r.id: split(r, fctx, budgets) for r in remedies}
        key = barrier_key(finding)
        chosen = choices.get(key) if choices.get(key) in splits else default_choice(remedies, splits)
        barriers.append(Barrier(key, finding, remedies, splits, chosen))
    left = dict(budgets)
    if left["small_aids"] is None:
        left["small_aids"] = nok(fctx.rates["small_aids_flat_grant_nok"].value)
    chosen_splits, unpriced = [], []
    included = _included(plan, barriers)
    spare = _spare_bathrooms(plan, findings, barriers, choices)
    for barrier in barriers:
        remedy = barrier.remedy(barrier.chosen) if barrier.chosen else None
        if remedy is None or barrier.key in included or barrier.key in spare:
            continue
        s = split(remedy, fctx, left)
        if s.total_nok is None:
            unpriced.append(barrier.key)
        for name in POOLED:
            left[name] -= s.amounts.get(name, 0)
        chosen_splits.append(s)
    return FundingPlan(tuple(barriers), tuple(chosen_splits), fctx.eligibility, tuple(unpriced), tuple(included),
                       tuple(spare))


def _room_finder(plan: Plan):
    """finding -> the room it is about (a room's own finding, or one about a fixture in it), or None; built once
    per plan so a large plan is not searched per finding."""
    rooms = {r.id for r in plan.rooms}
    fixture_room = {f.id: f.room for f in plan.fixtures}
    return lambda finding: finding.element if finding.element in rooms else fixture_room.get(finding.element)


def _included(plan: Plan, barriers: list[Barrier]) -> list[str]:
    """Barriers whose chosen remedy a larger chosen job in the same room already includes."""
    room_of = _room_finder(plan)
    chosen = {(b.key, room_of(b.finding)): b.remedy(b.chosen).option for b in barriers
              if b.chosen and b.remedy(b.chosen) is not None}
    return [key for (key, room), option in chosen.items()
            if option in INCLUDED_IN and room is not None
            and any(other == INCLUDED_IN[option] and r == room for (k, r), other in chosen.items() if k != key)]


def _cost_now(barriers: list[Barrier]) -> tuple[bool, int]:
    """What the chosen remedies of some barriers cost the household now, for comparing them: (whether a barrier
    has no priced choice, the sum)."""
    now = [b.splits[b.chosen].household_now_nok if b.chosen else None for b in barriers]
    return None in now, sum(n or 0 for n in now)


def _spare_bathrooms(plan: Plan, findings: list[Finding], barriers: list[Barrier], choices: dict) -> list[str]:
    """The barriers of bathrooms the home does not need made accessible: TEK17 § 12-9 asks for one accessible
    bathroom. Where one already passes every check about it, the others are spare; where none does, the one
    whose chosen remedies cost the household least now is the one to adapt, and the others are spare. A
    barrier the user chose a remedy for is never spare."""
    bathrooms = [r.id for r in plan.rooms if r.type == "bathroom"]
    if len(bathrooms) < 2:
        return []
    room_of = _room_finder(plan)
    statuses: dict[str, list[str]] = {room: [] for room in bathrooms}
    for f in findings:
        room = room_of(f)
        if room in statuses:
            statuses[room].append(f.status)
    by_room: dict[str, list[Barrier]] = {room: [] for room in bathrooms}
    for b in barriers:
        room = room_of(b.finding)
        if room in by_room:
            by_room[room].append(b)
    accessible = [room for room in bathrooms if statuses[room] and worst(statuses[room]) == PASS]
    failing = [room for room in bathrooms if by_room[room]]
    keep = accessible[0] if accessible else min(failing, key=lambda room: _cost_now(by_room[room]), default=None)
    return [b.key for room in bathrooms if room != keep for b in by_room[room] if b.key not in choices]


SCHEME_RULES = {s.NAME: s.RULE for s in SCHEMES}
