"""Rooms from wall lines when a drawing has no room outlines: snap, close the door openings, polygonise."""
from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from planner.importers.regions import components, group_bounds
from planner.importers.rooms import shape_ok


def extend_segments(seg: np.ndarray, by_mm: float) -> np.ndarray:
    """Each segment (x1 y1 x2 y2, mm) lengthened by by_mm at both ends, closing small gaps at corners.

    The overshoot leaves short dangling ends, which polygonising drops.
    """
    d = seg[:, 2:] - seg[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    keep = length > 1e-9
    seg, d, length = seg[keep], d[keep], length[keep]
    u = d / length[:, None] * by_mm
    return np.hstack([seg[:, :2] - u, seg[:, 2:] + u])


MAX_JOIN_ROUNDS = 12    # rounds of joining groups whose boxes meet (apart_groups): real drawings need two or three


def line_ends(lines) -> np.ndarray:
    """The first and the last point of each line, as rows x1 y1 x2 y2 (one call for all the lines)."""
    if not len(lines):
        return np.zeros((0, 4))
    coords, which = shapely.get_coordinates(np.asarray(lines, dtype=object), return_index=True)
    last = np.cumsum(np.bincount(which, minlength=len(lines))) - 1
    first = np.r_[0, last[:-1] + 1]
    return np.c_[coords[first], coords[last]]


def rooms_from_walls(wall_seg: np.ndarray, openings: list[LineString], *, snap_mm: float = 10.0,
                     gap_mm: float = 60.0) -> list[Polygon]:
    """Room-sized faces enclosed by the wall segments (mm) with the door openings drawn shut.

    snap_mm: the lines are snap-rounded to this grid; gap_mm: gaps up to this size at wall ends close.
    """
    parts = [wall_seg]
    if openings:
        parts.append(line_ends(openings))
    seg = np.vstack(parts) if len(parts) > 1 else wall_seg
    if not len(seg):
        return []
    seg = extend_segments(seg, gap_mm / 2)
    d = np.abs(seg[:, 2:] - seg[:, :2])
    oblique = (d[:, 0] > snap_mm / 20) & (d[:, 1] > snap_mm / 20)
    # lines along the axes stay collinear when each end is rounded to the grid; lines at an angle do not (two
    # overlapping pieces of one wall would come out parallel a few millimetres apart and never join), so those are
    # snap-rounded among themselves: every vertex and crossing goes to the grid and a line passing within half a
    # cell of one goes through it. Snap-rounding costs several times a plain union, hence only where it is needed.
    lines = shapely.linestrings((np.round(seg[~oblique] / snap_mm) * snap_mm).reshape(-1, 2, 2))
    if oblique.any():
        rounded = shapely.union_all(shapely.linestrings(seg[oblique].reshape(-1, 2, 2)), grid_size=snap_mm)
        lines = np.concatenate([lines, shapely.get_parts(rounded)])
    rooms = [f for f in faces_of_lines(lines) if isinstance(f, Polygon) and shape_ok(f)]
    # a face whose hole is filled by other faces is the ring of an outer wall: keep only faces that are
    # not mostly wall (their area minus their holes' area is what counts, polygonize already did that)
    return list(shapely.simplify(rooms, snap_mm / 2)) if rooms else []


def faces_of_lines(lines: np.ndarray) -> list:
    """The faces the lines enclose (polygonize after noding), found group by group: lines of groups whose boxes
    are apart (apart_groups) can neither cross nor lie in one another's faces, so each group's faces are those
    the whole drawing gives, bit for bit, and a building of a thousand flats is noded as a thousand small
    drawings. The faces come group by group, in the order of each group's first line, each group's lines in their
    own order (the order decides where each face's ring starts); the rooms are numbered in reading order after."""
    return [face for group in apart_groups(shapely.bounds(lines)) for face in _faces(lines[group])]


def _faces(lines: np.ndarray) -> list:
    # the union nodes the lines and drops duplicates in one sweep (several times faster than shapely.node)
    noded = shapely.union_all(lines)
    return list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))


def apart_groups(boxes: np.ndarray) -> list[np.ndarray]:
    """The elements (rows of boxes: x0 y0 x1 y1) in groups whose boxes are apart from those of every other group:
    elements whose boxes meet, even at a point, are in one group, and so are groups whose boxes (each the box of
    its elements) meet. Each group holds its elements' positions in order, the groups in the order of their first
    element. Joined boxes that meet further ones are joined again, at most MAX_JOIN_ROUNDS times (a drawing of
    boxes each reaching the next only once joined, say a spiral); beyond that all elements are one group, which
    is always right, only slower."""
    if not len(boxes):
        return []
    group = np.arange(len(boxes))
    for _ in range(MAX_JOIN_ROUNDS):
        extent = group_bounds(boxes, group, int(group.max()) + 1)
        shapes = shapely.box(*extent.T)
        i, j = shapely.STRtree(shapes).query(shapes)    # the boxes' envelopes are the boxes: meeting ones
        joined = components(len(extent), i, j)
        if joined.max() + 1 == len(extent):
            break
        group = joined[group]
    else:
        return [np.arange(len(boxes))]
    order = np.argsort(group, kind="stable")
    members = np.split(order, np.flatnonzero(np.diff(group[order])) + 1)
    return sorted(members, key=lambda m: m[0])
