"""Fixtures from block references recognised by name, with their real (transformed) footprint."""
from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon

from planner.importers.extract import Primitives
from planner.importers.layers import fixture_type

MIN_FIXTURE_SIDE_MM = 150.0


def find_fixtures(p: Primitives, *, tolerance_mm: float) -> list[tuple[str, Polygon, str]]:
    """(type, footprint in mm, block name) for each block reference whose name names a fixture: one footprint per
    type and place (a block inserted twice at the same spot, to tolerance_mm, is one fixture). The footprints are
    made and measured as arrays, all at once."""
    # each name asked once: a building inserts a few blocks thousands of times
    kind_of = {name: fixture_type(name) for name in {name for name, _, _, group in p.refs if group < 0}}
    picked = [(kind_of[name], name, corners) for name, _layer, corners, group in p.refs
              if group < 0 and kind_of[name] is not None]
    if not picked:
        return []
    polys = shapely.polygons(np.array([corners for _, _, corners in picked], dtype=float).reshape(-1, 4, 2))
    usable = shapely.is_valid(polys) & (shapely.area(polys) >= MIN_FIXTURE_SIDE_MM ** 2)
    centres = shapely.get_coordinates(shapely.centroid(polys)).tolist()
    out, seen = [], set()
    for (kind, name, _), poly, ok, (x, y) in zip(picked, polys, usable.tolist(), centres):
        key = (kind, round(x / tolerance_mm), round(y / tolerance_mm))
        if not ok or key in seen:
            continue
        seen.add(key)
        out.append((kind, poly, name))
    if not out:
        return []
    normal = shapely.normalize([poly for _, poly, _ in out])
    return [(kind, poly, name) for (kind, _, name), poly in zip(out, normal)]
