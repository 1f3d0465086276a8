"""The checks' memo (planner/checks/memo.py): a second run gives the same findings from it, and any change to what a
measurement reads (an outline, a fixture, a measured width, a rule value, the person's profile) is measured
again, never taken from it."""
from __future__ import annotations

from dataclasses import fields, replace

import pytest
import shapely
from shapely import affinity
from shapely.geometry import Polygon

from bench.buildings import varied_plan
from planner.checks import assess, reuse
from planner.checks.memo import MEMO, MISSING, Memo, key
from planner.editing.builder import door_from_opening, fixture, plan_from_parts
from planner.model.plan import Entrance, Plan, Room
from planner.project.measurements import apply_measurements, make_measurement
from planner.project.profile import Profile, assess_for
from planner.rules import load_rules

RULES = load_rules()


def flat(shower_first: bool = False) -> Plan:
    """A hall with the entrance, a bathroom (WC, basin, shower, a sliding door) whose turning space and WC side space pass only if
    the shower is step-free, and a bedroom 1 460 mm wide: near enough the 1 500 mm circle that its diameter is
    searched to 0,5 mm, wide enough for the 1 300 × 1 800 mm rectangle; a bed across it leaves a 460 mm passage
    between the door and the larger part of its floor. The order of the shower and the basin decides whether a
    kerb measured on the shower keeps the order of all the obstacles the same (the WC's when the basin is first,
    the turning space's when the shower is), so that only the split into sure and unsure ones changes."""
    rooms = [Room.from_rectangle("R1", "Gang", "hall", -3000, 0, 3000, 3000),
             Room.from_rectangle("R2", "Bad", "bathroom", 0, 0, 2400, 2000),
             Room.from_rectangle("R3", "Soverom", "bedroom", -3000, 3000, 1460, 4400)]
    doors = [door_from_opening("D1", (-2500, 0), (-1600, 0), 1, rooms),
             door_from_opening("D2", (0, 1000), (0, 1900), 1, rooms, kind="sliding"),
             door_from_opening("D3", (-2900, 3000), (-2000, 3000), 1, rooms)]
    basin, shower = fixture("B1", "sink", 1500, 1550, 600, 450, rooms), fixture("S1", "shower", 1500, 0, 900, 900, rooms)
    fx = [fixture("WC1", "wc", 300, 0, 400, 700, rooms), *((shower, basin) if shower_first else (basin, shower)),
          fixture("BED", "bed", -3000, 4000, 1000, 1100, rooms)]
    return plan_from_parts("test", rooms, doors, fx, entrance=Entrance(door="D1"))


def _form(findings) -> list[tuple]:
    """Every field of every finding, geometry by its WKB: equal only when equal to the last bit."""
    return [tuple(shapely.to_wkb(v) if isinstance(v := getattr(f, fl.name), shapely.Geometry) else v
                  for fl in fields(f)) for f in findings]


def fresh(plan: Plan, rules=RULES, profile=None) -> list[tuple]:
    MEMO.clear()
    reuse.forget()
    return _form(assess_for(plan, rules, profile))


def after(first: Plan, plan: Plan, rules=RULES, profile=None) -> list[tuple]:
    """The findings of plan, checked right after first was checked with the standard's rules: from the memo
    wherever its keys say the measurement is the same (each check's last findings forgotten, so that every check
    asks the memo)."""
    MEMO.clear()
    assess(first, RULES)
    reuse.forget()
    return _form(assess_for(plan, rules, profile))


def _of(form: list[tuple], check: str, element: str) -> list[tuple]:
    return [f for f in form if f[0] == check and f[2] == element]


@pytest.mark.parametrize("plan", [flat(), varied_plan(3)], ids=["flat", "3 generated flats"])
def test_second_assess_takes_every_heavy_result_from_the_memo_and_gives_the_same_findings(plan):
    first = fresh(plan)
    misses = MEMO.misses
    assert misses > 0 and len(MEMO) > 0
    reuse.forget()
    assert _form(assess(plan, RULES)) == first
    assert MEMO.misses == misses and MEMO.hits >= misses


def test_a_measured_door_width_changes_that_doors_finding_and_no_other_check():
    plan = flat()
    changed, _ = apply_measurements(plan, [make_measurement("D3", "clear_width_mm", 700)])
    before, now = fresh(plan), after(plan, changed)
    assert now == fresh(changed)
    differ = {(a[0], a[2]) for a, b in zip(before, now) if a != b}
    assert ("door_clear_width", "D3") in differ
    assert {check for check, element in differ if element != "D3"} <= {"step_free_route"}


