"""Step-free shower: TEK17 § 12-9 (1) requires that a bathroom can have a step-free shower zone."""
from __future__ import annotations

from planner.checks.reuse import reads
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, at_most, near_limit
from planner.model.plan import Plan
from planner.rules import Rules


LIP_OUTCOMES = {UNKNOWN: ("SHOWER_LIP_NOT_MEASURED", "shower.unknown"),
                PASS: ("SHOWER_STEP_FREE", "shower.pass"), FAIL: ("SHOWER_LIP_TOO_HIGH", "shower.fail")}


@reads("rooms", "fixtures")
def check_step_free_shower(plan: Plan, rules: Rules) -> list[Finding]:
    """Each bathroom: a shower whose kerb is within the limit passes; a bath only fails; no data is unknown."""
    key = "shower_lip_max_mm"
    limit, clause, margin = rules.value(key), rules.clause(key), rules.value("remeasure_margin_mm")
    confidence = rules[key].confidence
    used = rules.refs(key, "remeasure_margin_mm")
    findings = []
    bathrooms = [r for r in plan.rooms if r.type == "bathroom"]
    fixtures_of: dict[str, list] = {}   # room id -> its fixtures, in one pass (not a scan per bathroom)
    for f in plan.fixtures:
        fixtures_of.setdefault(f.room, []).append(f)
    for room in bathrooms:
        fixtures = fixtures_of.get(room.id, [])
        showers = [f for f in fixtures if f.type == "shower"]
        baths = [f for f in fixtures if f.type == "bath"]
        if not showers:
            bath_only = bool(baths)
            findings.append(Finding(
                check="step_free_shower", code="BATH_ONLY" if bath_only else "NO_SHOWER_FOUND",
                element=room.id, status=FAIL if bath_only else UNKNOWN, measured=None, required=limit,
                rule=clause, message_key="shower.bath_only" if bath_only else "shower.none",
                params={"room": room.name or room.id}, geometry=room.polygon, confidence=confidence, rule_values=used))
            continue
        for shower in showers:
            lip = shower.lip_mm
            status = at_most(lip, limit)
            code, msg = LIP_OUTCOMES[status]
            findings.append(Finding(
                check="step_free_shower", code=code, element=shower.id, status=status, measured=lip,
                required=limit, rule=clause, message_key=msg,
                params={"measured": "" if lip is None else f"{lip:.0f}", "required": f"{limit:.0f}",
                        "room": room.name or room.id},
                remeasure=near_limit(lip, limit, margin), geometry=shower.footprint, confidence=confidence, rule_values=used))
    if not bathrooms and plan.rooms:
        findings.append(Finding(
            check="step_free_shower", code="NO_BATHROOM_FOUND", element="plan", status=UNKNOWN, measured=None,
            required=limit, rule=clause, message_key="shower.no_bathroom", confidence=confidence, rule_values=used))
    return findings
