"""Build plans from numbers: doors from their opening, rooms from rectangles, and the links between them.

Used by the examples, by "rooms by numbers" and the drawing canvas in the app, and by tests. Doors are
defined by the hinge point and the latch point of the opening, and the side the leaf swings to.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Iterable

import shapely
from shapely.geometry import LineString, Point, Polygon

from planner.geometry import RoomIndex
from planner.model.plan import (SOURCE_ESTIMATED, Door, Entrance, Fixture, Plan, PlanError, Room,
                           assign_rooms)
from planner.rules import Rules, load_rules

PROBE_MM = 150.0  # how far either side of a door opening to look for the rooms it joins


def swing_polygon(hinge: tuple[float, float], latch: tuple[float, float], side: int,
                  segments: int = 16) -> Polygon:
    """The quarter disc a side-hung leaf sweeps: centred on the hinge, from the closed position through 90°
    towards `side` (+1: to the left of hinge→latch, −1: to the right)."""
    hx, hy = hinge
    radius = math.dist(hinge, latch)
    start = math.atan2(latch[1] - hy, latch[0] - hx)
    sweep = math.copysign(math.pi / 2, side)
    arc = [(hx + radius * math.cos(start + sweep * i / segments), hy + radius * math.sin(start + sweep * i / segments))
           for i in range(segments + 1)]
    return shapely.polygons([hinge, *arc])    # Polygon(...) to the bit, at a third of its cost (one per door)


def door_from_opening(id: str, hinge: tuple[float, float], latch: tuple[float, float], side: int = 1,
                      rooms: Iterable[Room] = (), rules: Rules | None = None, kind: str = "hinged",
                      clear_width_mm: float | None = None, threshold_mm: float | None = None) -> Door:
    """A door whose opening runs from hinge to latch [mm]; the rooms either side are looked up in `rooms`.

    Without a measured clear width it is estimated: leaf width − the standard's deduction (source 'estimated').
    A sliding door or a plain opening has no swing.
    """
    leaf = math.dist(hinge, latch)
    if leaf < 1:
        raise PlanError.text("err.door_no_width", door=id)
    rules = rules or load_rules()
    mid = Point((hinge[0] + latch[0]) / 2, (hinge[1] + latch[1]) / 2)
    ux, uy = (latch[0] - hinge[0]) / leaf, (latch[1] - hinge[1]) / leaf
    nx, ny = -uy, ux  # left normal
    rooms = list(rooms)
    index = RoomIndex(rooms)
    sides = []
    for sign in (1, -1):
        probe = Point(mid.x + sign * nx * PROBE_MM, mid.y + sign * ny * PROBE_MM)
        hit = index.id_at(probe)
        # a probe on a room's outline is that room's too (within 1 mm), which RoomIndex's inside test is not
        inside = [hit] if hit else assign_rooms(rooms, probe, tolerance_mm=1.0)
        sides.extend(i for i in inside[:1] if i not in sides)
    if kind == "hinged":
        swing = swing_polygon(hinge, latch, side)
        source = SOURCE_ESTIMATED
        clear = leaf - rules.value("door_leaf_to_clear_deduction_mm")
    elif kind == "double":
        half = ((hinge[0] + latch[0]) / 2, (hinge[1] + latch[1]) / 2)
        swing = swing_polygon(hinge, half, side).union(swing_polygon(latch, half, -side))
        source = SOURCE_ESTIMATED
        clear = leaf - 2 * rules.value("door_leaf_to_clear_deduction_mm")
    else:  # sliding door or a plain opening: nothing swings
        swing = None
        source = SOURCE_ESTIMATED
        clear = leaf - (rules.value("door_leaf_to_clear_deduction_mm") if kind == "sliding" else 0)
    if clear_width_mm is not None:
        clear, source = clear_width_mm, "measured"
    return Door(id=id, position=mid, leaf_width_mm=leaf, clear_width_mm=clear, clear_width_source=source,
                threshold_mm=threshold_mm, threshold_source=None if threshold_mm is None else "measured",
                swing=swing, rooms=tuple(sides), exterior=len(sides) == 1, kind=kind,
                opening=LineString([hinge, latch]))


def fixture(id: str, type: str, x_mm: float, y_mm: float, width_mm: float, depth_mm: float,
            rooms: Iterable[Room] = (), lip_mm: float | None = None) -> Fixture:
    """A rectangular fixture with its lower-left corner at (x_mm, y_mm), placed in the room that holds it."""
    poly = Room.from_rectangle(id, "", "other", x_mm, y_mm, width_mm, depth_mm).polygon
    centre = poly.centroid
    room = RoomIndex(list(rooms)).id_at(centre)
    return Fixture(id=id, type=type, footprint=poly, room=room, lip_mm=lip_mm,
                   lip_source=None if lip_mm is None else "drawn")


def relink(plan: Plan, rules: Rules | None = None) -> Plan:
    """Recompute which rooms each door joins and which room holds each fixture, after rooms moved."""
    rooms = list(plan.rooms)
    doors = []
    for d in plan.doors:
        if d.opening is None:
            doors.append(d)
            continue
        (hx, hy), (lx, ly) = d.opening.coords[0], d.opening.coords[-1]
        again = door_from_opening(d.id, (hx, hy), (lx, ly), 1, rooms, rules, d.kind)
        doors.append(replace(d, rooms=again.rooms, exterior=again.exterior))
    index = RoomIndex(rooms)
    fixtures = [replace(f, room=index.id_at(f.footprint.centroid)) for f in plan.fixtures]
    return plan.replace(doors=tuple(doors), fixtures=tuple(fixtures))


def walls_of(rooms: Iterable[Room]) -> tuple[LineString, ...]:
    """Room outlines as wall lines, for plans built from numbers."""
    return tuple(LineString(r.polygon.exterior.coords) for r in rooms)


def plan_from_parts(name: str, rooms: list[Room], doors: list[Door], fixtures: list[Fixture],
                    entrance: Entrance | None = None) -> Plan:
    return Plan(rooms=tuple(rooms), doors=tuple(doors), fixtures=tuple(fixtures), entrance=entrance,
                walls=walls_of(rooms), units="mm", name=name)
