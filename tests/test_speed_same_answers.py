"""The shortcuts taken for speed give what the plain way gives: rays tried short first meet what one long ray
meets, the lookups by room hold what a scan of the plan finds, the garbage collector is put back as it was, and
a shrunk floor that is skipped as empty is empty."""
from __future__ import annotations

import gc
import math

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from planner.checks.landing import free_field
from planner.checks.space import by_room, fixture_obstacles, shrunk
from planner.model.gc_pause import gc_paused, with_gc_paused
from planner.importers.outside import AXES, outside
from planner.model.plan import Door, Fixture, Plan, Room
from planner.rules import load_rules


def _outside_one_long_ray(points: np.ndarray, obstacles: np.ndarray) -> np.ndarray:
    """outside() as it was: each axis ray as long as the whole extent, looked up once."""
    ends = obstacles.reshape(-1, 2)
    lo, hi = np.minimum(ends.min(axis=0), points.min(axis=0)), np.maximum(ends.max(axis=0), points.max(axis=0))
    reach = float(np.hypot(*(hi - lo))) + 1000.0
    starts = np.repeat(points, len(AXES), axis=0)
    rays = shapely.linestrings(np.stack([starts, starts + np.tile(AXES * reach, (len(points), 1))], axis=1))
    tree = shapely.STRtree(shapely.linestrings(obstacles.reshape(-1, 2, 2)))
    ray_hit = np.zeros(len(rays), dtype=bool)
    ray_hit[np.unique(tree.query(rays, predicate="intersects")[0])] = True
    return (~ray_hit).reshape(len(points), len(AXES)).sum(axis=1) >= 1


@pytest.mark.parametrize("seed", range(6))
def test_rays_tried_short_first_meet_what_one_long_ray_meets(seed):
    rng = np.random.default_rng(seed)
    # walls on a 500 mm grid (so rays run along walls, end on them and pass their ends), some far away, some
    # oblique, some only touching a ray's line at an end
    n = 60
    starts = rng.integers(-40, 40, size=(n, 2)) * 500.0
    steps = rng.choice([0, 1, 2, 4, 40], size=(n, 2)) * 500.0 * rng.choice([-1, 1], size=(n, 2))
    axis = rng.random(n) < 0.7
    steps[axis & (rng.random(n) < 0.5), 0] = 0.0
    steps[axis & ~(steps[:, 0] == 0.0), 1] = 0.0
    obstacles = np.c_[starts, starts + steps]
    points = np.r_[rng.integers(-50, 50, size=(40, 2)) * 500.0,                # on the grid: on walls and their lines
                   rng.uniform(-30000, 30000, size=(40, 2)),
                   obstacles[:5, :2]]                                            # at wall ends
    assert outside(points, obstacles).tolist() == _outside_one_long_ray(points, obstacles).tolist()


def test_a_wall_far_beyond_the_first_ray_still_stops_it():
    # only a wall 100 m away closes the ray eastward; the other three directions are closed near the point
    walls = np.array([(100_000, -5, 100_000, 5), (-10, -1000, -10, 1000), (-1000, 10, 1000, 10),
                      (-1000, -10, 1000, -10)], dtype=float)
    assert outside(np.array([[0.0, 0.0]]), walls).tolist() == [False]
    assert outside(np.array([[0.0, 0.0]]), walls[1:]).tolist() == [True]


def test_items_by_room_are_those_a_scan_finds_in_plan_order():
    rng = np.random.default_rng(3)
    ids = [f"R{k}" for k in range(8)]
    items = [(k, tuple(rng.choice(ids, size=rng.integers(0, 3)))) for k in range(200)]   # repeats: ("R1", "R1")
    found = by_room(items, lambda it: dict.fromkeys(it[1]))
    for rid in ids + ["R99"]:
        assert found.get(rid, []) == [it for it in items if rid in it[1]]


def test_fixture_obstacles_from_the_room_list_match_a_scan_of_the_plan():
    rules = load_rules()
    fixtures = tuple(Fixture(id=f"F{k}", type=kind, footprint=box(k * 10, 0, k * 10 + 5, 5), room=room,
                             lip_mm=lip, space_under=under)
                     for k, (kind, room, lip, under) in enumerate(
                         [("wc", "R1", None, None), ("shower", "R1", None, None), ("shower", "R1", 50.0, None),
                          ("shower", "R1", 10.0, None), ("sink", "R1", None, None), ("sink", "R1", None, True),
                          ("sink", "R2", None, False), ("bed", None, None, None)]))
    plan = Plan(fixtures=fixtures)
    rooms = by_room(plan.fixtures, lambda f: (f.room,))
    for rid in ("R1", "R2", None, "R3"):
        for under in (False, True):
            assert fixture_obstacles(plan, rid, rules, skip="F0", basins_may_be_passed_under=under,
                                     fixtures=rooms.get(rid, [])) == \
                fixture_obstacles(plan, rid, rules, skip="F0", basins_may_be_passed_under=under)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_put_back_as_it_was_even_when_the_work_fails(enabled):
    before = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()

        @with_gc_paused
        def fails():
            assert not gc.isenabled()
            raise ValueError("bad drawing")

        with pytest.raises(ValueError):
            fails()
        assert gc.isenabled() is enabled
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if before else gc.disable)()


