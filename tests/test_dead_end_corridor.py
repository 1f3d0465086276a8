"""A flat drawn with a "Korridor" beyond its hall that leads nowhere else, and no door out: the corridor may be the
building's shared one, so the door into it needs the entrance width (860 mm) or only the inner one (760 mm), and the
drawing does not say which. An 820 mm door there is unknown, never a confident pass, until someone says what is
behind it; a plan that shows its way out is checked as before."""
from __future__ import annotations

from dataclasses import replace

import pytest

from planner.checks.doors import check_door_widths, dead_end_passages, far_side_open
from planner.editing.builder import door_from_opening, plan_from_parts
from planner.model.plan import Room
from planner.rules import load_rules

RULES = load_rules("no-tek17")


def flat(corridor_width_mm: float, *, door_out: bool = False, far_side: str | None = None):
    rooms = [Room.from_rectangle("R1", "Korridor", "hall", -2000, 0, 2000, 6000),
             Room.from_rectangle("R2", "Gang", "hall", 0, 0, 2000, 3000),
             Room.from_rectangle("R3", "Stue", "living", 2000, 0, 4000, 4000),
             Room.from_rectangle("R4", "Bad", "bathroom", 0, 3000, 2000, 2500)]
    doors = [door_from_opening("D1", (0, 500), (0, 500 + corridor_width_mm), 1, rooms, clear_width_mm=corridor_width_mm),
             door_from_opening("D2", (2000, 500), (2000, 1400), 1, rooms, clear_width_mm=860),
             door_from_opening("D3", (500, 3000), (1400, 3000), 1, rooms, clear_width_mm=860)]
    if door_out:
        doors.append(door_from_opening("D4", (-1500, 6000), (-500, 6000), 1, rooms, clear_width_mm=900))
    plan = plan_from_parts("test", rooms, doors, [])
    if door_out:
        plan = plan.replace(doors=tuple(replace(d, exterior=True) if d.id == "D4" else d for d in plan.doors))
    if far_side:
        plan = plan.replace(doors=tuple(replace(d, far_side=far_side) if d.id == "D1" else d for d in plan.doors))
    return plan


def _d1(plan):
    return next(f for f in check_door_widths(plan, RULES) if f.element == "D1")


@pytest.mark.parametrize("width, status", [(740, "fail"), (760, "unknown"), (820, "unknown"), (859, "unknown"),
                                           (860, "pass")])
def test_the_door_into_a_corridor_that_leads_nowhere_is_judged_at_both_widths(width, status):
    finding = _d1(flat(width))
    assert finding.status == status
    if status == "unknown":
        assert finding.code == "DOOR_WIDTH_DEPENDS_ON_FAR_SIDE" and finding.message_key == "door_width.dead_end"
        assert "Korridor" in finding.message("nb") and "felles gang" in finding.message("nb")


@pytest.mark.parametrize("far_side, status", [("dwelling", "pass"), ("outside", "fail")])
def test_what_someone_saw_behind_the_door_decides(far_side, status):
    assert _d1(flat(820, far_side=far_side)).status == status


def test_a_plan_that_shows_its_way_out_has_no_doubtful_corridor():
    plan = flat(820, door_out=True)
    assert dead_end_passages(plan) == frozenset()
    assert _d1(plan).status == "pass"   # the corridor leads out: a door inside the dwelling


def test_only_the_dead_end_passage_is_doubtful_and_the_far_side_can_be_said_for_its_door():
    plan = flat(820)
    assert dead_end_passages(plan) == {"R1"}   # the flat's own hall has three doors; the bathroom is no passage
    d1, d2 = plan.door("D1"), plan.door("D2")
    assert far_side_open(d1, plan) and not far_side_open(d2, plan)
    assert not far_side_open(d1)   # without the plan, a door with a room on each side is not open
