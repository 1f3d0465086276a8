"""The import's fast paths give what the general path gives, bit for bit: faces found group by group
(planner/importers/walls_to_rooms.py) against the whole drawing noded at once, on random drawings."""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from planner.importers.walls_to_rooms import _faces, apart_groups, faces_of_lines, rooms_from_walls

SEEDS = range(40)


def _room_walls(rng: np.random.Generator, x0: float, y0: float) -> list[list[float]]:
    """A few rooms side by side from (x0, y0): outer walls drawn in pieces that overlap, inner walls that stop
    at the outer ones or cross them, now and then a slanted wall, a column in a room or a line touching the next
    flat at a point."""
    rooms = int(rng.integers(1, 5))
    widths = rng.integers(150, 500, rooms) * 10.0
    depth = float(rng.integers(250, 600)) * 10
    x1 = x0 + widths.sum()
    rows = [[x0, y0, x1, y0], [x0, y0 + depth, x1 + float(rng.integers(0, 30)) * 10, y0 + depth],
            [x0, y0 - float(rng.integers(0, 3)) * 10, x0, y0 + depth], [x1, y0, x1, y0 + depth]]
    x = x0
    for w in widths[:-1]:
        x += w
        over = float(rng.integers(-2, 3)) * 10        # short of, at or past the outer walls
        rows.append([x, y0 - over, x, y0 + depth + over])
    if rng.random() < 0.5:                             # a long wall in two overlapping pieces
        cut = x0 + widths.sum() * float(rng.uniform(0.3, 0.7))
        rows += [[x0, y0, cut + 500, y0], [cut - 500, y0, x1, y0]]
    if rng.random() < 0.4:                             # a slanted wall across a corner
        rows.append([x0 + 1000, y0, x0, y0 + 1000 + float(rng.uniform(0, 5))])
    if rng.random() < 0.4:                             # a column standing free in the first room
        cx, cy = x0 + widths[0] / 2, y0 + depth / 2
        rows += [[cx, cy, cx + 300, cy], [cx + 300, cy, cx + 300, cy + 300], [cx + 300, cy + 300, cx, cy + 300],
                 [cx, cy + 300, cx, cy]]
    return rows


def random_building(seed: int) -> np.ndarray:
    """Flats side by side, some apart, some touching, one now and then inside another's room."""
    rng = np.random.default_rng(seed)
    rows: list[list[float]] = []
    x = 0.0
    for _ in range(int(rng.integers(1, 7))):
        rows += _room_walls(rng, x, float(rng.integers(0, 3)) * 100)
        x = max(r[2] for r in rows) + float(rng.choice([0.0, 300.0, 5000.0]))
    if rng.random() < 0.3:                             # a small flat drawn inside the first room of the first
        rows += _room_walls(rng, 1500.0, 1500.0)[:4]
    order = rng.permutation(len(rows))
    return np.array(rows, dtype=float)[order]


def _as_lines(rows: np.ndarray):
    return shapely.linestrings(rows.reshape(-1, 2, 2))


@pytest.mark.parametrize("seed", SEEDS)
def test_faces_group_by_group_are_the_faces_of_the_whole_drawing(seed):
    """The same faces, each ring starting at the same point; in the same order too when each group's lines come
    one after the other (as in a drawing made flat by flat), else group by group."""
    rows = random_building(seed)
    lines = _as_lines(rows)
    assert sorted(shapely.to_wkb(faces_of_lines(lines))) == sorted(shapely.to_wkb(_faces(lines)))
    grouped = _as_lines(rows[np.concatenate(apart_groups(shapely.bounds(lines)))])
    assert list(shapely.to_wkb(faces_of_lines(grouped))) == list(shapely.to_wkb(_faces(grouped)))


@pytest.mark.parametrize("seed", SEEDS[:10])
def test_rooms_from_walls_found_group_by_group_are_those_of_the_whole_drawing(seed, monkeypatch):
    rows = random_building(seed)
    fast = rooms_from_walls(rows, [])
    import planner.importers.walls_to_rooms as w
    monkeypatch.setattr(w, "faces_of_lines", _faces)      # the general path: everything noded at once
    assert sorted(shapely.to_wkb(fast)) == sorted(shapely.to_wkb(rooms_from_walls(rows, [])))


def test_a_column_in_a_room_is_the_room_s_hole():
    """A group inside another's face must be polygonised with it: alone it would leave the room without its hole
    (regression guard for grouping by the lines' boxes only)."""
    room = [[0, 0, 4000, 0], [4000, 0, 4000, 3000], [4000, 3000, 0, 3000], [0, 3000, 0, 0]]
    column = [[1000, 1000, 1300, 1000], [1300, 1000, 1300, 1300], [1300, 1300, 1000, 1300], [1000, 1300, 1000, 1000]]
    lines = _as_lines(np.array(room + column, dtype=float))
    assert [len(g) for g in apart_groups(shapely.bounds(lines))] == [8]
    faces = faces_of_lines(lines)
    assert sorted(len(f.interiors) for f in faces) == [0, 1]


