"""Generated buildings for the benchmarks: flats side by side where no two are alike (room sizes, door widths and
walls, fixtures drawn at random per flat), written as a drawing is usually drawn — wall lines, door and fixture
blocks and room labels, without room outlines (so rooms must be found from the walls: not the importer's best
case)."""
from __future__ import annotations

import io
import random
from dataclasses import replace

from shapely import affinity

from planner.model.plan import Plan

GAP_MM = 300     # between flats, as a party wall: the flats make one building (one region), not separate drawings
PER_ROW = 20


def _moved(plan: Plan, dx: float, dy: float, prefix: str) -> Plan:
    """The plan shifted by (dx, dy), every id prefixed so that flats joined into one plan stay distinct."""
    def mv(geom):
        return None if geom is None else affinity.translate(geom, dx, dy)
    rooms = tuple(replace(r, id=prefix + r.id, polygon=mv(r.polygon)) for r in plan.rooms)
    doors = tuple(replace(d, id=prefix + d.id, position=mv(d.position), swing=mv(d.swing), opening=mv(d.opening),
                          rooms=tuple(prefix + r for r in d.rooms)) for d in plan.doors)
    fixtures = tuple(replace(f, id=prefix + f.id, footprint=mv(f.footprint),
                             room=None if f.room is None else prefix + f.room) for f in plan.fixtures)
    return plan.replace(rooms=rooms, doors=doors, fixtures=fixtures, walls=tuple(mv(w) for w in plan.walls))


def _bounds(plan: Plan) -> tuple[float, float, float, float]:
    from shapely.ops import unary_union
    return unary_union([r.polygon for r in plan.rooms]).bounds


def varied_plan(flats: int, seed: int = 1) -> Plan:
    """`flats` different generated flats in one plan."""
    from bench.screen import dwelling_plan
    rooms, doors, fixtures, walls = [], [], [], []
    k, attempt = 0, seed * 1_000_003
    x = y = row_depth = 0.0
    while k < flats:
        attempt += 1
        flat = dwelling_plan(attempt)
        if flat is None:
            continue
        if k and k % PER_ROW == 0:
            x, y, row_depth = 0.0, y + row_depth + GAP_MM, 0.0
        minx, miny, maxx, maxy = _bounds(flat)
        flat = _moved(flat, x - minx, y - miny, f"L{k + 1}-")
        x += maxx - minx + GAP_MM
        row_depth = max(row_depth, maxy - miny)
        rooms += flat.rooms
        doors += flat.doors
        fixtures += flat.fixtures
        walls += flat.walls
        k += 1
    return Plan(name=f"{flats} leiligheter", rooms=tuple(rooms), doors=tuple(doors), fixtures=tuple(fixtures),
                walls=tuple(walls))


def varied_building(flats: int, seed: int = 1) -> bytes:
    """The DXF of `varied_plan`, without room outlines (walls, doors, fixtures, labels only)."""
    from planner.output.dxf_export import plan_to_dxf
    doc = plan_to_dxf(varied_plan(flats, seed))
    msp = doc.modelspace()
    for outline in msp.query('LWPOLYLINE[layer=="A-AREA"]'):
        msp.delete_entity(outline)
    stream = io.StringIO()
    doc.write(stream)
    return stream.getvalue().encode("utf-8")


def rng_for(seed: int) -> random.Random:
    return random.Random(seed)
