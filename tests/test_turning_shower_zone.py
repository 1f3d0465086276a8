"""The turning space may use a step-free shower zone (TEK17 § 12-9 guidance): a kerb within the limit is floor, a
kerbed tray is an obstacle, an unmeasured one makes the finding unknown when it decides."""
from __future__ import annotations

import pytest

from planner.checks.turning import check_turning_circles
from tests.plans import bathroom
from planner.rules import load_rules

RULES = load_rules("no-tek17")


@pytest.mark.parametrize("lip, status, code", [(0, "pass", "TURNING_OK"), (25, "pass", "TURNING_OK"),
                                               (26, "fail", "TURNING_TOO_SMALL"),
                                               (None, "unknown", "TURNING_IF_SHOWER_STEP_FREE")])
def test_regression_a_step_free_shower_zone_was_counted_as_an_obstacle(lip, status, code):
    # 1700 x 1700 mm bathroom, a 900 x 900 mm shower in the far corner: 800 mm left beside it
    plan = bathroom(1700, 1700, (("shower", (800, 800, 900, 900), lip),))
    (f,) = [f for f in check_turning_circles(plan, RULES) if f.element == "R2"]
    assert (f.status, f.code) == (status, code)
    if status == "pass":
        assert f.measured == pytest.approx(1700, abs=1)


def test_a_shower_that_does_not_decide_leaves_the_finding_as_it_is():
    plan = bathroom(3000, 3000, (("shower", (2000, 2000, 1000, 1000), None),))
    (f,) = [f for f in check_turning_circles(plan, RULES) if f.element == "R2"]
    assert f.status == "pass"


def test_a_separate_wc_holding_the_only_toilet_needs_room_to_turn():
    from planner.editing.builder import fixture, plan_from_parts
    from planner.model.plan import Room
    rooms = [Room.from_rectangle("R1", "Gang", "hall", -3000, 0, 3000, 3000),
             Room.from_rectangle("R2", "WC", "wc", 0, 0, 1200, 1800)]
    plan = plan_from_parts("test", rooms, [], [fixture("F1", "wc", 400, 0, 400, 650, rooms)])
    (f,) = [f for f in check_turning_circles(plan, RULES) if f.element == "R2"]
    assert f.status == "fail"
    # with a bathroom holding a toilet, the separate WC is not the accessible one
    rooms2 = rooms + [Room.from_rectangle("R3", "Bad", "bathroom", 1200, 0, 2500, 2500)]
    plan2 = plan_from_parts("test", rooms2, [], [fixture("F1", "wc", 400, 0, 400, 650, rooms2),
                                                 fixture("F2", "wc", 1300, 0, 400, 650, rooms2)])
    assert [f for f in check_turning_circles(plan2, RULES) if f.element == "R2"] == []
