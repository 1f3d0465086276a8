"""Rooms by numbers: "bathroom 2000 × 2400, door 800 on the north wall, WC in the corner, shower" as a plan.

For people who would rather type than draw. A room is placed beside a room already on the plan (or at the
origin), gets its door in the named wall, and its fixtures in free corners or along free walls, clear of
the door's swing and the space in front of it. It lands on the same plan the canvas draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Polygon, box
from shapely.ops import unary_union

from planner.editing import plan_edit
from planner.i18n import fmt_mm
from planner.model.plan import FIXTURE_TYPES, ROOM_TYPES, Fixture, Plan, PlanError
from planner.rules import Rules

WALLS = ("north", "south", "east", "west")
SIDES = WALLS
APPROACH_MM = 900  # the floor kept clear in front of a door opening, on both sides
CORNER_FIRST = {"wc", "shower", "bath"}


@dataclass(frozen=True, slots=True)
class RoomTemplate:
    width_mm: float
    depth_mm: float
    door_width_mm: float | None
    door_wall: str
    fixtures: tuple[str, ...]


TEMPLATES = {
    "bathroom": RoomTemplate(2000, 2400, 800, "west", ("wc", "shower", "sink")),
    "wc": RoomTemplate(1200, 1800, 800, "west", ("wc", "sink")),
    "hall": RoomTemplate(2000, 3000, 1000, "south", ()),
    "bedroom": RoomTemplate(3000, 3600, 900, "west", ("bed",)),
    "living": RoomTemplate(4000, 5000, 900, "west", ()),
    "kitchen": RoomTemplate(2400, 3000, 900, "west", ("kitchen",)),
    "storage": RoomTemplate(1200, 1500, 800, "west", ()),
}


@dataclass(frozen=True, slots=True)
class RoomRequest:
    """One room as typed. Lengths in mm. door_wall: which wall the door is in; door_offset_mm: from the wall's
    west or south end to the door's middle (None: the middle of the wall). beside/side: the room it is built
    against and on which side of it (None: east of the last room, or at the origin on an empty plan)."""

    name: str
    type: str
    width_mm: float
    depth_mm: float
    door_width_mm: float | None = 900
    door_wall: str = "west"
    door_offset_mm: float | None = None
    door_swings_in: bool = True
    hinge: str = "left"
    fixtures: tuple[str, ...] = ()
    beside: str | None = None
    side: str = "east"

    @classmethod
    def from_template(cls, type: str, name: str = "", **changes) -> "RoomRequest":
        tpl = TEMPLATES.get(type, RoomTemplate(3000, 3000, 900, "west", ()))
        values = dict(name=name, type=type, width_mm=tpl.width_mm, depth_mm=tpl.depth_mm,
                      door_width_mm=tpl.door_width_mm, door_wall=tpl.door_wall, fixtures=tpl.fixtures)
        values.update(changes)
        return cls(**values)


def _origin(plan: Plan, req: RoomRequest) -> tuple[float, float]:
    if not plan.rooms:
        return (0.0, 0.0)
    other = plan.room(req.beside) if req.beside else plan.rooms[-1]
    if other is None:
        raise PlanError.text("err.no_room_beside", room=req.beside)
    minx, miny, maxx, maxy = other.polygon.bounds
    return {"east": (maxx, miny), "west": (minx - req.width_mm, miny), "north": (minx, maxy),
            "south": (minx, miny - req.depth_mm)}[req.side]


def _wall(x: float, y: float, w: float, d: float, wall: str):
    """(start, end, inward normal) of a rectangle's wall; start is the west or south end."""
    return {"north": ((x, y + d), (x + w, y + d), (0, -1)), "south": ((x, y), (x + w, y), (0, 1)),
            "west": ((x, y), (x, y + d), (1, 0)), "east": ((x + w, y), (x + w, y + d), (-1, 0))}[wall]


def _candidates(x: float, y: float, w: float, d: float, type: str):
    """Footprints for a fixture of `type` in a w × d room at (x, y): in each corner with its back to either
    wall, then centred on each wall. Corners first for WC, shower and bath; walls first for the rest."""
    along, depth = plan_edit.FIXTURE_SIZES_MM[type]
    corners, walls = [], []
    for cx, ix in ((x, 1), (x + w, -1)):
        for cy, iy in ((y, 1), (y + d, -1)):
            for fw, fd in ((along, depth), (depth, along)):
                x0, x1 = sorted((cx, cx + ix * fw))
                y0, y1 = sorted((cy, cy + iy * fd))
                corners.append(box(x0, y0, x1, y1))
    mx, my = x + w / 2, y + d / 2
    walls += [box(mx - along / 2, y, mx + along / 2, y + depth), box(mx - along / 2, y + d - depth, mx + along / 2, y + d),
              box(x, my - along / 2, x + depth, my + along / 2), box(x + w - depth, my - along / 2, x + w, my + along / 2)]
    return corners + walls if type in CORNER_FIRST else walls + corners


