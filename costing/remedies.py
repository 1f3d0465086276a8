"""Remedies for each failing finding, priced line by line, and ramp sizing per TEK17 § 12-16.

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
from dataclasses import dataclass, field

from costing.errors import CostingError
from costing.grants import PLATFORMLIFT, RAMP
from costing.prices import Price
from costing.rates import Rate
from planner.checks.turning import swings_into, turning_space_fits
from planner.findings import FAIL, Finding
from planner.model import Plan

NAV_AID, PERMANENT, OWNER, SMALL_AID = "nav_aid", "permanent", "owner", "small_aid"
ROUTES = (NAV_AID, PERMANENT, OWNER, SMALL_AID)

# TEK17 § 12-16 (1) (dibk.no/.../12/iii/12-16, confidence C): slope at most 1:15, at most 1:12 on stretches
# shorter than 3.0 m; a level rest landing at least 1.5 m long for every 1.0 m of rise; width at least 0.9 m.
RAMP_SLOPE = 1 / 15
RAMP_SLOPE_SHORT = 1 / 12
RAMP_SHORT_RUN_MM = 3000
RAMP_LANDING_EVERY_RISE_MM = 1000
RAMP_LANDING_MM = 1500
RAMP_WIDTH_MM = 900
# TEK17 § 12-4 (2) d and NAV's criterion: a level area of 1.5 x 1.5 m outside the entrance door.
ENTRANCE_LANDING_MM = 1500
# Tilpass assumption (A): raised ground is made as wide as the entrance landing.
REGRADE_WIDTH_MM = 1500
# Tilpass assumption (A): swing-clear hinges gain about the leaf thickness.
OFFSET_HINGE_GAIN_MM = 40


@dataclass(frozen=True, slots=True)
class RampSize:
    """A straight ramp for rise_mm per TEK17 § 12-16, with the level landing outside the door."""

    rise_mm: float
    slope: float
    run_mm: float
    landings: int
    total_length_mm: float
    width_mm: float
    footprint_m2: float
    space_length_mm: float | None
    fits: bool | None

    def to_dict(self) -> dict:
        return {"rise_mm": self.rise_mm, "slope": f"1:{round(1 / self.slope)}", "run_mm": round(self.run_mm),
                "landings": self.landings, "total_length_mm": round(self.total_length_mm),
                "width_mm": self.width_mm, "footprint_m2": round(self.footprint_m2, 2),
                "space_length_mm": self.space_length_mm, "fits": self.fits}


def size_ramp(rise_mm: float, space_length_mm: float | None = None, width_mm: float = RAMP_WIDTH_MM) -> RampSize:
    """The shortest straight ramp TEK17 § 12-16 allows for rise_mm, and whether it fits space_length_mm.

    1:12 is allowed when the run at 1:12 is under 3.0 m (rise under 250 mm), else 1:15. Rest landings of
    1.5 m: one per full 1.0 m of rise below the top. The length includes the 1.5 m level area at the door.
    """
    if not (math.isfinite(rise_mm) and rise_mm > 0):
        raise CostingError.text("err.ramp_rise", rise=repr(rise_mm))
    width_mm = max(width_mm, RAMP_WIDTH_MM)
    slope = RAMP_SLOPE_SHORT if rise_mm / RAMP_SLOPE_SHORT < RAMP_SHORT_RUN_MM else RAMP_SLOPE
    run_mm = rise_mm / slope
    landings = math.ceil(rise_mm / RAMP_LANDING_EVERY_RISE_MM) - 1
    total = run_mm + landings * RAMP_LANDING_MM + ENTRANCE_LANDING_MM
    footprint = ((run_mm + landings * RAMP_LANDING_MM) * width_mm + ENTRANCE_LANDING_MM ** 2) / 1e6
    fits = None if space_length_mm is None else total <= space_length_mm
    return RampSize(rise_mm=rise_mm, slope=slope, run_mm=run_mm, landings=landings, total_length_mm=total,
                    width_mm=width_mm, footprint_m2=footprint, space_length_mm=space_length_mm, fits=fits)


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
        return None if self.unit_price_nok is None else round(self.quantity * self.unit_price_nok)

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


def barrier_key(finding: Finding) -> str:
    return f"{finding.check}:{finding.element}"


class _Builder:
    """Builds the remedies of one barrier with the context's prices."""

    def __init__(self, barrier: str, ctx: Context):
        self.barrier, self.ctx, self.out = barrier, ctx, []

    def line(self, item: str, quantity: float, route: str, yearly: bool = False) -> LineItem:
        price = self.ctx.prices.get(item)
        return LineItem(item, quantity, route, None if price is None else price.price_inc_vat_nok, yearly)

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
    if 0 < shortfall <= OFFSET_HINGE_GAIN_MM:
        b.add("offset_hinges", [b.line("door_offset_hinges", 1, OWNER)], lasting=True, fixed=True,
              notes=("note.offset_hinges",))


