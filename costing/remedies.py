"""Remedies for each failing finding, priced line by line, and ramp sizing by the standard's ramp values
(TEK17 § 8-5 and § 12-16 with NAV's criteria by default).

A remedy is one way to remove one barrier. Each line item says which route pays it:
  NAV_AID   - part of an aid NAV lends (the aid itself, its installation): the household pays nothing for it;
  PERMANENT - part of a lasting solution that NAV's grant instead of an aid can fund (up to the cap);
  OWNER     - building work NAV never pays (widening doors, removing thresholds, foundations, new circuits,
              permit fees): Husbanken's means-tested grant, start loan or own money;
  SMALL_AID - a cheap aid with NAV's flat grant ("rimelige hjelpemidler").
Lengths in millimetres, money in whole kroner incl. VAT.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from costing.errors import CostingError
from costing.grants import PLATFORMLIFT, RAMP
from costing.money import nok, times_nok
from costing.prices import Price
from costing.rates import Rate
from costing.texts import Note
from planner.checks import CHECKS
from planner.checks.turning import swings_into
from planner.model.findings import FAIL, PASS, Finding
from planner.i18n import fmt_decimal, fmt_mm
from planner.model.plan import Plan
from planner.rules import DEFAULT_STANDARD, Rules, load_rules

NAV_AID, PERMANENT, OWNER, SMALL_AID = "nav_aid", "permanent", "owner", "small_aid"
ROUTES = (NAV_AID, PERMANENT, OWNER, SMALL_AID)


@dataclass(frozen=True, slots=True)
class RampSize:
    """A straight ramp for rise_mm at `slope`, with its rest landings and the level landing outside the door."""

    rise_mm: float
    slope: float
    run_mm: float
    landings: int
    total_length_mm: float
    width_mm: float
    footprint_m2: float
    space_length_mm: float | None
    fits: bool | None
    landing_mm: float = 0.0         # the length of one rest landing
    entrance_landing_mm: float = 0.0   # the side of the level square at the door
    clause: str = ""                # the clauses the ramp was sized by

    def text_params(self, lang: str) -> dict[str, str]:
        """The ramp's numbers as a text shows them in lang (metres with the language's decimal comma)."""
        one_in = 1 / self.slope
        return {"rise": fmt_mm(self.rise_mm), "slope": "1:" + (f"{one_in:.0f}" if abs(one_in - round(one_in)) < 0.01
                                                               else fmt_decimal(one_in, lang)),
                "run": fmt_decimal(self.run_mm / 1000, lang), "landings": str(self.landings),
                "length": fmt_decimal(self.length_m, lang), "width": fmt_decimal(self.width_mm / 1000, lang),
                "area": fmt_decimal(self.footprint_m2, lang), "top": fmt_decimal(self.entrance_landing_mm / 1000, lang),
                "clause": self.clause}

    @property
    def length_m(self) -> float:
        """The whole length [m]: the run, the rest landings and the level square at the door."""
        return self.total_length_mm / 1000

    def to_dict(self) -> dict:
        return {"rise_mm": self.rise_mm, "slope": f"1:{1 / self.slope:.3g}", "run_mm": round(self.run_mm),
                "landings": self.landings, "total_length_mm": round(self.total_length_mm),
                "width_mm": self.width_mm, "footprint_m2": round(self.footprint_m2, 2),
                "space_length_mm": self.space_length_mm, "fits": self.fits}


def _ramp_at(rise_mm: float, one_in: float, stretch_max_mm: float | None, width_mm: float,
             space_length_mm: float | None, rules: Rules) -> RampSize:
    run = rise_mm * one_in
    every, landing = rules.value("ramp_rest_landing_every_rise_mm"), rules.value("ramp_rest_landing_length_mm")
    top = rules.value("ramp_entrance_landing_mm")
    landings = max(math.ceil(rise_mm / every) - 1,
                   0 if stretch_max_mm is None else math.ceil(run / stretch_max_mm) - 1, 0)
    total = run + landings * landing + top
    footprint = ((run + landings * landing) * width_mm + top ** 2) / 1e6
    fits = None if space_length_mm is None else total <= space_length_mm
    return RampSize(rise_mm=rise_mm, slope=1 / one_in, run_mm=run, landings=landings, total_length_mm=total,
                    width_mm=width_mm, footprint_m2=footprint, space_length_mm=space_length_mm, fits=fits,
                    landing_mm=landing, entrance_landing_mm=top, clause=rules.clause("ramp_slope_one_in"))


def size_ramp(rise_mm: float, space_length_mm: float | None = None, width_mm: float | None = None,
              rules: Rules | None = None) -> RampSize:
    """The straight ramp the standard allows for rise_mm [mm], and whether it fits space_length_mm [mm].

    At the preferred slope (TEK17 § 8-5: 1:15) where the ground allows it or its length is not known; at the
    steepest slope allowed (§ 8-5 and NAV: 1:12, on stretches of at most 5.0 m) where only that fits. Rest
    landings (1.5 m) one per full 1.0 m of rise below the top and between the steep stretches; the length
    includes the 1.5 m level square at the door (§ 12-4 (2) d). rules: the standard's (TEK17 when not given).
    """
    if not (math.isfinite(rise_mm) and rise_mm > 0):
        raise CostingError.text("err.ramp_rise", rise=repr(rise_mm))
    rules = rules or load_rules(DEFAULT_STANDARD)
    width = max(width_mm or 0, rules.value("ramp_width_min_mm"))
    gentle = _ramp_at(rise_mm, rules.value("ramp_slope_one_in"), None, width, space_length_mm, rules)
    if gentle.fits is not False:
        return gentle
    return _ramp_at(rise_mm, rules.value("ramp_slope_steep_one_in"), rules.value("ramp_steep_stretch_max_mm"),
                    width, space_length_mm, rules)


@dataclass(frozen=True, slots=True)
class LineItem:
    """quantity x the price of `item` (incl. VAT); route says who can pay it (see the module docstring)."""

    item: str
    quantity: float
    route: str
    unit_price_nok: int | None
    yearly: bool = False

    @property
    def total_nok(self) -> int | None:
        return None if self.unit_price_nok is None else times_nok(self.quantity, self.unit_price_nok)

    def to_dict(self) -> dict:
        return {"item": self.item, "quantity": round(self.quantity, 2), "route": self.route,
                "unit_price_nok": self.unit_price_nok, "total_nok": self.total_nok, "yearly": self.yearly}


@dataclass(frozen=True, slots=True)
class Remedy:
    """One way to remove one barrier. id is stable ("<barrier>:<option>") so saved choices re-attach.

    grant_alternative: for a lasting solution, the aid NAV would otherwise lend (its cap limits the grant).
    adequate: False when it does not meet the rule the finding cites (shown, never chosen by default).
    fixed: a fixed installation (a tenant needs the landlord's consent). lasting: NAV's "lasting solution".
    """

    id: str
    barrier: str
    option: str
    lines: tuple[LineItem, ...]
    lasting: bool
    fixed: bool
    grant_alternative: str | None = None
    rise_mm: float | None = None
    ramp: RampSize | None = None
    fits: bool | None = None
    adequate: bool = True
    notes: tuple[str, ...] = ()

    @property
    def one_off(self) -> tuple[LineItem, ...]:
        return tuple(line for line in self.lines if not line.yearly)

    @property
    def missing_prices(self) -> tuple[str, ...]:
        return tuple(line.item for line in self.lines if line.unit_price_nok is None)

    @property
    def total_nok(self) -> int | None:
        """The one-off cost; None when a price is missing."""
        totals = [line.total_nok for line in self.one_off]
        return None if None in totals else sum(totals)

    def route_nok(self, route: str) -> int:
        return sum(line.total_nok or 0 for line in self.one_off if line.route == route)

    @property
    def yearly_nok(self) -> int:
        return sum(line.total_nok or 0 for line in self.lines if line.yearly)

    def to_dict(self) -> dict:
        return {"id": self.id, "barrier": self.barrier, "option": self.option, "total_nok": self.total_nok,
                "yearly_nok": self.yearly_nok, "lasting": self.lasting, "fixed": self.fixed,
                "adequate": self.adequate, "fits": self.fits, "grant_alternative": self.grant_alternative,
                "missing_prices": list(self.missing_prices), "notes": list(self.notes),
                "ramp": None if self.ramp is None else self.ramp.to_dict(),
                "lines": [line.to_dict() for line in self.lines]}


@dataclass(frozen=True, slots=True)
class Context:
    """What the remedies need beyond the plan: prices, rates and the user's answers."""

    prices: dict[str, Price]
    rates: dict[str, Rate]
    shared_stairwell: bool = False
    grant_alternative: str | None = None  # the user's choice of the alternative aid, else chosen from the plan
    quoted: dict[str, int] = field(default_factory=dict)  # option -> a contractor's quoted total incl. VAT
    rules: Rules = field(default_factory=lambda: load_rules(DEFAULT_STANDARD))  # the standard the plan is checked by


def barrier_key(finding: Finding) -> str:
    return f"{finding.check}:{finding.element}"


class _Builder:
    """Builds the remedies of one barrier with the context's prices."""

    def __init__(self, barrier: str, ctx: Context):
        self.barrier, self.ctx, self.out = barrier, ctx, []

    def line(self, item: str, quantity: float, route: str, yearly: bool = False) -> LineItem:
        price = self.ctx.prices.get(item)
        return LineItem(item, quantity, route, None if price is None else nok(price.value), yearly)

    def add(self, option: str, lines: list[LineItem], *, lasting: bool, fixed: bool, **kw) -> None:
        if option in self.ctx.quoted:  # a contractor's quote replaces the list prices of the one-off work
            route = PERMANENT if kw.get("grant_alternative") else OWNER
            lines = [LineItem("quote", 1, route, self.ctx.quoted[option])] + [x for x in lines if x.yearly]
        self.out.append(Remedy(id=f"{self.barrier}:{option}", barrier=self.barrier, option=option,
                               lines=tuple(lines), lasting=lasting, fixed=fixed, **kw))


def _door(b: _Builder, finding: Finding, plan: Plan) -> None:
    door = plan.door(finding.element)
    exterior = bool(door and door.exterior)
    b.add("door_widen", [b.line("door_widen_entrance" if exterior else "door_widen_internal", 1, OWNER)],
          lasting=True, fixed=True)
    shortfall = (finding.required or 0) - (finding.measured or 0)
    gain = b.ctx.rates["offset_hinge_gain_mm"].value
    if 0 < shortfall <= gain:
        b.add("offset_hinges", [b.line("door_offset_hinges", 1, OWNER)], lasting=True, fixed=True,
              notes=(Note("note.offset_hinges", gain=f"{gain:.0f}"),))


def _threshold(b: _Builder, finding: Finding, plan: Plan) -> None:
    b.add("threshold_ramp", [b.line("threshold_ramp_aid", 1, NAV_AID)], lasting=False, fixed=False,
          notes=("note.nav_lends",))
    b.add("threshold_removal", [b.line("threshold_removal", 1, OWNER)], lasting=True, fixed=True,
          notes=("note.nav_never_pays",))


def _bath_only(b: _Builder, finding: Finding, plan: Plan) -> None:
    b.add("bath_to_shower", [b.line("bath_to_shower", 1, OWNER), b.line("wall_reinforcement", 1, OWNER),
                             b.line("grab_rail", 2, SMALL_AID)], lasting=True, fixed=True)
    b.add("bath_lift", [b.line("bath_lift_aid", 1, NAV_AID)], lasting=False, fixed=False, adequate=False,
          notes=(Note("note.bath_lift_not_step_free", clause=finding.rule), "note.nav_lends"))


def _shower_kerb(b: _Builder, finding: Finding, plan: Plan) -> None:
    b.add("shower_kerb_removal", [b.line("shower_kerb_removal", 1, OWNER), b.line("grab_rail", 2, SMALL_AID)],
          lasting=True, fixed=True)


def passes_with_sliding_doors(finding: Finding, plan: Plan, room, hinged: list, rules: Rules) -> bool:
    """True when the check that made the finding passes the room once its hinged doors are sliding doors (their
    swings gone): the registered check is asked again, on the room alone, never guessed from its numbers."""
    sliding = {d.id for d in hinged}
    doors = tuple(replace(d, swing=None, kind="sliding") if d.id in sliding else d for d in plan.doors)
    again = CHECKS[finding.check](plan.replace(rooms=(room,), doors=doors), rules)
    return any(f.element == room.id and f.status == PASS for f in again)


def _turning(b: _Builder, finding: Finding, plan: Plan) -> None:
    """Sliding doors help only where the door swings are what takes the room; that is checked, not assumed."""
    room = plan.room(finding.element)
    hinged = [] if room is None else swings_into(plan, room)
    if hinged:
        enough = passes_with_sliding_doors(finding, plan, room, hinged, b.ctx.rules)
        diameter = f"{b.ctx.rules.value('turning_circle_diameter_mm'):.0f}"
        b.add("sliding_door", [b.line("sliding_door", len(hinged), OWNER)], lasting=True, fixed=True,
              adequate=enough, notes=("note.sliding_door_check",) if enough else
              (Note("note.sliding_door_not_enough", diameter=diameter),))
    if room is not None and room.type != "bathroom":
        b.add("room_enlarge", [b.line("room_enlarge", 1, OWNER)], lasting=True, fixed=True,
              notes=("note.room_enlarge",))
    if room is not None and room.type == "bathroom":
        b.add("bathroom_layout", [b.line("bathroom_layout_rebuild", 1, OWNER), b.line("grab_rail", 2, SMALL_AID)],
              lasting=True, fixed=True)


def entrance_alternative(rise_mm: float, ramp: RampSize, ctx: Context) -> str:
    """The aid NAV would otherwise lend: a ramp where one fits (or the space is unknown), else a platform lift
    (a shaft lift above 1 m). The user's choice in the context wins."""
    if ctx.grant_alternative:
        return ctx.grant_alternative
    if rise_mm > ctx.rates["shaft_lift_above_rise_mm"].value or ramp.fits is False:
        return PLATFORMLIFT
    return RAMP


def lift_item(rise_mm: float, rates: dict[str, Rate]) -> str:
    return "shaftlift" if rise_mm > rates["shaft_lift_above_rise_mm"].value else "platformlift"


def _entrance(b: _Builder, finding: Finding, plan: Plan) -> None:
    entrance = plan.entrance
    rise = finding.measured if finding.measured is not None else (entrance.rise_mm if entrance else None)
    if rise is None or rise <= 0:
        return
    space = entrance.space_length_mm if entrance is not None else None
    ramp = size_ramp(rise, space, rules=b.ctx.rules)
    length_m = ramp.length_m
    alternative = entrance_alternative(rise, ramp, b.ctx)
    common = dict(rise_mm=rise, ramp=ramp)
    b.add("ramp_lent", [b.line("ramp_aid_per_m", length_m, NAV_AID)], lasting=False, fixed=False,
          fits=ramp.fits, notes=("note.nav_lends",), **common)
    b.add("ramp_built", [b.line("ramp_built_per_m", ramp.run_mm / 1000, PERMANENT),
                         b.line("ramp_landing_built", ramp.landings + 1, PERMANENT)],
          lasting=True, fixed=True, fits=ramp.fits, grant_alternative=alternative, **common)
    area_m2 = length_m * b.ctx.rates["regrade_width_mm"].value / 1000
    b.add("regrade", [b.line("regrade_base", 1, PERMANENT), b.line("regrade_per_m2", area_m2, PERMANENT)],
          lasting=True, fixed=True, fits=ramp.fits, grant_alternative=alternative, notes=("note.regrade",),
          **common)
    lift = lift_item(rise, b.ctx.rates)
    lift_lines = [b.line(lift, 1, NAV_AID), b.line("lift_installation", 1, NAV_AID),
                  b.line("lift_foundation", 1, OWNER), b.line("electrical_circuit", 1, OWNER),
                  b.line("lift_electricity", 1, OWNER, yearly=True)]
    if lift == "shaftlift":
        lift_lines.append(b.line("shaft_alarm_link", 1, OWNER, yearly=True))
    b.add(lift, lift_lines, lasting=False, fixed=True, rise_mm=rise,
          notes=("note.nav_lends", "note.owner_pays_lift_works", "note.breakdown"))
    stair = [b.line("stairlift", 1, NAV_AID), b.line("lift_installation", 1, NAV_AID),
             b.line("electrical_circuit", 1, OWNER), b.line("lift_electricity", 1, OWNER, yearly=True)]
    if b.ctx.shared_stairwell:
        stair.append(b.line("stairlift_permit_fee", 1, OWNER))
    b.add("stairlift", stair, lasting=False, fixed=True, rise_mm=rise, adequate=False,
          notes=("note.nav_lends", "note.stairlift_transfer", "note.breakdown"))


REMEDIES = {
    "DOOR_TOO_NARROW": _door,
    "THRESHOLD_TOO_HIGH": _threshold,
    "BATH_ONLY": _bath_only,
    "SHOWER_LIP_TOO_HIGH": _shower_kerb,
    "TURNING_TOO_SMALL": _turning,
    "NO_FREE_FLOOR": _turning,
    "ENTRANCE_STEPPED": _entrance,
}


def remedies_for(finding: Finding, plan: Plan, ctx: Context) -> list[Remedy]:
    """The remedies of one failing finding (none for a pass, an unknown, or a code with no known remedy)."""
    if finding.status != FAIL or finding.code not in REMEDIES:
        return []
    builder = _Builder(barrier_key(finding), ctx)
    REMEDIES[finding.code](builder, finding, plan)
    return builder.out
