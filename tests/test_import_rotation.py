"""Walls at any angle join as on the axes: the gallery flat rotated 0–90° in 0.5° steps gives the same rooms
(planner/importers/walls_to_rooms.py snap-rounds the lines instead of rounding each end on its own)."""
from __future__ import annotations

import math

import ezdxf
import numpy as np
import pytest
from shapely.geometry import LineString

from planner.importers import read_dxf
from planner.importers.walls_to_rooms import rooms_from_walls
from tests import dxf_factory as F

ANGLES = [k / 2 for k in range(181)]


def rotate(rows: np.ndarray, deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (rows.reshape(-1, 2) @ np.array([[c, s], [-s, c]])).reshape(-1, 4)


def flat_walls() -> tuple[np.ndarray, np.ndarray]:
    """The gallery flat's wall lines (pieces of one wall overlap where two rooms share it) and door openings."""
    doc = F.new_doc("mm")
    F.add_walls(doc.modelspace(), F.FLAT_ROOMS, F.FLAT_DOORS)
    walls = np.array([[e.dxf.start.x, e.dxf.start.y, e.dxf.end.x, e.dxf.end.y] for e in doc.modelspace()])
    return walls, np.array([[*h, *c] for h, c, _ in F.FLAT_DOORS], dtype=float)


WALLS, OPENINGS = flat_walls()


@pytest.mark.parametrize("deg", ANGLES)
def test_a_rotated_flat_has_the_same_rooms(deg):
    openings = [LineString(row.reshape(2, 2)) for row in rotate(OPENINGS, deg)]
    rooms = rooms_from_walls(rotate(WALLS, deg), openings)
    assert sorted(round(r.area / 1e6, 1) for r in rooms) == [5.0, 5.0, 6.0]


def rotated_flat(deg: float):
    doc = F.flat("mm", outlines=False)
    for e in doc.modelspace():
        e.transform(ezdxf.math.Matrix44.z_rotate(math.radians(deg)))
    return doc


@pytest.mark.parametrize("deg", [2.0, 15.5, 21.5, 25.5, 30.0, 33.5, 45.0])
def test_pieces_of_a_wall_drawn_at_an_angle_no_longer_merge_or_lose_rooms(deg):
    """At these angles the hall was lost, or merged with the bedroom, when each end was rounded to 10 mm."""
    plan = read_dxf(F.to_bytes(rotated_flat(deg))).plan
    assert sorted((r.name, round(r.area_m2, 1)) for r in plan.rooms) == [("Bad", 5.0), ("Gang", 6.0),
                                                                         ("Soverom", 5.0)]
    assert len(plan.doors) == 3
