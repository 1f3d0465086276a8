"""NAV's grant instead of an aid: grant = min(cap of the alternative aid, real cost of the permanent solution).

Rule: folketrygdloven § 10-7 with NAV's "tilskudd i stedet for hjelpemiddel" practice (NAV Hjelpemiddelsentral
Vestland 2025; kunnskapsbanken.net). The cap of a ramp is a fixed rate by rise (costing/data/rates-no.toml: one
rate up to and including a rise, a larger one above, both plus VAT); the cap of a stair lift or platform lift is the lift's framework price
including VAT, excluding installation, which is not public, so the user gives it. The grant never exceeds the
real cost of the permanent solution. All money is whole kroner (`*_nok`), all lengths millimetres (`*_mm`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from costing import texts  # noqa: F401  (registers the cap texts)
from costing.errors import CostingError
from costing.money import nok, with_vat_nok
from costing.rates import Rate, load_rates
from planner.i18n import fmt_mm, fmt_nok, t

RAMP, STAIRLIFT, PLATFORMLIFT = "ramp", "stairlift", "platformlift"
ALTERNATIVES = (RAMP, STAIRLIFT, PLATFORMLIFT)
RULE = ("Folketrygdloven § 10-7, NAV 'tilskudd i stedet for hjelpemiddel': grant = min(cap of the alternative "
        "aid, real cost of the permanent solution)")
CAP_RULE_KEYS = ("cap.ramp_small", "cap.ramp_large", "cap.lift", "cap.user")   # texts in costing/texts.py


class GrantInputError(CostingError):
    """An input the grant rule cannot use. The message is one sentence a user understands (costing/errors.py)."""


@dataclass(frozen=True, slots=True)
class Cap:
    """The most NAV grants instead of the alternative aid [kr incl. VAT], and why."""

    alternative: str
    cap_nok: int
    cap_rule_key: str   # one of CAP_RULE_KEYS; its numbers in cap_params, from the rates used
    source: str
    confidence: str
    notes: tuple[str, ...] = ()
    cap_params: dict = field(default_factory=dict)

    @property
    def cap_rule(self) -> str:
        """The rule behind the cap, in English (the JSON and the command line); the app shows cap_rule_key."""
        return t(self.cap_rule_key, "en", **self.cap_params)


@dataclass(frozen=True, slots=True)
class GrantResult:
    alternative: str
    rise_mm: float
    cap_nok: int
    permanent_cost_nok: int
    grant_nok: int
    own_share_nok: int
    limited_by: str  # "cap" when the cap is lower than the cost, "cost" otherwise
    cap_rule: str
    cap_source: str
    cap_confidence: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    cap_rule_key: str = ""
    cap_params: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"alternative": self.alternative, "rise_mm": self.rise_mm, "cap_nok": self.cap_nok,
                "permanent_cost_nok": self.permanent_cost_nok, "grant_nok": self.grant_nok,
                "own_share_nok": self.own_share_nok, "limited_by": self.limited_by, "rule": RULE,
                "cap_rule": self.cap_rule, "cap_rule_key": self.cap_rule_key, "cap_params": dict(self.cap_params),
                "cap_source": self.cap_source,
                "cap_confidence": self.cap_confidence, "notes": list(self.notes)}


def _number(what: str, value: float | int | None, *, positive: bool = False) -> float:
    """value as a number of 0 or more (above 0 if positive); what names it: err.grant.field.<what>."""
    name = "@err.grant.field." + what
    if value is None:
        raise GrantInputError.text("err.grant.missing", name=name)
    if isinstance(value, bool):
        raise GrantInputError.text("err.grant.not_number", name=name, value=repr(value))
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise GrantInputError.text("err.grant.not_number", name=name, value=repr(value)) from None
    if not math.isfinite(number):
        raise GrantInputError.text("err.grant.not_finite", name=name, value=repr(value))
    if number < 0 or (positive and number == 0):
        raise GrantInputError.text("err.grant.above_zero" if positive else "err.grant.at_least_zero", name=name,
                                   number=f"{number:g}")
    return number


def alternative_cap(alternative: str, rise_mm: float, alternative_price_nok: float | None = None,
                    rates: dict[str, Rate] | None = None, *, lift_estimate_nok: int | None = None) -> Cap:
    """The cap [kr incl. VAT] of the alternative aid for a level difference of rise_mm.

    A ramp's cap is NAV's rate by rise unless the user gives a price (then the user's price is the cap, marked
    so). A lift's cap is its price incl. VAT excl. installation: the user's price, or, when the caller passes
    lift_estimate_nok (e.g. from the price list), that estimate with confidence "A", shown as an estimate.
    """
    rates = rates or load_rates()
    if alternative not in ALTERNATIVES:
        raise GrantInputError.text("err.grant.alternative", choices=", ".join(ALTERNATIVES),
                                   alternative=repr(alternative))
    rise_mm = _number("rise", rise_mm, positive=True)
    notes: list[str] = []
    if rise_mm > rates["shaft_lift_above_rise_mm"].value:
        notes.append("Above 1 m of rise NAV uses a shaft lift (platform lift in a shaft), not a ramp or an open "
                     "platform lift; a half shaft reaches at most 3 m.")
    if alternative_price_nok is not None:
        price = nok(_number("alternative_price", alternative_price_nok, positive=True))
        return Cap(alternative, price, "cap.user", "entered by the user", "user", tuple(notes))
    if alternative == RAMP:
        limit = rates["ramp_small_max_rise_mm"].value
        small = rise_mm <= limit
        rate = rates["ramp_cap_small_ex_vat_nok" if small else "ramp_cap_large_ex_vat_nok"]
        vat = rates["vat"].value
        cap = with_vat_nok(rate.value, vat)
        params = {"rise": fmt_mm(limit), "rate": fmt_nok(rate.value), "vat": f"{vat * 100:g}"}
        return Cap(alternative, cap, "cap.ramp_small" if small else "cap.ramp_large", rate.source,
                   rate.confidence, tuple(notes), params)
    if lift_estimate_nok is None:
        raise GrantInputError.text("err.grant.lift_price", lift="@err.grant.lift." + alternative)
    estimate = nok(_number("lift_estimate", lift_estimate_nok))
    notes.append("The lift price is an estimate, not NAV's price: ask NAV Hjelpemiddelsentral for it.")
    return Cap(alternative, estimate, "cap.lift", "estimate (price list)", "A", tuple(notes))


def nav_grant(rise_mm: float, permanent_cost_nok: float, alternative: str = RAMP,
              alternative_price_nok: float | None = None, rates: dict[str, Rate] | None = None, *,
              lift_estimate_nok: int | None = None) -> GrantResult:
    """The grant instead of the alternative aid and what is left for the household [kr].

    grant_nok = min(cap_nok, permanent_cost_nok); own_share_nok = permanent_cost_nok - grant_nok, before any
    Husbanken grant, start loan or own money (see costing.plan).
    """
    cost = nok(_number("cost", permanent_cost_nok))
    cap = alternative_cap(alternative, rise_mm, alternative_price_nok, rates,
                          lift_estimate_nok=lift_estimate_nok)
    grant = min(cap.cap_nok, cost)
    return GrantResult(alternative=alternative, rise_mm=float(rise_mm), cap_nok=cap.cap_nok, permanent_cost_nok=cost,
                       grant_nok=grant, own_share_nok=cost - grant,
                       limited_by="cap" if cap.cap_nok < cost else "cost", cap_rule=cap.cap_rule,
                       cap_rule_key=cap.cap_rule_key, cap_params=cap.cap_params,
                       cap_source=cap.source, cap_confidence=cap.confidence, notes=cap.notes)
