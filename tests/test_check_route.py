"""The step-free route from the entrance to the main functions (TEK17 § 12-2, § 12-7): doors at pass, exactly at
the limit and fail; unmeasured doors unknown; a main function on another storey."""
from __future__ import annotations

import pytest

from planner.editing.builder import door_from_opening, fixture, plan_from_parts
from planner.checks.route import check_step_free_route
from planner.model.plan import Entrance, Room
from planner.rules import load_rules
from tests.corpus import corpus_plan, needs_corpus

RULES = load_rules("no-tek17")


def home(threshold_d3=0, clear_d3=840, bedroom_name="Soverom", bedroom_type="bedroom", extra_rooms=(),
         second_way=False, entrance=True):
    """Hall R1 with the entrance D1; living room R2 (with a kitchen) west of it (D2); bedroom R3 east (D3);
    bathroom R4 north (D4). With second_way, a hall R6 north of the bedroom, from the bathroom (D5, D6)."""
    rooms = [Room.from_rectangle("R1", "Gang", "hall", 0, 0, 2000, 3000),
             Room.from_rectangle("R2", "Stue", "living", -5000, 0, 5000, 6000),
             Room.from_rectangle("R3", bedroom_name, bedroom_type, 2000, 0, 3500, 3000),
             Room.from_rectangle("R4", "Bad", "bathroom", 0, 3000, 2000, 2500), *extra_rooms]
    if second_way:
        rooms.append(Room.from_rectangle("R6", "Gang 2", "hall", 2000, 3000, 3500, 3000))
    ms = dict(clear_width_mm=900, threshold_mm=0)
    doors = [door_from_opening("D1", (500, 0), (1500, 0), 1, rooms, **ms),
             door_from_opening("D2", (0, 500), (0, 1400), 1, rooms, **ms),
             door_from_opening("D3", (2000, 500), (2000, 1400), -1, rooms, clear_width_mm=clear_d3,
                               threshold_mm=threshold_d3),
             door_from_opening("D4", (500, 3000), (1400, 3000), 1, rooms, **ms)]
    if second_way:
        doors += [door_from_opening("D5", (2000, 4000), (2000, 4900), 1, rooms, **ms),
                  door_from_opening("D6", (3000, 3000), (3900, 3000), 1, [rooms[2], rooms[-1]], **ms)]
    fx = [fixture("F1", "kitchen", -4900, 5400, 3000, 600, rooms)]
    plan = plan_from_parts("test", rooms, doors, fx)
    if entrance:
        plan = plan.replace(entrance=Entrance(rise_mm=0, door="D1"))
    else:
        plan = plan.replace(doors=tuple(d.__class__(**{**{s: getattr(d, s) for s in d.__slots__}, "exterior": False})
                                        for d in plan.doors))
    return plan


def _function(plan, element="R3"):
    (f,) = [f for f in check_step_free_route(plan, RULES) if f.element == element]
    return f


def test_every_main_function_reached_step_free_passes():
    found = check_step_free_route(home(), RULES)
    assert sorted((f.element, f.status) for f in found) == [("R2", "pass"), ("R2", "pass"), ("R3", "pass"),
                                                            ("R4", "pass")]   # the living room holds the kitchen


@pytest.mark.parametrize("threshold, status", [(0, "pass"), (25, "pass"), (26, "fail"), (None, "unknown")])
def test_a_threshold_on_the_way_to_the_bedroom(threshold, status):
    f = _function(home(threshold_d3=threshold))
    assert f.status == status
    if status != "pass":
        assert f.params["door"] == "D3" and f.params["path"] == "D1 → D3"


@pytest.mark.parametrize("clear, status", [(800, "pass"), (760, "pass"), (759, "fail")])
def test_a_narrow_door_on_the_way_to_the_bedroom(clear, status):
    f = _function(home(clear_d3=clear))
    assert f.status == status
    if status == "fail":
        assert f.code == "ROUTE_BLOCKED" and f.params["door"] == "D3"


def test_a_second_way_round_a_blocked_door_passes():
    plan = home(threshold_d3=80, second_way=True)
    f = _function(plan)
    assert f.status == "pass" and "D3" not in f.params["path"]


def test_regression_two_storey_house_with_the_only_bedroom_upstairs_fails():
    stair = Room.from_rectangle("R5", "Trapp", "common", 2000, 0, 1000, 3000)
    plan = home(bedroom_name="Bod", bedroom_type="storage", extra_rooms=())
    plan = plan.replace(rooms=plan.rooms + (stair,))
    found = [f for f in check_step_free_route(plan, RULES) if f.params["function"] == "@function.bedroom"]
    (f,) = found
    assert (f.status, f.code) == ("fail", "NOT_ON_ENTRANCE_LEVEL")
    assert "bedroom" in f.message("en") and "soverom" in f.message("nb")


def test_a_missing_bedroom_without_another_storey_is_unknown():
    plan = home(bedroom_name="Bod", bedroom_type="storage")
    (f,) = [f for f in check_step_free_route(plan, RULES) if f.params["function"] == "@function.bedroom"]
    assert (f.status, f.code) == ("unknown", "NO_ROOM_FOR_FUNCTION")


def test_a_bed_makes_a_room_a_bedroom():
    plan = home(bedroom_name="Rom", bedroom_type="other")
    plan = plan.replace(fixtures=plan.fixtures + (fixture("F9", "bed", 3000, 500, 1600, 2000, plan.rooms),))
    assert _function(plan).status == "pass"


def test_without_an_entrance_door_the_route_is_unknown():
    found = check_step_free_route(home(entrance=False), RULES)
    assert found and {f.status for f in found} == {"unknown"} and {f.code for f in found} == {"NO_ENTRANCE"}


def test_a_room_joined_by_no_door_is_unknown_not_fail():
    plan = home()
    plan = plan.replace(doors=tuple(d for d in plan.doors if d.id != "D3"))
    assert (_function(plan).status, _function(plan).code) == ("unknown", "NOT_CONNECTED")


def test_a_standard_without_a_route_clause_does_not_apply():
    assert check_step_free_route(home(), load_rules("us-ada")) == []


def test_a_plan_with_no_main_function_gets_one_unknown_finding():
    plan = home()
    plan = plan.replace(rooms=tuple(r.__class__(r.id, "Klasserom", "other", r.polygon) for r in plan.rooms),
                        fixtures=())
    (f,) = check_step_free_route(plan, RULES)
    assert (f.status, f.code) == ("unknown", "NO_MAIN_FUNCTIONS")


def test_other_plans_in_the_drawing_say_the_function_may_be_on_another_storey():
    plan = home(bedroom_name="Bod", bedroom_type="storage")
    plan = plan.replace(import_report={"regions": [{"index": 1}, {"index": 2}]})
    (f,) = [f for f in check_step_free_route(plan, RULES) if f.params["function"] == "@function.bedroom"]
    assert (f.status, f.code) == ("unknown", "NOT_ON_THIS_PLAN")


@pytest.mark.parametrize("stem", [pytest.param("hackerspace-hal9k-r2007-cm-danish-labels", marks=needs_corpus)])
def test_real_drawing_hackerspace_route_names_the_door_that_stops_it(stem):
    plan = corpus_plan(stem)
    found = check_step_free_route(plan, RULES)
    blocked = [f for f in found if f.status == "fail"]
    assert blocked and all(f.code == "ROUTE_BLOCKED" and plan.door(f.params["door"]) for f in blocked)
    door = plan.door(blocked[0].params["door"])
    assert door.clear_width_mm < 760 or (door.threshold_mm or 0) > 25