@pytest.mark.parametrize("rows, sizes", [
    ([[0, 0, 10, 0], [10, 0, 10, 10]], [2]),                         # meeting at a corner: one group
    ([[0, 0, 10, 0], [10.001, 0, 20, 0]], [1, 1]),                   # a hair apart: two
    ([[0, 0, 10, 0], [5, -5, 5, 5], [30, 0, 40, 0]], [2, 1]),        # crossing; and one apart
    ([[30, 0, 40, 0], [0, 0, 10, 0], [35, 0, 35, 9]], [2, 1]),       # groups in the order of their first line
])
def test_apart_groups(rows, sizes):
    groups = apart_groups(shapely.bounds(_as_lines(np.array(rows, dtype=float))))
    assert [len(g) for g in groups] == sizes
    assert sorted(int(k) for g in groups for k in g) == list(range(len(rows)))
    assert all(list(g) == sorted(g) for g in groups)


def test_apart_groups_of_nothing():
    assert apart_groups(np.zeros((0, 4))) == []


# --- doors: leaf lines found for all arcs at once --------------------------------------------------------------

def _leaf_line_brute_force(seg: np.ndarray, centre: np.ndarray, end: np.ndarray, tol: float) -> bool:
    """The definition, one segment at a time: a segment with an end within the tolerance square of the centre
    whose other end lies within the tolerance of the arc's end."""
    for row in seg:
        for near, other in ((row[:2], row[2:]), (row[2:], row[:2])):
            if abs(near[0] - centre[0]) <= tol and abs(near[1] - centre[1]) <= tol and \
                    np.hypot(*(end - other)) <= tol:
                return True
    return False


@pytest.mark.parametrize("seed", range(20))
def test_leaf_lines_for_all_arcs_at_once_are_those_found_one_by_one(seed):
    from planner.importers.doors import _EndIndex
    rng = np.random.default_rng(seed)
    tol = 20.0
    centres = rng.integers(0, 40, (30, 2)) * 50.0
    ends = centres[:, None, :] + rng.choice([-900.0, 0.0, 900.0], (30, 2, 2))
    seg = []
    for c, e in zip(centres, ends):                     # leaf lines just inside, at and just past the tolerance
        for _ in range(int(rng.integers(0, 3))):
            k = int(rng.integers(0, 2))
            off = rng.choice([0.0, 10.0, tol, tol + 1e-9, 35.0], 2) * rng.choice([-1.0, 1.0], 2)
            row = [*(c + off), *(e[k] + rng.choice([0.0, tol, 15.0, 30.0]) * rng.choice([-1.0, 1.0], 2))]
            seg.append(row if rng.random() < 0.5 else row[2:] + row[:2])
    seg = np.array(seg + rng.uniform(0, 2000, (40, 4)).tolist())
    found = _EndIndex(seg, centres, tol).other_end_near(centres, ends)
    expected = [[_leaf_line_brute_force(seg, c, e[k], tol) for k in range(2)] for c, e in zip(centres, ends)]
    assert found.tolist() == expected
    assert found.any() and not found.all()


def test_line_ends_are_each_line_s_first_and_last_point():
    from planner.importers.walls_to_rooms import line_ends
    rng = np.random.default_rng(3)
    lines = [shapely.linestrings(rng.uniform(-1e6, 1e6, (int(n), 2))) for n in rng.integers(2, 6, 50)]
    assert line_ends(lines).tolist() == [[*ln.coords[0], *ln.coords[-1]] for ln in lines]
    assert line_ends([]).shape == (0, 4)


def test_boxes_queried_at_once_meet_what_each_query_meets():
    """The double-door search asks the tree for every leaf at once and walks each leaf's hits in the order a
    query of that leaf alone gives (the first partner found wins)."""
    rng = np.random.default_rng(5)
    pts = rng.integers(0, 30, (400, 2)) * 100.0
    tree = shapely.STRtree(shapely.points(pts))
    boxes = shapely.box(*(pts - 150).T, *(pts + 150).T)
    a, b = tree.query(boxes)
    starts = np.searchsorted(a, np.arange(len(pts) + 1))
    assert all(b[starts[k]:starts[k + 1]].tolist() == tree.query(boxes[k]).tolist() for k in range(len(pts)))


def test_groups_that_keep_joining_end_as_one_group(monkeypatch):
    """Past MAX_JOIN_ROUNDS the lines are one group (the whole drawing at once): slower, never wrong."""
    import planner.importers.walls_to_rooms as w
    room = [[0, 0, 4000, 0], [4000, 0, 4000, 3000], [4000, 3000, 0, 3000], [0, 3000, 0, 0]]
    column = [[1000, 1000, 1300, 1000], [1300, 1000, 1300, 1300], [1300, 1300, 1000, 1300], [1000, 1300, 1000, 1000]]
    apart = [[9000, 0, 9500, 0]]
    lines = _as_lines(np.array(room + column + apart, dtype=float))
    assert [len(g) for g in apart_groups(shapely.bounds(lines))] == [8, 1]
    monkeypatch.setattr(w, "MAX_JOIN_ROUNDS", 1)      # the column joins the room only in a second round
    assert [g.tolist() for g in apart_groups(shapely.bounds(lines))] == [list(range(9))]
    assert sorted(shapely.to_wkb(faces_of_lines(lines))) == sorted(shapely.to_wkb(_faces(lines)))