@pytest.mark.parametrize("floor", [box(0, 0, 3000, 4000), box(0, 0, 900, 5000),
                                   Polygon([(0, 0), (4000, 0), (4000, 1000), (1000, 1000), (1000, 4000), (0, 4000)]),
                                   box(0, 0, 3000, 3000).difference(box(1000, 1000, 2000, 2000))])
def test_a_floor_shrunk_is_what_buffering_gives_also_where_it_is_not_buffered(floor):
    minx, miny, maxx, maxy = floor.bounds
    side = min(maxx - minx, maxy - miny)
    for half in np.arange(side / 2 - 20, side / 2 + 40, 0.25):
        buffered = floor.buffer(-half, quad_segs=8)
        got = shrunk(floor, half)
        assert (got.is_empty and buffered.is_empty) or got.equals_exact(buffered, 0), half


def test_the_landing_found_square_by_square_is_the_one_found_at_once():
    # a door in the south wall of a room; the ground south of it is open but for a wall 1 m west of the door
    room = Room(id="R1", name="Gang", type="hall", polygon=box(0, 0, 4000, 3000))
    door = Door(id="D1", position=Point(2000, 0), leaf_width_mm=900, clear_width_mm=860, rooms=("R1",),
                exterior=True, opening=LineString([(1550, 0), (2450, 0)]))
    wall = LineString([(1000, 0), (1000, -3000)])
    plan = Plan(rooms=(room,), doors=(door,), walls=(wall,))
    parts = [room.polygon, wall]
    field = free_field(door, plan, 1500.0, shapely.STRtree(parts), parts)
    assert isinstance(field, Polygon)
    assert field.equals_exact(free_field(door, plan, 1500.0, shapely.STRtree(parts), parts,
                                         {"R1": [(0, room)]}), 0)
    minx, miny, maxx, maxy = field.bounds
    assert math.isclose(maxx - minx, 1500) and math.isclose(maxy - miny, 1500) and maxy <= 0 and minx >= 1000


@pytest.mark.parametrize("seed", range(4))
def test_the_bisections_made_together_find_what_each_finds_alone(seed):
    from planner.checks.passage import widest, widest_each
    rng = np.random.default_rng(seed)
    up = rng.integers(1, 5000, size=50)
    limit = np.r_[rng.integers(-10, 5100, size=48), up[48] + 5, 0]     # some hold up to the top, some nowhere
    probes = {k: [] for k in range(len(up))}

    def ok(k, w):
        probes[k].append(w)
        return w <= limit[k]
    alone = [widest(lambda w, k=k: ok(k, w), int(u)) for k, u in enumerate(up)]
    alone_probes, probes = probes, {k: [] for k in range(len(up))}
    together = widest_each(lambda items, ws: [ok(int(k), int(w)) for k, w in zip(items, ws)], up)
    assert together == alone and probes == alone_probes


def test_free_passage_measured_together_is_what_each_room_gives_alone():
    from planner.checks.passage import _joins, _reaches_every_door
    from planner.checks.space import passage_joins
    floors = [box(0, 0, 4000, 3000).difference(box(1000, 0, 1900, 2000)),                 # a neck 1 000 mm wide
              box(0, 0, 4000, 3000).difference(box(0, 1200, 3000, 1800)),                 # two parts, one larger
              box(0, 0, 900, 900), Polygon()]
    doors = [[LineString([(0, 1000), (0, 1800)]), LineString([(4000, 500), (4000, 1300)])],
             [LineString([(1000, 0), (1800, 0)])], [LineString([(0, 100), (0, 800)])], [Point(0, 0)]]
    arr = np.array(floors + [None], dtype=object)[:-1]
    for width in (600, 899, 900, 1000, 1001, 1199, 1200, 1201, 2000):
        w = np.full(len(floors), width)
        got = _reaches_every_door(arr, doors, w).tolist()
        want = []
        for floor, ds in zip(floors, doors):
            core = floor.buffer(-(width / 2 - 0.5), quad_segs=8)
            parts = [p for p in getattr(core, "geoms", [core]) if not p.is_empty]
            main = max(parts, key=lambda p: p.area) if parts else None
            want.append(main is not None and all(main.distance(d) <= width / 2 + 0.5 for d in ds))
        assert got == want, width
        a = np.array([d[0] for d in doors], dtype=object)
        b = np.array([d[-1] for d in doors], dtype=object)
        assert _joins(arr, a, b, w).tolist() == [passage_joins(f, width, x, y) for f, x, y in zip(floors, a, b)]


def test_a_disc_moved_from_the_origin_is_the_buffer_of_its_centre_bit_for_bit():
    from planner.checks.turning import _disc
    rng = np.random.default_rng(5)
    for x, y, r in zip(rng.uniform(-1e6, 1e6, 300) * rng.choice([1e-3, 1, 10], 300), rng.uniform(-1e6, 1e6, 300),
                       np.r_[np.full(150, 750.0), rng.uniform(1, 2000, 150)]):
        want = Point(x, y).buffer(r, quad_segs=32)
        assert shapely.get_coordinates(_disc(Point(x, y), r)).tobytes() == shapely.get_coordinates(want).tobytes()