def _threshold(b: _Builder, finding: Finding, plan: Plan) -> None:
    b.add("threshold_ramp", [b.line("threshold_ramp_aid", 1, NAV_AID)], lasting=False, fixed=False,
          notes=("note.nav_lends",))
    b.add("threshold_removal", [b.line("threshold_removal", 1, OWNER)], lasting=True, fixed=True,
          notes=("note.nav_never_pays",))


def _bath_only(b: _Builder, finding: Finding, plan: Plan) -> None:
    b.add("bath_to_shower", [b.line("bath_to_shower", 1, OWNER), b.line("wall_reinforcement", 1, OWNER),
                             b.line("grab_rail", 2, SMALL_AID)], lasting=True, fixed=True)
    b.add("bath_lift", [b.line("bath_lift_aid", 1, NAV_AID)], lasting=False, fixed=False, adequate=False,
          notes=("note.bath_lift_not_step_free", "note.nav_lends"))


def _shower_kerb(b: _Builder, finding: Finding, plan: Plan) -> None:
    b.add("shower_kerb_removal", [b.line("shower_kerb_removal", 1, OWNER), b.line("grab_rail", 2, SMALL_AID)],
          lasting=True, fixed=True)


def _turning(b: _Builder, finding: Finding, plan: Plan) -> None:
    """Sliding doors help only where the door swings are what takes the room; that is checked, not assumed."""
    room = plan.room(finding.element)
    hinged = [] if room is None else swings_into(plan, room)
    if hinged:
        rect = finding.params.get("rect_width"), finding.params.get("rect_length")
        enough = turning_space_fits(plan, room, finding.required or 0,
                                    (float(rect[0]), float(rect[1])) if None not in rect else None, without_swings=True,
                                    under="height" in finding.params,
                                    shower_lip_max_mm=float(finding.params["shower_lip"]) if "shower_lip" in finding.params else None)
        b.add("sliding_door", [b.line("sliding_door", len(hinged), OWNER)], lasting=True, fixed=True,
              adequate=enough, notes=("note.sliding_door_check",) if enough else ("note.sliding_door_not_enough",))
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
    ramp = size_ramp(rise, space)
    length_m = (ramp.run_mm + ramp.landings * RAMP_LANDING_MM + ENTRANCE_LANDING_MM) / 1000
    alternative = entrance_alternative(rise, ramp, b.ctx)
    common = dict(rise_mm=rise, ramp=ramp)
    b.add("ramp_lent", [b.line("ramp_aid_per_m", length_m, NAV_AID)], lasting=False, fixed=False,
          fits=ramp.fits, notes=("note.nav_lends",), **common)
    b.add("ramp_built", [b.line("ramp_built_per_m", ramp.run_mm / 1000, PERMANENT),
                         b.line("ramp_landing_built", ramp.landings + 1, PERMANENT)],
          lasting=True, fixed=True, fits=ramp.fits, grant_alternative=alternative, **common)
    area_m2 = length_m * REGRADE_WIDTH_MM / 1000
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
