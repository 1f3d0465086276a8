"""Whether a point beside a door lies outside the building: a ray from it that meets no wall escapes.

An imported door with a room on one side only is an entrance door when its other side is outside, and a door
to something the plan did not recognise (a hall whose walls did not close, a shared corridor) when that side is
enclosed. Rays run along the axes (north, east, south, west): their envelopes are thin, so each meets only the
few walls across its line; they are tried short first, and only those that met nothing are tried longer. The caller passes door openings and window lines with the walls, so that a ray does
not escape through a doorway.
"""
from __future__ import annotations

import numpy as np
import shapely

AXES = np.array([(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)])
FIRST_RAY_MM = 2000.0


def outside(points: np.ndarray, obstacles: np.ndarray, *, min_escapes: int = 1) -> np.ndarray:
    """For each point (n, 2), True when at least min_escapes of the four axis rays from it meet none of the
    obstacle segments (m, 4) before leaving the drawing's extent."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if not len(points):
        return np.zeros(0, dtype=bool)
    if not len(obstacles):
        return np.ones(len(points), dtype=bool)
    ends = obstacles.reshape(-1, 2)
    lo, hi = np.minimum(ends.min(axis=0), points.min(axis=0)), np.maximum(ends.max(axis=0), points.max(axis=0))
    reach = float(np.hypot(*(hi - lo))) + 1000.0
    starts = np.repeat(points, len(AXES), axis=0)
    directions = np.tile(AXES, (len(points), 1))
    tree = shapely.STRtree(shapely.linestrings(obstacles.reshape(-1, 2, 2)))
    ray_hit = np.zeros(len(starts), dtype=bool)
    # short rays first: most meet a wall within a few metres, and a long ray's envelope takes in every wall across
    # its line; only the rays that met nothing yet are tried again, four times as long, up to the whole extent
    length = FIRST_RAY_MM
    while True:
        length = min(length, reach)
        left = np.flatnonzero(~ray_hit)
        if not len(left):
            break
        rays = shapely.linestrings(np.stack([starts[left], starts[left] + directions[left] * length], axis=1))
        ray_hit[left[np.unique(tree.query(rays, predicate="intersects")[0])]] = True
        if length >= reach:
            break
        length *= 4
    escapes = (~ray_hit).reshape(len(points), len(AXES)).sum(axis=1)
    return escapes >= min_escapes
