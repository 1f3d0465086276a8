"""Fixtures from block references recognised by name, with their real (transformed) footprint."""
from __future__ import annotations

import shapely
from shapely.geometry import Polygon

from planner.importers.extract import Primitives
from planner.importers.layers import fixture_type

MIN_FIXTURE_SIDE_MM = 150.0


def find_fixtures(p: Primitives, *, tolerance_mm: float) -> list[tuple[str, Polygon, str]]:
    """(type, footprint in mm, block name) for each block reference whose name names a fixture."""
    out, seen = [], set()
    for name, _layer, corners, group in p.refs:
        kind = fixture_type(name)
        if kind is None or group >= 0:
            continue
        poly = Polygon(corners)
        if not poly.is_valid or poly.area < MIN_FIXTURE_SIDE_MM ** 2:
            continue
        key = (kind, round(poly.centroid.x / tolerance_mm), round(poly.centroid.y / tolerance_mm))
        if key in seen:
            continue
        seen.add(key)
        out.append((kind, shapely.normalize(poly), name))
    return out
