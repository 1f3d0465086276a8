"""Plan geometry used across the flow: polygon edges, the room a point lies in, the nearest wall (lengths in mm)."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

NONE = -1   # the index of no room / no wall


def edges(polygons: Polygon | Sequence[Polygon], *, holes: bool = False, return_index: bool = False):
    """The edges of polygons' outlines (and, with holes, of their holes) as rows x1 y1 x2 y2 [mm], ring by ring in
    order, each ring's edges from its first point round to its closing point; with return_index, also the index of
    the polygon each edge is of."""
    polygons = [polygons] if isinstance(polygons, Polygon) else list(polygons)
    if not polygons:
        return (np.zeros((0, 4)), np.zeros(0, dtype=int)) if return_index else np.zeros((0, 4))
    if holes:
        rings, owner = shapely.get_rings(polygons, return_index=True)
    else:
        rings, owner = shapely.get_exterior_ring(polygons), np.arange(len(polygons))
    coords, which = shapely.get_coordinates(rings, return_index=True)
    same = which[1:] == which[:-1]              # consecutive points of one ring
    found = np.c_[coords[:-1][same], coords[1:][same]]
    return (found, owner[which[:-1][same]]) if return_index else found


class RoomIndex:
    """Which room a point lies in: the rooms' outlines (anything with .id and .polygon, planner.model.plan.Room) in a
    spatial index built once per plan or per import, so that every door probe and every fixture asks the index,
    not every room.

    A point lies in a room when it is inside the outline, not on it (`within`); with boundary=True a point on the
    outline counts too (`covered_by`). Where outlines overlap, the room that comes first wins."""

    def __init__(self, rooms: Sequence, *, boundary: bool = False) -> None:
        self.rooms = list(rooms)
        self._tree = shapely.STRtree([r.polygon for r in self.rooms]) if self.rooms else None
        self._predicate = "covered_by" if boundary else "within"

    def at(self, points) -> np.ndarray:
        """For each point (rows x y [mm]), the index of the first room it lies in, or NONE."""
        geoms = shapely.points(np.asarray(points, dtype=float).reshape(-1, 2))
        found = np.full(len(geoms), len(self.rooms))
        if self._tree is not None and len(geoms):
            pi, ri = self._tree.query(geoms, predicate=self._predicate)
            np.minimum.at(found, pi, ri)
        return np.where(found < len(self.rooms), found, NONE)

    def index_at(self, point: Point) -> int:
        """The index of the first room the point lies in, or NONE."""
        if self._tree is None:
            return NONE
        hits = self._tree.query(point, predicate=self._predicate)
        return int(hits.min()) if len(hits) else NONE

    def room_at(self, point: Point):
        """The first room the point lies in, or None."""
        k = self.index_at(point)
        return self.rooms[k] if k != NONE else None

    def id_at(self, point: Point) -> str | None:
        """The id of the first room the point lies in, or None."""
        k = self.index_at(point)
        return self.rooms[k].id if k != NONE else None


class WallIndex:
    """The wall nearest a point, from the walls (lines) in a spatial index built once. Of walls at the same
    distance, the one that comes first wins."""

    def __init__(self, walls: Sequence[LineString]) -> None:
        self._count = len(walls)
        self._tree = shapely.STRtree(list(walls)) if self._count else None

    def __len__(self) -> int:
        return self._count

    def nearest(self, point: Point) -> tuple[int, float]:
        """The index of the nearest wall and its distance [mm]; (NONE, inf) when there are no walls."""
        if self._tree is None:
            return NONE, float("inf")
        hits, dist = self._tree.query_nearest(point, all_matches=True, return_distance=True)
        if not len(hits):
            return NONE, float("inf")
        return int(hits.min()), float(dist.min())


def wall_lines(segments: np.ndarray) -> list[LineString]:
    """Segments (n, 4) as lines."""
    return list(shapely.linestrings(np.asarray(segments, dtype=float).reshape(-1, 2, 2))) if len(segments) else []


def opening_sides(ends: np.ndarray, mids: np.ndarray, rooms: RoomIndex, probes_mm: Sequence[float]
                  ) -> list[tuple[tuple[int, ...], tuple[float, float] | None]]:
    """For each opening (ends: rows x1 y1 x2 y2, mids: its middle, mm): the indices of the rooms on either side,
    nearest first, and — for an opening with a room on one side only — the farthest probe on its empty side (to
    tell an entrance from a door into unread space), else None.

    Probes stand on the perpendicular through the middle at probes_mm on each side, nearest first; a side's room
    is the room of its first probe that lies in one."""
    ends, mids = np.asarray(ends, dtype=float).reshape(-1, 4), np.asarray(mids, dtype=float).reshape(-1, 2)
    if not len(ends):
        return []
    length = np.maximum(np.hypot(ends[:, 2] - ends[:, 0], ends[:, 3] - ends[:, 1]), 1e-9)
    nx, ny = -(ends[:, 3] - ends[:, 1]) / length, (ends[:, 2] - ends[:, 0]) / length
    # probe (opening k, side s, distance q) at [k, s, q]: side 0 along the left normal, side 1 against it
    sign = np.array([1.0, -1.0])[None, :, None]
    dist = np.asarray(probes_mm, dtype=float)[None, None, :]
    px = mids[:, 0, None, None] + sign * nx[:, None, None] * dist
    py = mids[:, 1, None, None] + sign * ny[:, None, None] * dist
    room = rooms.at(np.stack([px, py], axis=-1).reshape(-1, 2)).reshape(px.shape)
    out = []
    for k in range(len(ends)):
        sides = [next((int(r) for r in room[k, s] if r != NONE), NONE) for s in range(2)]
        joined = tuple(dict.fromkeys(r for r in sides if r != NONE))
        far = None
        if len(joined) == 1 and NONE in sides:
            empty = sides.index(NONE)
            far = (float(px[k, empty, -1]), float(py[k, empty, -1]))
        out.append((joined, far))
    return out
