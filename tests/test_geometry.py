"""planner.geometry: polygon edges, the room at a point and the nearest wall, at known values and at the edge."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st
from shapely import affinity
from shapely.geometry import LineString, MultiPoint, Point, Polygon, box

from planner.geometry import NONE, RoomIndex, WallIndex, edges, opening_sides
from planner.model.plan import Room


def _room(rid: str, x0: float, y0: float, x1: float, y1: float) -> Room:
    return Room(id=rid, name=rid, type="other", polygon=box(x0, y0, x1, y1))


def test_edges_of_a_square_run_round_its_outline():
    e = edges(Polygon([(0, 0), (1000, 0), (1000, 500), (0, 500)]))
    assert e.tolist() == [[0, 0, 1000, 0], [1000, 0, 1000, 500], [1000, 500, 0, 500], [0, 500, 0, 0]]


def test_edges_of_several_polygons_do_not_join_one_ring_to_the_next():
    e = edges([box(0, 0, 1, 1), box(10, 10, 11, 11)])
    assert len(e) == 8
    assert not any((row[:2] == (1, 1)).all() and (row[2:] == (10, 10)).all() for row in e)


def test_edges_with_holes_add_the_holes_and_without_leave_them_out():
    ring = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)], holes=[[(40, 40), (60, 40), (60, 60), (40, 60)]])
    assert len(edges(ring)) == 4
    assert len(edges(ring, holes=True)) == 8


def test_edges_of_nothing_are_an_empty_table():
    assert edges([]).shape == (0, 4)


ROOMS = [_room("R1", 0, 0, 3000, 3000), _room("R2", 3000, 0, 6000, 3000), _room("R3", 1000, 1000, 2000, 2000)]


@pytest.mark.parametrize("point, expected", [
    ((1500, 500), "R1"),       # inside
    ((4500, 1500), "R2"),
    ((1500, 1500), "R1"),      # inside two overlapping outlines: the first wins
    ((3000, 1500), None),      # on the shared wall: in neither
    ((7000, 1500), None),      # outside
])
def test_room_at_a_point(point, expected):
    assert RoomIndex(ROOMS).id_at(Point(point)) == expected


def test_room_at_a_point_on_the_outline_counts_only_with_boundary():
    on_wall = Point(6000, 1500)
    assert RoomIndex(ROOMS).id_at(on_wall) is None
    assert RoomIndex(ROOMS, boundary=True).id_at(on_wall) == "R2"


def test_many_points_are_looked_up_at_once_and_agree_with_one_at_a_time():
    rng = np.random.default_rng(3)
    pts = rng.uniform(-500, 6500, size=(200, 2))
    index = RoomIndex(ROOMS)
    many = index.at(pts)
    one = [index.index_at(Point(p)) for p in pts]
    assert many.tolist() == one
    naive = [next((k for k, r in enumerate(ROOMS) if r.polygon.contains(Point(p))), NONE) for p in pts]
    assert many.tolist() == naive


def test_no_rooms_hold_no_point():
    assert RoomIndex([]).at([(0, 0), (1, 1)]).tolist() == [NONE, NONE]
    assert RoomIndex([]).room_at(Point(0, 0)) is None


def test_nearest_wall_and_its_distance():
    walls = [LineString([(0, 0), (1000, 0)]), LineString([(0, 500), (1000, 500)])]
    assert WallIndex(walls).nearest(Point(500, 100)) == (0, 100.0)
    assert WallIndex(walls).nearest(Point(500, 450)) == (1, 50.0)


def test_nearest_wall_of_two_at_the_same_distance_is_the_first():
    walls = [LineString([(0, 500), (1000, 500)]), LineString([(0, 0), (1000, 0)])]
    assert WallIndex(walls).nearest(Point(500, 250)) == (0, 250.0)
    assert WallIndex(walls[::-1]).nearest(Point(500, 250)) == (0, 250.0)


def test_no_walls_are_infinitely_far():
    assert WallIndex([]).nearest(Point(0, 0)) == (NONE, float("inf"))
    assert len(WallIndex([])) == 0 and len(WallIndex([LineString([(0, 0), (1, 0)])])) == 1


def _sides(x1, y1, x2, y2, rooms):
    return opening_sides(np.array([[x1, y1, x2, y2]]), np.array([[(x1 + x2) / 2, (y1 + y2) / 2]]),
                         RoomIndex(rooms), (250.0, 450.0, 700.0))[0]


def test_an_opening_in_a_shared_wall_joins_both_rooms_left_side_first():
    assert _sides(3000, 1000, 3000, 1900, ROOMS[:2]) == ((0, 1), None)   # the left of an upward line is −x
    assert _sides(3000, 1900, 3000, 1000, ROOMS[:2]) == ((1, 0), None)


def test_an_opening_in_an_outer_wall_has_one_room_and_a_far_probe_outside():
    joined, far = _sides(6000, 1000, 6000, 1900, ROOMS[:2])
    assert joined == (1,)
    assert far == (6700.0, 1450.0)


def test_a_room_met_only_by_the_farthest_probe_still_counts():
    # the wall is 1 000 mm thick: the probes at 250 and 450 mm are in it, the ones at 700 mm in the rooms
    rooms = [_room("A", 0, 0, 3000, 3000), _room("B", 4000, 0, 6000, 3000)]
    joined, far = _sides(3500, 1000, 3500, 1900, rooms)
    assert joined == (0, 1)
    assert far is None


def test_an_opening_beside_no_room_joins_none():
    assert _sides(10_000, 0, 10_000, 900, ROOMS) == ((), None)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(-5000, 5000), st.integers(-5000, 5000)), min_size=3, max_size=12,
                unique=True),
       st.integers(1, 4))
def test_edges_of_any_polygons_are_their_rings_point_to_point(points, copies):
    hull = MultiPoint(points).convex_hull
    assume(isinstance(hull, Polygon))
    polys = [affinity.translate(hull, 20_000 * k, 0) for k in range(copies)]
    naive = [[*a, *b] for p in polys for a, b in zip(p.exterior.coords, p.exterior.coords[1:])]
    assert edges(polys).tolist() == naive
