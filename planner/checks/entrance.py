"""Step-free entrance: TEK17 § 12-4 (2) c; NAV accepts at most 25 mm, bevelled."""
from __future__ import annotations

from planner.checks.reuse import reads
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, at_most, near_limit
from planner.model.plan import Plan
from planner.rules import Rules

ENTRANCE_ID = "entrance"
RISE_OUTCOMES = {UNKNOWN: ("ENTRANCE_RISE_UNKNOWN", "entrance.unknown"),
                 PASS: ("ENTRANCE_STEP_FREE", "entrance.pass"), FAIL: ("ENTRANCE_STEPPED", "entrance.fail")}


@reads("doors", "entrance")
def check_entrance(plan: Plan, rules: Rules) -> list[Finding]:
    """The level difference at the main entrance. Unknown when the plan has an exterior door but no rise."""
    key = "entrance_rise_max_mm"
    limit = rules.value(key)
    entrance = plan.entrance
    has_exterior = any(d.exterior for d in plan.doors)
    if entrance is None and not has_exterior:
        return []
    rise = None if entrance is None else entrance.rise_mm
    door = plan.door(entrance.door) if entrance is not None and entrance.door else None
    door = door or next((d for d in plan.doors if d.exterior), None)
    n_steps = None if entrance is None else entrance.steps
    status = at_most(rise, limit)
    code, msg = RISE_OUTCOMES[status]
    if status == PASS and n_steps:   # no rise, yet steps: one of the two is wrong, so the entrance is not known
        status, code, msg = UNKNOWN, "ENTRANCE_CONTRADICTS", "entrance.contradicts"
    return [Finding(
        check="step_free_entrance", code=code, element=ENTRANCE_ID, status=status, measured=rise, required=limit,
        rule=rules.clause(key), message_key=msg,
        params={"measured": "" if rise is None else f"{rise:.0f}", "n": n_steps or 0,
                "steps": "@entrance.steps" if n_steps else ""},
        remeasure=near_limit(rise, limit, rules.value("remeasure_margin_mm")),
        geometry=None if door is None else door.position, confidence=rules[key].confidence,
        rule_values=rules.refs(key, "remeasure_margin_mm"))]
