"""Doors: clear width (TEK17 § 12-13 (2)) and threshold height (TEK17 § 12-13 (3) c, NAV ≤ 25 mm)."""
from __future__ import annotations

from planner.checks.reuse import reads
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, at_most, near_limit
from planner.model.plan import SOURCE_ESTIMATED, SOURCE_SCANNED, Door, Plan
from planner.rules import Rules


THRESHOLD_OUTCOMES = {UNKNOWN: ("THRESHOLD_NOT_MEASURED", "threshold.unknown"),
                      PASS: ("THRESHOLD_OK", "threshold.pass"), FAIL: ("THRESHOLD_TOO_HIGH", "threshold.fail")}


# Floating-point noise of a drawing's unit conversion, far below any measurement: 760 mm read from inches is
# 759.99999… and meets 760 mm; 759.6 mm does not.
COMPARE_TOLERANCE_MM = 0.01
PASSAGE_TYPES = frozenset({"hall"})   # a named hall, corridor or landing; not an unnamed space (often a closet)


def far_side_open(door: Door, plan: Plan | None = None, dead_ends: frozenset[str] | None = None) -> bool:
    """True for a door the drawing leaves open, so what is behind it (door.far_side: "dwelling" or "outside") is for
    someone on site to say: not exterior, with a room of the plan on one side only — or, given the plan, into a
    passage that leads nowhere else in a plan that shows no way out (dead_end_passages: the building's shared
    corridor, as likely as the dwelling's own)."""
    if door.exterior:
        return False
    if len(door.rooms) < 2:
        return True
    if plan is None:
        return False
    ends = dead_end_passages(plan) if dead_ends is None else dead_ends
    return any(rid in ends for rid in door.rooms)


def dead_end_passages(plan: Plan) -> frozenset[str]:
    """The halls and unnamed spaces whose one door is their only way anywhere, in a plan none of whose doors is known
    to lead outside: such a passage may be the flat's own hall or the building's shared corridor, and the drawing
    does not tell which. Empty when some door leads outside (the plan then shows where the dwelling begins)."""
    if any(d.exterior or d.far_side == "outside" for d in plan.doors) or plan.entrance is not None \
            and plan.entrance.door:
        return frozenset()
    doors_of: dict[str, int] = {}
    for d in plan.doors:
        for rid in d.rooms:
            doors_of[rid] = doors_of.get(rid, 0) + 1
    with_fixtures = {f.room for f in plan.fixtures}
    return frozenset(r.id for r in plan.rooms if r.type in PASSAGE_TYPES and doors_of.get(r.id) == 1
                     and r.id not in with_fixtures)


def door_category(door: Door, plan: Plan, rules: Rules, room_types: dict[str, str] | None = None,
                  dead_ends: frozenset[str] | None = None) -> str:
    """'entrance', 'route' (a shared communication route), 'internal' (inside the dwelling) or 'unknown_side'
    (an imported door whose far side is no room of the plan yet lies inside the walls: a hall, a shared
    corridor or a room whose walls did not close — which of the two requirements applies is not known until
    someone on site says what is behind it: door.far_side, "dwelling" or "outside").

    room_types: room id -> type, and dead_ends: dead_end_passages(plan), when the caller has them (saves a search
    of the plan per door)."""
    if door.exterior or door.far_side == "outside":
        return "entrance"
    route_types = set(rules.setting("door_width", "communication_room_types", []))
    types = room_types if room_types is not None else {r.id: r.type for r in plan.rooms}
    if any(types.get(rid) in route_types for rid in door.rooms):
        return "route"
    if door.far_side != "dwelling" and far_side_open(door, plan, dead_ends):
        return "unknown_side"
    return "internal"


def required_clear_width_mm(door: Door, plan: Plan, rules: Rules, room_types: dict[str, str] | None = None,
                            dead_ends: frozenset[str] | None = None) -> tuple[float, str]:
    """The clear width this door needs [mm] and the clause that says so (for a door whose far side is not known,
    the larger of the two: what a remedy must reach to be sure)."""
    key = ("door_clear_width_internal_mm" if door_category(door, plan, rules, room_types, dead_ends) == "internal"
           else "door_clear_width_entrance_mm")
    return rules.value(key), key


