"""Free passage ≥ 900 mm outside the furniture to every door (TEK17 § 12-7 (4) c, § 12-8 (1)) and to the shower zone
(§ 12-9 (1) b): at pass, exactly at the limit and fail."""
from __future__ import annotations

import pytest

from planner.editing.builder import door_from_opening, fixture, plan_from_parts
from planner.checks.passage import check_free_passage
from planner.model.plan import Room
from planner.rules import load_rules
from tests.corpus import corpus_plan, needs_corpus

RULES = load_rules("no-tek17")


def hall(gap_mm: float, kind="hall", with_doors=True):
    """A 2000 x 4000 mm room R1 with a door at each end; a worktop across it leaves gap_mm along the west wall."""
    rooms = [Room.from_rectangle("R1", "Gang", kind, 0, 0, 2000, 4000),
             Room.from_rectangle("R2", "Stue", "living", -1000, 4000, 5000, 4000)]
    doors = [door_from_opening("D1", (500, 0), (1500, 0), 1, rooms),
             door_from_opening("D2", (500, 4000), (1400, 4000), -1, rooms)] if with_doors else []
    fx = [fixture("F1", "kitchen", gap_mm, 1500, 2000 - gap_mm, 600, rooms)]
    return plan_from_parts("test", rooms, doors, fx)


def _one(plan, element):
    (f,) = [f for f in check_free_passage(plan, RULES) if f.element == element]
    return f


@pytest.mark.parametrize("gap, status", [(1000, "pass"), (900, "pass"), (899, "fail"), (600, "fail")])
def test_passage_past_the_furniture_to_the_far_door(gap, status):
    f = _one(hall(gap), "R1")
    assert (f.status, f.measured, f.required) == (status, gap, 900)
    assert f.rule == "TEK17 § 12-7 (4) c, § 12-8 (1)"


@pytest.mark.parametrize("kind", ["bedroom", "kitchen", "living"])
def test_rooms_for_permanent_stay_are_checked(kind):
    assert _one(hall(850, kind=kind), "R1").status == "fail"


def test_a_storeroom_is_not():
    assert [f for f in check_free_passage(hall(500, kind="storage"), RULES) if f.element == "R1"] == []


def test_a_bed_blocking_the_way_to_the_door_fails():
    rooms = [Room.from_rectangle("R1", "Soverom", "bedroom", 0, 0, 3000, 3000)]
    doors = [door_from_opening("D1", (2000, 3000), (2900, 3000), 1, rooms, clear_width_mm=840)]
    # the bed from the west wall leaves 800 mm to the east wall, where the door is
    plan = plan_from_parts("test", rooms, doors, [fixture("F1", "bed", 0, 1000, 2200, 1600, rooms)])
    f = _one(plan, "R1")
    assert f.status == "fail" and f.measured == 800


def test_a_door_in_a_corner_is_reached():
    rooms = [Room.from_rectangle("R1", "Gang", "hall", 0, 0, 1000, 3000)]
    doors = [door_from_opening("D1", (0, 0), (700, 0), 1, rooms), door_from_opening("D2", (1000, 2300), (1000, 3000), 1, rooms)]
    f = _one(plan_from_parts("test", rooms, doors, []), "R1")
    assert f.status == "pass" and f.measured == 1000


def test_a_room_without_doors_is_unknown():
    f = _one(hall(1000, with_doors=False), "R1")
    assert (f.status, f.code) == ("unknown", "PASSAGE_NO_DOOR")


@pytest.mark.parametrize("gap, status", [(950, "pass"), (900, "pass"), (899, "fail")])
def test_passage_from_the_bathroom_door_to_the_shower(gap, status):
    rooms = [Room.from_rectangle("R1", "Gang", "hall", -2000, 0, 2000, 3000),
             Room.from_rectangle("R2", "Bad", "bathroom", 0, 0, 2200, 3000)]
    doors = [door_from_opening("D1", (0, 100), (0, 1000), 1, rooms)]
    # the shower in the north-east corner; a cabinet across the room from the east wall leaves `gap` mm along the
    # west wall between the door (south) and the shower (north)
    fx = [fixture("S1", "shower", 1200, 2000, 1000, 1000, rooms, lip_mm=0),
          fixture("F2", "sink", gap, 1000, 2200 - gap, 900, rooms)]
    f = _one(plan_from_parts("test", rooms, doors, fx), "S1")
    assert f.status == status


@pytest.mark.parametrize("stem", [pytest.param("uk-house-ground-floor-r2018-unitless-mm-uniclass-layers",
                                               marks=needs_corpus)])
def test_real_drawing_every_checked_room_has_a_measured_passage(stem):
    plan = corpus_plan(stem, units="mm")
    found = check_free_passage(plan, RULES)
    assert found
    for f in found:
        assert f.status in ("pass", "fail", "unknown")
        assert (f.measured is None) == (f.status == "unknown")
        assert f.status != "pass" or f.measured >= 900


def test_a_door_drawn_in_the_middle_of_a_thick_wall_is_reached():
    # rooms from a DXF are the floor inside the walls; the door sits 100 mm out, in the middle of a 200 mm wall
    rooms = [Room.from_rectangle("R1", "Gang", "hall", 0, 0, 1200, 3000),
             Room.from_rectangle("R2", "Stue", "living", 1400, 0, 4000, 3000)]
    doors = [door_from_opening("D1", (1300, 1000), (1300, 1900), 1, rooms), door_from_opening("D2", (200, -100), (1100, -100), 1, rooms)]
    doors = [d.__class__(**{**{s: getattr(d, s) for s in d.__slots__}, "rooms": rooms_}) for d, rooms_ in
             zip(doors, [("R1", "R2"), ("R1",)])]
    f = _one(plan_from_parts("test", rooms, doors, []), "R1")
    assert f.status == "pass" and f.measured == 1200
