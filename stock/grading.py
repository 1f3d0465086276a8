"""Grades per main room and per dwelling, from the findings and the chosen remedies (docs/screening.md).

A grade is 1 (accessible by every check Tilpass makes), 2 (accessible after minor works: doors, thresholds, a kerb,
a ramp), or 3 (needs rebuilding or a lift). Findings that are `unknown` make the grade a range ("1–3"): what it is
depends on what is measured. A grade is never better than the findings allow.
"""
from __future__ import annotations

from dataclasses import dataclass

from planner.model.elements import rooms_of
from planner.model.findings import FAIL, UNKNOWN, Finding
from planner.model.plan import Plan

# The main functions of a dwelling (TEK17 § 12-2: entrance, living room, kitchen, a bedroom, bathroom and WC).
MAIN_ROOMS = ("living", "kitchen", "bedroom", "bathroom")
COLUMNS = ("entrance", *MAIN_ROOMS)

# Which chosen remedy makes a barrier minor (grade 2) or major (grade 3). Every option the costing can choose must be
# in one of the two (a test checks this), so a new remedy forces a decision here.
MINOR_WORKS = frozenset({"threshold_ramp", "threshold_removal", "door_widen", "offset_hinges", "shower_kerb_removal",
                         "ramp_lent", "ramp_built", "regrade", "sliding_door"})
MAJOR_WORKS = frozenset({"bath_to_shower", "bath_lift", "room_enlarge", "bathroom_layout", "platformlift",
                         "shaftlift", "stairlift"})


@dataclass(frozen=True, slots=True)
class Grade:
    """The best and worst grade the findings allow (equal when nothing is unknown); None: no such room."""

    best: int | None
    worst: int | None

    def text(self) -> str:
        if self.best is None:
            return "–"
        return str(self.best) if self.best == self.worst else f"{self.best}–{self.worst}"


NO_ROOM = Grade(None, None)


def _finding_grade(finding: Finding, chosen_option: str | None) -> tuple[int, int]:
    """(best, worst) for one finding: a pass is 1; a fail is 2 or 3 by its chosen remedy (3 without one);
    an unknown could be anything from 1 to 3."""
    if finding.status == FAIL:
        grade = 2 if chosen_option in MINOR_WORKS else 3
        return grade, grade
    if finding.status == UNKNOWN:
        return 1, 3
    return 1, 1


def combine(grades: list[tuple[int, int]]) -> Grade:
    """A room (or dwelling) is as good as its worst finding allows."""
    if not grades:
        return Grade(1, 1)
    return Grade(max(b for b, _ in grades), max(w for _, w in grades))


def grade_dwelling(plan: Plan, findings: list[Finding], chosen: dict[str, str]) -> dict[str, Grade]:
    """Grades for the entrance, each main room type (the best room of that type: one accessible bedroom or bathroom
    is enough) and the dwelling (the worst of those). `chosen` maps a finding's (check, element) key to the option
    of its chosen remedy."""
    per_room: dict[str, list[tuple[int, int]]] = {r.id: [] for r in plan.rooms}
    entrance: list[tuple[int, int]] = []
    for finding in findings:
        grade = _finding_grade(finding, chosen.get(f"{finding.check}:{finding.element}"))
        door = plan.door(finding.element)
        if finding.check == "step_free_entrance" or (door is not None and door.exterior):
            entrance.append(grade)
            continue
        for room_id in rooms_of(finding, plan):
            per_room.setdefault(room_id, []).append(grade)
    out = {"entrance": combine(entrance)}
    for kind in MAIN_ROOMS:
        candidates = [combine(per_room[r.id]) for r in plan.rooms if r.type == kind]
        if kind == "bathroom":   # a bathroom typed as a WC with a shower is a bathroom too
            candidates += [combine(per_room[r.id]) for r in plan.rooms if r.type == "wc"
                           and any(f.type == "shower" for f in plan.fixtures_in(r.id))]
        out[kind] = min(candidates, key=lambda g: (g.worst, g.best)) if candidates else NO_ROOM
    present = [g for g in out.values() if g.best is not None]
    out["dwelling"] = Grade(max(g.best for g in present), max(g.worst for g in present))
    return out