def _keep_clear(plan: Plan, room_id: str) -> Polygon:
    """Door swings and the approach in front of every door of the room."""
    zones = []
    for door in plan.doors_of(room_id):
        if door.swing is not None:
            zones.append(door.swing)
        if door.opening is not None:
            zones.append(door.opening.buffer(APPROACH_MM, cap_style="flat"))
    return unary_union(zones) if zones else Polygon()


def furnish(plan: Plan, room_id: str, types: tuple[str, ...], rules: Rules) -> tuple[Plan, list[str]]:
    """Place each fixture type in the room, clear of the doors and of each other; the ids added."""
    room = plan.room(room_id)
    if room is None:
        raise PlanError.text("err.no_room", room=room_id)
    x, y, maxx, maxy = room.polygon.bounds
    w, d = maxx - x, maxy - y
    added = []
    for type in types:
        if type not in FIXTURE_TYPES:
            raise PlanError.text("err.fixture_type", type=repr(type), choices=", ".join(FIXTURE_TYPES))
        clear = _keep_clear(plan, room_id)
        taken = unary_union([f.footprint for f in plan.fixtures_in(room_id)] or [Polygon()])
        spot = next((c for c in _candidates(x, y, w, d, type)
                     if room.polygon.buffer(1).contains(c) and c.intersection(clear).area < 1
                     and c.intersection(taken).area < 1), None)
        if spot is None:
            name = room.name or room.id
            raise PlanError.text("numbers.no_fit", fixture=f"@fixture.{type}", room=name)
        fx_id = plan_edit.next_id("F", plan.element_ids())
        plan = plan_edit.rebuild(plan, fixtures=[*plan.fixtures, Fixture(fx_id, type, spot.normalize(), room_id)],
                                 rules=rules)
        added.append(fx_id)
    return plan, added


def add_room(plan: Plan, req: RoomRequest, rules: Rules) -> tuple[Plan, str]:
    """The plan with the typed room, its door and its fixtures; the new room's id."""
    if req.type not in ROOM_TYPES:
        raise PlanError.text("err.room_type", type=repr(req.type), choices=", ".join(ROOM_TYPES))
    if not (500 <= req.width_mm <= 50000 and 500 <= req.depth_mm <= 50000):
        raise PlanError.text("numbers.size")
    if req.door_wall not in WALLS or req.side not in SIDES:
        raise PlanError.text("err.sides")
    x, y = _origin(plan, req)
    outline = [(x, y), (x + req.width_mm, y), (x + req.width_mm, y + req.depth_mm), (x, y + req.depth_mm)]
    taken = unary_union([r.polygon for r in plan.rooms]) if plan.rooms else Polygon()
    overlap = Polygon(outline).intersection(taken).area
    if overlap > 1:
        raise PlanError.text("numbers.overlap", room=req.name or req.type, area=round(overlap / 1e6, 1))
    plan, room_id = plan_edit.add_room(plan, outline, req.name or req.type, req.type, rules, grid_mm=0)
    if req.door_width_mm:
        start, end, (ix, iy) = _wall(x, y, req.width_mm, req.depth_mm, req.door_wall)
        length = abs(end[0] - start[0]) + abs(end[1] - start[1])
        offset = length / 2 if req.door_offset_mm is None else req.door_offset_mm
        if not req.door_width_mm / 2 <= offset <= length - req.door_width_mm / 2:
            raise PlanError.text("numbers.door_fit", width=fmt_mm(req.door_width_mm), offset=fmt_mm(offset), length=fmt_mm(length), wall=f"@wall.{req.door_wall}")
        ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
        sign = 1 if req.door_swings_in else -1
        tap = (start[0] + ux * offset + ix * 100 * sign, start[1] + uy * offset + iy * 100 * sign)
        plan, _ = plan_edit.add_door_at(plan, tap, req.door_width_mm, rules, req.hinge, grid_mm=0, reach_mm=200)
    if req.fixtures:
        plan, _ = furnish(plan, room_id, tuple(req.fixtures), rules)
    return plan, room_id
