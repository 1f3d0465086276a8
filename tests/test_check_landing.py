"""The level field outside the entrance door, 1500 × 1500 mm outside its swing (TEK17 § 12-4 (2) d): measured at
pass, exactly at the limit and fail; from the drawing only a fail or unknown, never a pass."""
from __future__ import annotations

import pytest
from shapely.geometry import LineString

from planner.editing.builder import door_from_opening, plan_from_parts
from planner.checks.landing import check_entrance_landing
from planner.project.measurements import apply_measurements, make_measurement
from planner.model.plan import Entrance, Room
from planner.rules import load_rules
from tests.corpus import corpus_plan, needs_corpus

RULES = load_rules("no-tek17")


def entrance(landing_mm=None, wall_out_mm=None, swing_out=False):
    """A hall with its entrance door in the south wall (900 mm leaf); optionally a wall wall_out_mm south of the
    façade (a porch between walls), and the leaf opening outwards."""
    rooms = [Room.from_rectangle("R1", "Gang", "hall", 0, 0, 3000, 3000)]
    doors = [door_from_opening("D1", (1000, 0), (1900, 0), -1 if swing_out else 1, rooms)]
    plan = plan_from_parts("test", rooms, doors, [], entrance=Entrance(rise_mm=0, door="D1", landing_mm=landing_mm))
    if wall_out_mm is not None:
        plan = plan.replace(walls=plan.walls + (LineString([(-2000, -wall_out_mm), (5000, -wall_out_mm)]),))
    return plan


@pytest.mark.parametrize("landing, status", [(1600, "pass"), (1500, "pass"), (1499, "fail"), (900, "fail")])
def test_measured_landing(landing, status):
    (f,) = check_entrance_landing(entrance(landing), RULES)
    assert (f.status, f.measured, f.required, f.rule) == (status, landing, 1500, "TEK17 § 12-4 (2) d")


def test_a_measurement_from_the_site_visit_decides():
    plan = entrance()
    plan, problems = apply_measurements(plan, [make_measurement("entrance", "landing_mm", 1450)])
    assert not problems
    (f,) = check_entrance_landing(plan, RULES)
    assert (f.status, f.remeasure) == ("fail", False)


def test_open_ground_in_the_drawing_is_unknown_never_pass():
    (f,) = check_entrance_landing(entrance(), RULES)
    assert (f.status, f.code) == ("unknown", "LANDING_NOT_MEASURED")


@pytest.mark.parametrize("wall_out, status", [(1600, "unknown"), (1500, "unknown"), (1499, "fail"), (1200, "fail")])
def test_a_wall_in_front_of_the_door(wall_out, status):
    (f,) = check_entrance_landing(entrance(wall_out_mm=wall_out), RULES)
    assert f.status == status


@pytest.mark.parametrize("wall_out, status", [(2400, "unknown"), (2000, "fail")])
def test_a_door_opening_outwards_needs_the_field_beyond_its_swing(wall_out, status):
    # the 900 mm leaf sweeps 900 mm out; a 1500 mm field beside the swing still fits along the façade
    # when the porch is deep enough, and a wall 2000 mm out leaves 1100 mm beyond the swing
    plan = entrance(wall_out_mm=wall_out, swing_out=True)
    plan = plan.replace(walls=plan.walls + (LineString([(-600, 0), (-600, -3000)]), LineString([(3500, 0), (3500, -3000)])))
    (f,) = check_entrance_landing(plan, RULES)
    assert f.status == status


def test_a_plan_without_an_entrance_has_no_landing_finding():
    rooms = [Room.from_rectangle("R1", "Stue", "living", 0, 0, 3000, 3000),
             Room.from_rectangle("R2", "Soverom", "bedroom", 3000, 0, 3000, 3000)]
    plan = plan_from_parts("test", rooms, [door_from_opening("D1", (3000, 500), (3000, 1400), 1, rooms)], [])
    assert check_entrance_landing(plan, RULES) == []


@pytest.mark.parametrize("stem", [pytest.param("uk-house-ground-floor-r2018-unitless-mm-uniclass-layers",
                                               marks=needs_corpus)])
def test_real_drawing_entrance_landing_is_never_passed_from_the_drawing(stem):
    plan = corpus_plan(stem, units="mm")
    found = check_entrance_landing(plan, RULES)
    assert found and {f.status for f in found} <= {"fail", "unknown"}


def test_a_wall_face_drawn_across_the_door_opening_does_not_bar_the_way_out():
    # the uk-house entrance: the façade's outer face line runs on under the door block, 300 mm out
    plan = entrance(wall_out_mm=300)
    (f,) = check_entrance_landing(plan, RULES)
    assert f.status == "unknown" and f.geometry.bounds[3] <= -300 + 1


def test_app_the_landing_measured_in_the_measurements_tab_decides():
    from pathlib import Path
    from streamlit.testing.v1 import AppTest
    from tests.test_app import pk
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=60)
    at.run()    # the house example: a 1100 mm landing, measured
    plan, _ = at.session_state["project"].measured_plan()
    assert check_entrance_landing(plan, RULES)[0].status == "fail"
    at.text_input(key=pk(at, "measure_landing")).set_value("1600").run()
    assert not at.exception
    plan, _ = at.session_state["project"].measured_plan()
    assert (plan.entrance.landing_mm, check_entrance_landing(plan, RULES)[0].status) == (1600, "pass")
