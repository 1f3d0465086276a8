"""A plan's content hash and its lookups by id (planner/model/plan.py), and the picture of a large plan in parts with
labels that do not overlap (planner/output/drawing.py)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from shapely.geometry import Point

from bench.buildings import varied_plan
from examples.make_examples import EXAMPLES
from planner.model.plan import Door, Plan, Room
from planner.output.drawing import PART_MAX_ROOMS, draw_plan, plan_parts


@pytest.fixture(scope="module")
def plan() -> Plan:
    return EXAMPLES["house-stepped-entrance"]().plan


def test_equal_plans_have_equal_hashes(plan):
    again = Plan.from_dict(plan.to_dict())
    assert again == plan and again.content_hash == plan.content_hash
    assert plan.replace().content_hash == plan.content_hash


@pytest.mark.parametrize("change", [
    lambda p: p.replace(name=p.name + " "),
    lambda p: p.replace(doors=(replace(p.doors[0], clear_width_mm=p.doors[0].clear_width_mm + 1), *p.doors[1:])),
    lambda p: p.replace(doors=(replace(p.doors[0], threshold_mm=(p.doors[0].threshold_mm or 0) + 5), *p.doors[1:])),
    lambda p: p.replace(rooms=(replace(p.rooms[0], name="Annet"), *p.rooms[1:])),
    lambda p: p.replace(rooms=(Room.from_rectangle("R1", p.rooms[0].name, p.rooms[0].type, 0, 0, 1000, 1001),
                               *p.rooms[1:])),
    lambda p: p.replace(doors=(replace(p.doors[0], position=Point(p.doors[0].position.x + 0.1,
                                                                  p.doors[0].position.y)), *p.doors[1:])),
    lambda p: p.replace(import_report={"units": {"used": "cm"}}),
    lambda p: p.replace(rooms=p.rooms[:-1]),
], ids=["name", "width", "threshold", "room name", "outline", "position", "import report", "a room fewer"])
def test_any_change_changes_the_hash(plan, change):
    assert change(plan).content_hash != plan.content_hash


def test_a_changed_plan_is_looked_up_afresh(plan):
    door = plan.doors[0]
    assert plan.door(door.id) is door
    wider = plan.replace(doors=(replace(door, clear_width_mm=999.0), *plan.doors[1:]))
    assert wider.door(door.id).clear_width_mm == 999.0 and plan.door(door.id) is door


def test_lookups_give_the_first_of_two_with_one_id_and_none_for_an_unknown_id():
    a, b = (Room.from_rectangle("R1", name, "bedroom", 0, 0, 3000, 3000) for name in ("first", "second"))
    door = Door("D1", Point(0, 1500), 900, 800, rooms=("R1", "R1"))
    p = Plan(rooms=(a, b), doors=(door,))
    assert p.room("R1") is a and p.room("R9") is None and p.door("D9") is None and p.fixture("F1") is None
    assert p.doors_of("R1") == [door] and p.fixtures_in("R1") == []


def test_a_small_plan_is_drawn_whole(plan):
    assert plan_parts(plan) == []


def test_a_large_plan_is_split_into_parts_holding_every_room_once():
    big = varied_plan(30)
    parts = plan_parts(big)
    assert len(parts) > 1
    for room in big.rooms:
        minx, miny, maxx, maxy = room.polygon.bounds
        x, y = (minx + maxx) / 2, (miny + maxy) / 2
        assert sum(p[0] <= x <= p[2] and p[1] <= y <= p[3] for p in parts) >= 1
    counts = [sum(p[0] <= (r.polygon.bounds[0] + r.polygon.bounds[2]) / 2 < p[2] and
                  p[1] <= (r.polygon.bounds[1] + r.polygon.bounds[3]) / 2 < p[3] for r in big.rooms) for p in parts]
    assert max(counts) <= PART_MAX_ROOMS


def test_labels_of_a_crowded_plan_do_not_overlap_and_the_picture_says_how_many_are_left_out():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox
    from planner.checks import assess
    from planner.rules import load_rules
    big = varied_plan(20)
    fig = draw_plan(big, assess(big, load_rules()), "nb")   # every failing door is labelled on a large plan
    FigureCanvasAgg(fig).draw()
    (x0, x1), (y0, y1) = fig.axes[0].get_xlim(), fig.axes[0].get_ylim()
    boxes = [Bbox.from_extents(*ink) for _, ink in fig.labels_shown]   # the letters' own extent, in mm
    boxes = [b for b in boxes if b.overlaps(Bbox.from_extents(x0, y0, x1, y1))]
    overlapping = [(i, j) for i in range(len(boxes)) for j in range(i) if boxes[i].overlaps(boxes[j])]
    assert len(boxes) >= 10 and not overlapping
    note = [x.get_text() for x in fig.texts]
    assert len(note) == 1 and "etiketter er utelatt" in note[0]