def _moved_vertex(plan: Plan, room_id: str, dx: float) -> Plan:
    """The plan with the room's east wall moved dx mm east (the rest of the plan as it was)."""
    rooms = []
    for r in plan.rooms:
        if r.id == room_id:
            maxx = r.polygon.bounds[2]
            r = replace(r, polygon=Polygon([(x + dx if x == maxx else x, y) for x, y in r.polygon.exterior.coords]))
        rooms.append(r)
    return plan.replace(rooms=tuple(rooms))


def _moved_fixture(plan: Plan, fixture_id: str, dx: float) -> Plan:
    return plan.replace(fixtures=tuple(replace(f, footprint=affinity.translate(f.footprint, dx, 0))
                                       if f.id == fixture_id else f for f in plan.fixtures))


def _moved_door(plan: Plan, door_id: str, dy: float) -> Plan:
    return plan.replace(doors=tuple(replace(d, position=affinity.translate(d.position, 0, dy),
                                            opening=affinity.translate(d.opening, 0, dy))
                                    if d.id == door_id else d for d in plan.doors))


CHANGES = {
    # name: (the changed plan, rules, profile), and the finding the change must show in
    "a room's wall moved 1 mm": (lambda p: (_moved_vertex(p, "R3", 1.0), RULES, None), ("turning_circle", "R3")),
    "the WC moved 1 mm": (lambda p: (_moved_fixture(p, "WC1", 1.0), RULES, None), ("wc_side_space", "WC1")),
    "the bathroom door moved along its wall": (lambda p: (_moved_door(p, "D2", 600.0), RULES, None),
                                               ("free_passage", "S1")),
    "a wall drawn outside the entrance": (
        lambda p: (p.replace(walls=p.walls + (shapely.box(-2600, -1200, -1500, -1100),)), RULES, None),
        ("entrance_landing", "D1")),
    "the bed moved 1 mm": (lambda p: (_moved_fixture(p, "BED", -1.0), RULES, None), ("free_passage", "R3")),
    "the shower measured step-free": (lambda p: (apply_measurements(p, [make_measurement("S1", "lip_mm", 0)])[0],
                                                 RULES, None), ("wc_side_space", "WC1")),
    # the same footprint, from the obstacles nobody is sure of to those that are: a split the key must hold
    "the shower measured with a kerb": (lambda p: (apply_measurements(p, [make_measurement("S1", "lip_mm", 50)])[0],
                                                   RULES, None), ("wc_side_space", "WC1")),
    "the shower measured with a kerb, the shower drawn first": (
        lambda p: (apply_measurements(p, [make_measurement("S1", "lip_mm", 50)])[0], RULES, None),
        ("turning_circle", "R2"), True),
    "the rectangle's rule value": (lambda p: (p, RULES.with_overrides({"turning_rectangle_width_mm": 1470}), None),
                                   ("turning_circle", "R3")),
    "the WC's side space rule value": (lambda p: (p, RULES.with_overrides({"wc_side_space_narrow_mm": 350}), None),
                                       ("wc_side_space", "WC1")),
    "the latch side space rule value": (lambda p: (p, RULES.with_overrides({"door_side_space_mm": 700}), None),
                                        ("door_side_space", "D3")),
    "the person's turning circle": (lambda p: (p, RULES, Profile("manual_wheelchair", turning_mm=1450)),
                                    ("turning_circle", "R3")),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_to_what_a_measurement_reads_is_measured_again_not_taken_from_the_memo(change):
    make, (check, element), *shower_first = CHANGES[change]
    plan = flat(*shower_first)
    changed, rules, profile = make(plan)
    expected = fresh(changed, rules, profile)
    assert _of(expected, check, element) != _of(fresh(plan), check, element)   # the change shows in this finding
    assert after(plan, changed, rules, profile) == expected


def test_a_translated_copy_in_another_plan_is_measured_at_its_own_place():
    plan = flat()
    copy = plan.replace(rooms=tuple(replace(r, polygon=affinity.translate(r.polygon, 10_000.5, 0)) for r in plan.rooms),
                        doors=tuple(replace(d, position=affinity.translate(d.position, 10_000.5, 0),
                                            opening=affinity.translate(d.opening, 10_000.5, 0),
                                            swing=None if d.swing is None else affinity.translate(d.swing, 10_000.5, 0))
                                    for d in plan.doors),
                        fixtures=tuple(replace(f, footprint=affinity.translate(f.footprint, 10_000.5, 0))
                                       for f in plan.fixtures), walls=())
    assert after(plan, copy) == fresh(copy)


def test_the_memo_keeps_within_its_entries_and_bytes_dropping_the_least_recently_used():
    memo = Memo(max_entries=3, max_bytes=10_000)
    for i in range(10):
        memo.put(key("x", i), i)
        memo.find(key("x", 0))          # used again each time: it stays
    assert len(memo) == 3 and memo.find(key("x", 0)) == 0 and memo.find(key("x", 5)) is MISSING
    big = shapely.Point(0, 0).buffer(1000, quad_segs=256)   # about 16 KB of coordinates
    assert memo.get(key("big"), lambda: big) is big
    assert memo.find(key("big")) is MISSING and memo.bytes <= 10_000
    memo = Memo(max_entries=1000, max_bytes=5_000)
    for i in range(100):
        memo.put(key("y", i), shapely.Point(0, 0).buffer(i + 1, quad_segs=2))
    assert 0 < len(memo) < 100 and memo.bytes <= 5_000


def test_keys_tell_apart_what_a_loose_encoding_would_mix_up():
    a, b = shapely.Point(0, 0), shapely.Point(0, 1e-12)
    assert key("k", a) != key("k", b)
    assert key("k", [a, b]) != key("k", [a], [b]) != key("k", [[a, b]])
    assert key("k", 1) != key("k", 1.0) != key("k", True)
    assert key("k", "ab", "c") != key("k", "a", "bc")
    assert key("k", None) != key("k", []) != key("k", "")
    assert key("k", (a, 1.5, "x")) == key("k", [a, 1.5, "x"])   # a tuple and a list of the same parts: one input
    with pytest.raises(TypeError):
        key("k", {"a": 1})


def test_a_found_circle_is_drawn_and_moved_bit_for_bit_as_geos_would():
    import random
    from planner.checks.turning import _disc, _moved
    rng = random.Random(16)
    for _ in range(300):
        centre = shapely.Point(rng.uniform(-1e6, 1e6), rng.uniform(-1e6, 1e6))
        radius, dx, dy = rng.choice([750.0, rng.uniform(1, 2000)]), rng.uniform(-1e5, 1e5), rng.uniform(-1e5, 1e5)
        assert shapely.to_wkb(_disc((centre.x, centre.y), radius)) == \
            shapely.to_wkb(centre.buffer(radius, quad_segs=32))
        assert shapely.Point(_moved((centre.x, centre.y), dx, dy)).equals_exact(affinity.translate(centre, dx, dy), 0)
        square = shapely.box(centre.x, centre.y, centre.x + radius, centre.y + 2 * radius)
        assert shapely.to_wkb(_moved(square, dx, dy)) == shapely.to_wkb(affinity.translate(square, dx, dy))


def test_the_rooms_shape_keys_made_together_are_those_made_one_by_one():
    import numpy as np
    from planner.checks.turning import _blocked_by_room, _shape_key, _shape_keys
    plan = varied_plan(3)
    blocked, unsure = _blocked_by_room(plan, under=True, shower_lip_max_mm=25.0)
    groups = [[r.polygon, *blocked.get(r.id, []), *unsure.get(r.id, [])] for r in plan.rooms]
    for (shape, origin), room, group in zip(_shape_keys(groups), plan.rooms, groups):
        one_shape, one_origin = _shape_key(room, group[1:])
        assert shape == one_shape and np.array_equal(origin, one_origin)


def test_the_door_ways_made_together_are_those_made_one_by_one():
    from planner.checks.space import door_way, door_ways
    plan = varied_plan(3)
    rooms = {r.id: r for r in plan.rooms}
    doors = list(plan.doors) + [replace(d, opening=None, clear_width_mm=650.0 + 10 * k)    # no opening drawn
                                for k, d in enumerate(plan.doors[:5])]
    doors += [replace(d, position=affinity.translate(d.position, 0, 120), opening=affinity.translate(d.opening, 0, 120))
              for d in plan.doors[:5] if d.opening is not None]                             # in the middle of a wall
    pairs = [(d, rooms[rid]) for d in doors for rid in d.rooms if rid in rooms]
    assert [shapely.to_wkb(w) for w in door_ways(pairs)] == [shapely.to_wkb(door_way(d, r)) for d, r in pairs]


def test_the_door_findings_asked_again_for_the_same_plan_are_the_same_and_a_new_list():
    from planner.checks.doors import check_door_widths
    plan = flat()
    first = check_door_widths(plan, RULES)
    again = check_door_widths(plan, RULES)
    assert again == first and again is not first
    again.clear()
    assert check_door_widths(plan, RULES) == first
    narrower, _ = apply_measurements(plan, [make_measurement("D3", "clear_width_mm", 700)])
    assert [f.measured for f in check_door_widths(narrower, RULES) if f.element == "D3"] == [700.0]
