"""The check registry: one function per check, `(plan, rules) -> list[Finding]`, and `assess` to run them all."""
from __future__ import annotations

from typing import Callable

from planner.checks.door_side import check_door_side_space
from planner.checks.doors import check_door_widths, check_thresholds
from planner.checks.entrance import check_entrance
from planner.checks.landing import check_entrance_landing
from planner.checks.passage import check_free_passage
from planner.checks.route import check_step_free_route
from planner.checks.shower import check_step_free_shower
from planner.checks.turning import check_turning_circles
from planner.checks.wc import check_wc_side_space
import planner.checks.texts  # noqa: F401  (registers the new checks' words)
from planner.model.findings import Finding
from planner.model.gc_pause import gc_paused
from planner.model.plan import Plan
from planner.rules import Rules

Check = Callable[[Plan, Rules], list[Finding]]

CHECKS: dict[str, Check] = {
    "door_clear_width": check_door_widths,
    "threshold": check_thresholds,
    "step_free_shower": check_step_free_shower,
    "turning_circle": check_turning_circles,
    "step_free_entrance": check_entrance,
    "wc_side_space": check_wc_side_space,
    "step_free_route": check_step_free_route,
    "free_passage": check_free_passage,
    "entrance_landing": check_entrance_landing,
    "door_side_space": check_door_side_space,
}


def assess(plan: Plan, rules: Rules) -> list[Finding]:
    """Run every registered check; every element a check applies to gets a finding, pass or not."""
    findings: list[Finding] = []
    with gc_paused():    # the checks make many short-lived shapes and no cycles (planner/model/gc_pause.py)
        for check in CHECKS.values():
            findings.extend(check(plan, rules))
    return findings


def summary(findings: list[Finding]) -> dict[str, int]:
    out = {"pass": 0, "fail": 0, "unknown": 0}
    for f in findings:
        out[f.status] += 1
    return out
