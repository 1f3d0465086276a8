"""Whether a point beside a door lies outside the building: rays from it that meet no wall escape.

An imported door with a room on one side only is an entrance door when its other side is outside, and a door
to something the plan did not recognise (a hall whose walls did not close, a shared corridor) when that side is
enclosed by walls. From a point outside, several of the rays in eight directions run off the drawing without
meeting a wall; from a point inside, every ray meets one, except one that happens to pass through a gap.
"""
from __future__ import annotations

import numpy as np
import shapely

DIRECTIONS = 8
MIN_ESCAPES = 2


def outside(points: np.ndarray, obstacles: np.ndarray, *, directions: int = DIRECTIONS,
            min_escapes: int = MIN_ESCAPES) -> np.ndarray:
    """For each point (n, 2), True when at least min_escapes of `directions` rays from it meet none of the
    obstacle segments (m, 4) before leaving the drawing's extent."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if not len(points):
        return np.zeros(0, dtype=bool)
    if not len(obstacles):
        return np.ones(len(points), dtype=bool)
    ends = obstacles.reshape(-1, 2)
    lo, hi = np.minimum(ends.min(axis=0), points.min(axis=0)), np.maximum(ends.max(axis=0), points.max(axis=0))
    reach = float(np.hypot(*(hi - lo))) + 1000.0
    angle = np.arange(directions) * 2 * np.pi / directions
    step = np.c_[np.cos(angle), np.sin(angle)] * reach
    starts = np.repeat(points, directions, axis=0)
    rays = shapely.linestrings(np.stack([starts, starts + np.tile(step, (len(points), 1))], axis=1))
    tree = shapely.STRtree(shapely.linestrings(obstacles.reshape(-1, 2, 2)))
    ray_hit = np.zeros(len(rays), dtype=bool)
    ray_hit[np.unique(tree.query(rays, predicate="intersects")[0])] = True
    escapes = (~ray_hit).reshape(len(points), directions).sum(axis=1)
    return escapes >= min_escapes