@reads("rooms", "doors", "fixtures", "entrance.door")
def check_door_widths(plan: Plan, rules: Rules) -> list[Finding]:
    """Every door's clear width against the entrance or communication-route width (TEK17: 860 mm) or the width
    inside a dwelling (760 mm). An estimated width (from the drawn leaf) within the estimate's own error — the
    leaf-to-clear deduction — of the limit is marked for measuring on site."""
    margin = rules.value("remeasure_margin_mm")
    findings = []
    room_types = {r.id: r.type for r in plan.rooms}
    dead_ends = dead_end_passages(plan)
    names = {r.id: r.name for r in plan.rooms}
    internal = rules.value("door_clear_width_internal_mm")
    estimate_error = rules.value("door_leaf_to_clear_deduction_mm")
    for door in plan.doors:
        required, key = required_clear_width_mm(door, plan, rules, room_types, dead_ends)
        category = door_category(door, plan, rules, room_types, dead_ends)
        beyond = next((rid for rid in door.rooms if rid in dead_ends), None) if len(door.rooms) == 2 else None
        measured = float(door.clear_width_mm)
        ok = measured >= required - COMPARE_TOLERANCE_MM   # compared as given: 759.6 mm does not meet 760 mm
        status, code, message = (PASS, "DOOR_WIDTH_OK", "door_width.pass") if ok else \
            (FAIL, "DOOR_TOO_NARROW", "door_width.fail")
        if category == "unknown_side" and not ok:
            if measured >= internal:     # enough inside a dwelling, not for an entrance or a shared corridor
                status, code, message = UNKNOWN, "DOOR_WIDTH_DEPENDS_ON_FAR_SIDE", \
                    "door_width.unknown_side" if beyond is None else "door_width.dead_end"
            else:                        # too narrow whichever side it is
                required, key = internal, "door_clear_width_internal_mm"
        estimated = door.clear_width_source in (SOURCE_ESTIMATED, SOURCE_SCANNED)   # a guess or a scan: ± cm
        findings.append(Finding(
            check="door_clear_width", code=code, element=door.id,
            status=status, measured=measured, required=required, rule=rules.clause(key),
            message_key=message,
            params={"measured": round(measured, 1), "required": f"{required:.0f}", "internal": f"{internal:.0f}",
                    "door_kind": f"@door_kind.{category}",
                    **({} if beyond is None else {"room": names.get(beyond) or beyond})},
            remeasure=near_limit(measured, required, margin) or (estimated and near_limit(measured, required, estimate_error)),
            geometry=door.position, confidence=rules[key].confidence,
            rule_values=rules.refs(key, "door_clear_width_internal_mm", "remeasure_margin_mm",
                                   "door_leaf_to_clear_deduction_mm")))
    return findings


@reads("doors")
def check_thresholds(plan: Plan, rules: Rules) -> list[Finding]:
    """Every door's threshold against the step-free limit; an unmeasured threshold is unknown. Where the standard
    allows a higher threshold in an existing building (ADA's 3/4 in), that limit applies: a home being adapted
    has existing thresholds."""
    threshold_key = "threshold_existing_max_mm" if "threshold_existing_max_mm" in rules.values else "threshold_max_mm"
    limit = rules.value(threshold_key)
    margin = rules.value("remeasure_margin_mm")
    findings = []
    for door in plan.doors:
        height = door.threshold_mm
        status = at_most(height, limit)
        code, key = THRESHOLD_OUTCOMES[status]
        findings.append(Finding(
            check="threshold", code=code, element=door.id, status=status, measured=height, required=limit,
            rule=rules.clause(threshold_key), message_key=key,
            params={"measured": "" if height is None else round(float(height), 1), "required": f"{limit:.0f}"},
            remeasure=near_limit(height, limit, margin), geometry=door.position,
            confidence=rules[threshold_key].confidence, rule_values=rules.refs(threshold_key, "remeasure_margin_mm")))
    return findings
