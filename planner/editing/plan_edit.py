"""Edit a plan element by element in millimetres: add, change and delete rooms, doors, fixtures and the entrance.

The drawing canvas, the tables of numbers and "rooms by numbers" all change a plan through these functions, so
they share one set of rules: ids never change once given, doors are rebuilt from their numbers with
`planner.editing.builder`, and every door and fixture is linked again to the rooms around it after each change.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from shapely import affinity
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

from planner.editing.builder import door_from_opening, walls_of
from planner.geometry import RoomIndex, WallIndex, edges
from planner.i18n import fmt_mm
from planner.model.plan import (DOOR_KINDS, FIXTURE_TYPES, ROOM_TYPES, SOURCE_DRAWN, Door, Entrance, Fixture, Plan,
                           PlanError, Room)
from planner.rules import Rules

# A fixture placed with one tap gets a common Norwegian size [mm]: (along the wall, out from the wall).
FIXTURE_SIZES_MM = {"wc": (400, 700), "shower": (900, 900), "bath": (1700, 700), "sink": (550, 450),
                    "bed": (900, 2000), "kitchen": (2400, 600)}
MIN_ROOM_AREA_M2 = 0.5
HINGES = ("left", "right")


def next_id(prefix: str, ids: set[str] | list[str]) -> str:
    """The next free id with this prefix: R1, R2, … (one above the highest in use)."""
    numbers = [int(m.group(1)) for i in ids if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", i))]
    return f"{prefix}{max(numbers, default=0) + 1}"


def snap(value_mm: float, grid_mm: float) -> float:
    """value_mm rounded to the nearest multiple of grid_mm (no snapping when grid_mm is 0)."""
    return float(round(value_mm / grid_mm) * grid_mm) if grid_mm > 0 else float(value_mm)


# ---------------------------------------------------------------------------------------------------------------
# Doors as numbers: the middle of the opening, the wall's direction, the width, which side it swings to and
# which side the hinge is on.

@dataclass(frozen=True, slots=True)
class DoorSpec:
    """A door as a person describes it. x_mm, y_mm: the middle of the opening. wall_angle_deg: the wall's
    direction, 0 ≤ angle < 180 (0 = east–west). swing_side: +1 swings to the left of the wall's direction
    (north for an east–west wall), −1 to the right. hinge: 'left' or 'right', as seen standing in the space
    the door swings into, facing the door."""

    id: str
    x_mm: float
    y_mm: float
    wall_angle_deg: float
    width_mm: float
    swing_side: int = 1
    hinge: str = "left"
    kind: str = "hinged"
    threshold_mm: float | None = None

    def swing_normal(self) -> tuple[float, float]:
        a = math.radians(self.wall_angle_deg)
        dx, dy = math.cos(a), math.sin(a)
        return (-dy * self.swing_side, dx * self.swing_side)

    def hinge_and_latch(self) -> tuple[tuple[float, float], tuple[float, float]]:
        nx, ny = self.swing_normal()
        lx, ly = ny, -nx  # your left, standing on the swing side facing the door
        half = self.width_mm / 2 * (1 if self.hinge == "left" else -1)
        hinge = (round(self.x_mm + lx * half, 1), round(self.y_mm + ly * half, 1))
        return hinge, (round(self.x_mm - lx * half, 1), round(self.y_mm - ly * half, 1))


def door_from_spec(spec: DoorSpec, rooms: list[Room], rules: Rules) -> Door:
    if spec.kind not in DOOR_KINDS:
        raise PlanError.text("err.door_kind", door=spec.id, choices=", ".join(DOOR_KINDS))
    if spec.hinge not in HINGES:
        raise PlanError.text("err.door_hinge", door=spec.id)
    if not 200 <= spec.width_mm <= 3000:
        raise PlanError.text("edit.door_width", door=spec.id, width=f"{spec.width_mm:g}")
    hinge, latch = spec.hinge_and_latch()
    nx, ny = spec.swing_normal()
    side = 1 if (latch[0] - hinge[0]) * ny - (latch[1] - hinge[1]) * nx >= 0 else -1
    door = door_from_opening(spec.id, hinge, latch, side, rooms, rules, spec.kind)
    return replace(door, threshold_mm=spec.threshold_mm,
                   threshold_source=None if spec.threshold_mm is None else SOURCE_DRAWN)


def spec_from_door(door: Door) -> DoorSpec:
    """The numbers of a door built from an opening (any door drawn, typed or read from a DXF)."""
    if door.opening is None:
        raise PlanError.text("err.door_no_opening", door=door.id)
    (hx, hy), (lx, ly) = door.opening.coords[0], door.opening.coords[-1]
    width = math.dist((hx, hy), (lx, ly))
    angle = math.degrees(math.atan2(ly - hy, lx - hx)) % 180.0
    if angle > 179.95:
        angle = 0.0
    a = math.radians(angle)
    dx, dy = math.cos(a), math.sin(a)
    mx, my = (hx + lx) / 2, (hy + ly) / 2
    side = 1
    if door.swing is not None:
        c = door.swing.centroid
        side = 1 if dx * (c.y - my) - dy * (c.x - mx) >= 0 else -1
    nx, ny = -dy * side, dx * side
    hinge = "left" if (hx - mx) * ny + (hy - my) * -nx > 0 else "right"
    return DoorSpec(id=door.id, x_mm=mx, y_mm=my, wall_angle_deg=round(angle, 3), width_mm=width,
                    swing_side=side, hinge=hinge, kind=door.kind, threshold_mm=door.threshold_mm)


def swing_room(plan: Plan, spec: DoorSpec) -> str | None:
    """The id of the room the door swings into, or None when it swings outside."""
    nx, ny = spec.swing_normal()
    probe = Point(spec.x_mm + nx * 150, spec.y_mm + ny * 150)
    return RoomIndex(plan.rooms).id_at(probe)


# ---------------------------------------------------------------------------------------------------------------
# Rebuilding the plan after a change

def rebuild(plan: Plan, rooms: list[Room] | None = None, doors: list[DoorSpec] | None = None,
            fixtures: list[Fixture] | None = None, rules: Rules | None = None,
            entrance: Entrance | None | str = "keep") -> Plan:
    """The plan with new rooms, doors (as numbers) or fixtures; doors and fixtures are linked to the rooms again,
    and the walls follow the rooms. Anything not given is kept."""
    from planner.rules import load_rules
    rules = rules or load_rules()
    rooms = list(plan.rooms if rooms is None else rooms)
    specs = [spec_from_door(d) for d in plan.doors if d.opening is not None] if doors is None else list(doors)
    kept = [d for d in plan.doors if d.opening is None] if doors is None else []
    new_doors = kept + [door_from_spec(s, rooms, rules) for s in specs]
    fixtures = list(plan.fixtures if fixtures is None else fixtures)
    index = RoomIndex(rooms)
    fixtures = [replace(f, room=index.id_at(f.footprint.centroid)) for f in fixtures]
    entrance = plan.entrance if entrance == "keep" else entrance
    ids = {d.id for d in new_doors}
    if entrance is not None and entrance.door and entrance.door not in ids:
        entrance = replace(entrance, door=next((d.id for d in new_doors if d.exterior), None))
    return plan.replace(rooms=tuple(rooms), doors=tuple(new_doors), fixtures=tuple(fixtures), entrance=entrance,
                        walls=walls_of(rooms), units="mm")


def _snap_points(points: list[tuple[float, float]], plan: Plan, grid_mm: float,
                 catch_mm: float) -> list[tuple[float, float]]:
    """Each point on the grid, then onto an existing room corner's x or y when one is within catch_mm."""
    xs = sorted({round(x, 1) for r in plan.rooms for x, _ in r.polygon.exterior.coords})
    ys = sorted({round(y, 1) for r in plan.rooms for _, y in r.polygon.exterior.coords})

    def catch(v: float, existing: list[float]) -> float:
        near = min(existing, key=lambda e: abs(e - v), default=None)
        return near if near is not None and abs(near - v) <= catch_mm else v

    out = []
    for x, y in points:
        p = (catch(snap(x, grid_mm), xs), catch(snap(y, grid_mm), ys))
        if not out or math.dist(p, out[-1]) > 1:
            out.append(p)
    if len(out) > 1 and math.dist(out[0], out[-1]) <= 1:
        out.pop()
    return out


def add_room(plan: Plan, points_mm: list[tuple[float, float]], name: str, type: str, rules: Rules,
             grid_mm: float = 100, catch_mm: float = 0, room_id: str | None = None) -> tuple[Plan, str]:
    """Add a room drawn as a rectangle or polygon [mm]; corners snap to the grid and to nearby room corners.
    Where it overlaps rooms already drawn, those keep their floor. Returns the plan and the new room's id."""
    if type not in ROOM_TYPES:
        raise PlanError.text("err.room_type", type=repr(type), choices=", ".join(ROOM_TYPES))
    pts = _snap_points(points_mm, plan, grid_mm, catch_mm)
    if len(pts) < 3:
        raise PlanError.text("edit.corners")
    poly = Polygon(pts)
    if not poly.is_valid:
        raise PlanError.text("edit.crosses")
    if plan.rooms:
        taken = unary_union([r.polygon for r in plan.rooms])
        if poly.intersection(taken).area > 1.0:
            rest = poly.difference(taken)
            parts = sorted(getattr(rest, "geoms", [rest]), key=lambda g: g.area, reverse=True)
            poly = parts[0] if parts and isinstance(parts[0], Polygon) else Polygon()
            poly = poly.simplify(1.0) if not poly.is_empty else poly
    if poly.is_empty or poly.area / 1e6 < MIN_ROOM_AREA_M2:
        raise PlanError.text("edit.too_small", area=f"{MIN_ROOM_AREA_M2:g}")
    poly = Polygon(poly.exterior.coords).normalize()
    room_id = room_id or next_id("R", plan.element_ids())
    room = Room(id=room_id, name=name or room_id, type=type, polygon=Polygon(poly.exterior.coords[::-1])
                if not poly.exterior.is_ccw else poly)
    return rebuild(plan, rooms=[*plan.rooms, room], rules=rules), room_id


def _nearest_wall(rooms, p: Point, longer_than_mm: float) -> tuple[Room, tuple, tuple]:
    """The room edge nearest p among the edges longer than longer_than_mm: (its room, its start, its end)."""
    found = [(room, (x1, y1), (x2, y2)) for room in rooms for x1, y1, x2, y2 in edges(room.polygon).tolist()
             if math.dist((x1, y1), (x2, y2)) > longer_than_mm]
    k, _ = WallIndex([LineString([a, b]) for _, a, b in found]).nearest(p)
    return found[k]


def add_door_at(plan: Plan, point_mm: tuple[float, float], width_mm: float, rules: Rules, hinge: str = "left",
                kind: str = "hinged", grid_mm: float = 50, reach_mm: float = 600,
                door_id: str | None = None) -> tuple[Plan, str]:
    """A door in the room wall nearest to point_mm, centred where the point falls on it (kept inside the wall).
    It swings to the side of the wall the point is on; a point right on the wall swings into that room."""
    if not plan.rooms:
        raise PlanError.text("edit.room_first")
    p = Point(point_mm)
    room, a, b = _nearest_wall(plan.rooms, p, longer_than_mm=1)
    wall = LineString([a, b])
    if wall.distance(p) > reach_mm:
        raise PlanError.text("edit.no_wall", reach=f"{reach_mm / 1000:g}")
    length = wall.length
    if length < width_mm:
        raise PlanError.text("edit.wall_short", length=fmt_mm(length), width=fmt_mm(width_mm))
    along = min(max(snap(wall.project(p), grid_mm), width_mm / 2), length - width_mm / 2)
    dx, dy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    mid = (a[0] + dx * along, a[1] + dy * along)
    angle = math.degrees(math.atan2(dy, dx)) % 180.0
    if angle > 179.95:
        angle = 0.0
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    offset = ux * (p.y - mid[1]) - uy * (p.x - mid[0])  # + : the point is left of the wall's direction
    if abs(offset) < 20:  # on the wall: into the room whose wall it is
        inside = room.polygon.representative_point()
        nearest = wall.interpolate(wall.project(inside))
        offset = ux * (inside.y - nearest.y) - uy * (inside.x - nearest.x)
    door_id = door_id or next_id("D", plan.element_ids())
    spec = DoorSpec(door_id, mid[0], mid[1], angle, width_mm, 1 if offset >= 0 else -1, hinge, kind)
    specs = [spec_from_door(d) for d in plan.doors if d.opening is not None]
    return rebuild(plan, doors=[*specs, spec], rules=rules), door_id


def fixture_against_wall(fixture_id: str, type: str, plan: Plan, point_mm: tuple[float, float],
                         grid_mm: float = 50, size_mm: tuple[float, float] | None = None) -> Fixture:
    """A fixture of a common size with its back to the room wall nearest point_mm, centred on the point along
    that wall and kept within the wall's length."""
    if type not in FIXTURE_TYPES:
        raise PlanError.text("err.fixture_type", type=repr(type), choices=", ".join(FIXTURE_TYPES))
    p = Point(point_mm)
    room = RoomIndex(plan.rooms).room_at(p)
    if room is None:
        raise PlanError.text("edit.fixture_outside")
    along_mm, depth_mm = size_mm or FIXTURE_SIZES_MM[type]
    _, a, b = _nearest_wall([room], p, longer_than_mm=0)    # an edge of no length has no direction to back onto
    wall = LineString([a, b])
    length = wall.length
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    foot = wall.interpolate(wall.project(p))
    nx, ny = -uy, ux
    if nx * (p.x - foot.x) + ny * (p.y - foot.y) < 0:
        nx, ny = -nx, -ny
    along = wall.project(p)
    along = snap(along, grid_mm) if length >= along_mm else length / 2
    along = min(max(along, along_mm / 2), max(length - along_mm / 2, along_mm / 2))
    cx, cy = a[0] + ux * along, a[1] + uy * along
    h = along_mm / 2
    poly = Polygon([(cx - ux * h, cy - uy * h), (cx + ux * h, cy + uy * h),
                    (cx + ux * h + nx * depth_mm, cy + uy * h + ny * depth_mm),
                    (cx - ux * h + nx * depth_mm, cy - uy * h + ny * depth_mm)])
    poly = Polygon([(round(x, 1), round(y, 1)) for x, y in poly.exterior.coords]).normalize()
    return Fixture(id=fixture_id, type=type, footprint=poly, room=room.id)


def add_fixture_at(plan: Plan, point_mm: tuple[float, float], type: str, rules: Rules,
                   grid_mm: float = 50) -> tuple[Plan, str]:
    fixture_id = next_id("F", plan.element_ids())
    fx = fixture_against_wall(fixture_id, type, plan, point_mm, grid_mm)
    return rebuild(plan, fixtures=[*plan.fixtures, fx], rules=rules), fixture_id


def set_entrance(plan: Plan, rules: Rules, door_id: str | None, steps: int | None, rise_mm: float | None,
                 space_length_mm: float | None = None) -> Plan:
    """The drawn level difference at the entrance (steps and total rise), at door_id (an exterior door)."""
    if steps is not None and not 0 <= steps <= 60:
        raise PlanError.text("edit.steps")
    if rise_mm is not None and not 0 <= rise_mm <= 10000:
        raise PlanError.text("edit.rise")
    if door_id is not None and plan.door(door_id) is None:
        raise PlanError.text("err.no_door_in_plan", door=door_id)
    if door_id is None and steps is None and rise_mm is None:
        return rebuild(plan, rules=rules, entrance=None)
    entrance = Entrance(rise_mm=rise_mm, steps=steps, door=door_id, space_length_mm=space_length_mm,
                        rise_source=None if rise_mm is None else SOURCE_DRAWN)
    return rebuild(plan, rules=rules, entrance=entrance)


def nearest_door(plan: Plan, point_mm: tuple[float, float], reach_mm: float = 1000) -> str | None:
    p = Point(point_mm)
    best = min(plan.doors, key=lambda d: d.position.distance(p), default=None)
    return best.id if best is not None and best.position.distance(p) <= reach_mm else None


# ---------------------------------------------------------------------------------------------------------------
# Tables of numbers

def room_row(room: Room) -> dict:
    minx, miny, maxx, maxy = room.polygon.bounds
    return {"id": room.id, "name": room.name, "type": room.type, "x_mm": round(minx), "y_mm": round(miny),
            "width_mm": round(maxx - minx), "depth_mm": round(maxy - miny), "area_m2": round(room.area_m2, 2)}


def fixture_row(fx: Fixture) -> dict:
    minx, miny, maxx, maxy = fx.footprint.bounds
    return {"id": fx.id, "type": fx.type, "x_mm": round(minx), "y_mm": round(miny), "width_mm": round(maxx - minx),
            "depth_mm": round(maxy - miny), "room": fx.room or ""}


def door_row(plan: Plan, door: Door) -> dict:
    spec = spec_from_door(door)
    return {"id": door.id, "x_mm": round(spec.x_mm), "y_mm": round(spec.y_mm), "width_mm": round(spec.width_mm),
            "hinge": spec.hinge, "opens_into": swing_room(plan, spec) or "", "kind": door.kind,
            "rooms": " ↔ ".join(door.rooms) + (" ↔ ∅" if door.exterior else "")}


def _number(element: str, field: str, value, low: float, high: float) -> float:
    try:
        number = float(str(value).replace(",", ".").strip())
    except (TypeError, ValueError):
        raise PlanError.text("edit.not_number", element=element, field=field, value=repr(value)) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise PlanError.text("edit.out_of_range", element=element, field=field, number=f"{number:g}", low=f"{low:g}", high=f"{high:g}")
    return number


def edit_room(plan: Plan, room_id: str, changes: dict, rules: Rules) -> Plan:
    """Change a room's name, type, position (x_mm, y_mm: lower-left corner) or size (width_mm, depth_mm: the
    outline is stretched to fit). Doors and fixtures stay where they are and are linked again."""
    room = plan.room(room_id)
    if room is None:
        raise PlanError.text("err.no_room", room=room_id)
    row = {**room_row(room), **{k: v for k, v in changes.items() if v is not None}}
    if row["type"] not in ROOM_TYPES:
        raise PlanError.text("err.room_type_of", room=room_id, type=repr(row["type"]))
    minx, miny, maxx, maxy = room.polygon.bounds
    w = _number(room_id, "width", row["width_mm"], 300, 100000)
    d = _number(room_id, "depth", row["depth_mm"], 300, 100000)
    x = _number(room_id, "x", row["x_mm"], -1e6, 1e6)
    y = _number(room_id, "y", row["y_mm"], -1e6, 1e6)
    poly = affinity.scale(room.polygon, xfact=w / (maxx - minx), yfact=d / (maxy - miny), origin=(minx, miny))
    poly = affinity.translate(poly, x - minx, y - miny)
    poly = Polygon([(round(px, 1), round(py, 1)) for px, py in poly.exterior.coords])
    new = replace(room, name=str(row["name"]).strip() or room.id, type=row["type"], polygon=poly)
    return rebuild(plan, rooms=[new if r.id == room_id else r for r in plan.rooms], rules=rules)


def edit_fixture(plan: Plan, fixture_id: str, changes: dict, rules: Rules) -> Plan:
    fx = plan.fixture(fixture_id)
    if fx is None:
        raise PlanError.text("err.no_fixture", fixture=fixture_id)
    row = {**fixture_row(fx), **{k: v for k, v in changes.items() if v is not None}}
    if row["type"] not in FIXTURE_TYPES:
        raise PlanError.text("err.fixture_type_of", fixture=fixture_id, type=repr(row["type"]))
    x = _number(fixture_id, "x", row["x_mm"], -1e6, 1e6)
    y = _number(fixture_id, "y", row["y_mm"], -1e6, 1e6)
    w = _number(fixture_id, "width", row["width_mm"], 100, 10000)
    d = _number(fixture_id, "depth", row["depth_mm"], 100, 10000)
    poly = Room.from_rectangle(fixture_id, "", "other", x, y, w, d).polygon
    new = replace(fx, type=row["type"], footprint=poly)
    return rebuild(plan, fixtures=[new if f.id == fixture_id else f for f in plan.fixtures], rules=rules)


def edit_door(plan: Plan, door_id: str, changes: dict, rules: Rules) -> Plan:
    """Change a door's middle (x_mm, y_mm), width_mm, hinge side, kind, or the room it opens into
    (opens_into: a room id on either side of it, or '' for outside)."""
    door = plan.door(door_id)
    if door is None:
        raise PlanError.text("err.no_door", door=door_id)
    spec = spec_from_door(door)
    values = {k: v for k, v in changes.items() if v is not None}
    spec = replace(
        spec,
        x_mm=_number(door_id, "x", values.get("x_mm", spec.x_mm), -1e6, 1e6),
        y_mm=_number(door_id, "y", values.get("y_mm", spec.y_mm), -1e6, 1e6),
        width_mm=_number(door_id, "width", values.get("width_mm", spec.width_mm), 200, 3000),
        hinge=values.get("hinge", spec.hinge), kind=values.get("kind", spec.kind))
    if "opens_into" in changes:
        wanted = changes["opens_into"] or None
        here, there = swing_room(plan, spec), swing_room(plan, replace(spec, swing_side=-spec.swing_side))
        if wanted == there and wanted != here:
            spec = replace(spec, swing_side=-spec.swing_side)
        elif wanted != here:
            sides = " or ".join(r or "outside" for r in (here, there))
            raise PlanError.text("edit.opens_into", door=door_id, sides=sides)
    specs = [spec if d.id == door_id else spec_from_door(d) for d in plan.doors if d.opening is not None]
    return rebuild(plan, doors=specs, rules=rules)


def delete(plan: Plan, element_id: str, rules: Rules) -> Plan:
    """The plan without one element. Deleting a room also deletes the fixtures in it and the doors into it."""
    if plan.room(element_id) is not None:
        rooms = [r for r in plan.rooms if r.id != element_id]
        fixtures = [f for f in plan.fixtures if f.room != element_id]
        doors = [spec_from_door(d) for d in plan.doors if d.opening is not None and element_id not in d.rooms]
        return rebuild(plan, rooms=rooms, doors=doors, fixtures=fixtures, rules=rules)
    if plan.door(element_id) is not None:
        entrance = plan.entrance
        if entrance is not None and entrance.door == element_id:
            entrance = replace(entrance, door=None)
        return rebuild(plan, doors=[spec_from_door(d) for d in plan.doors if d.id != element_id], rules=rules,
                       entrance=entrance)
    if plan.fixture(element_id) is not None:
        return rebuild(plan, fixtures=[f for f in plan.fixtures if f.id != element_id], rules=rules)
    if element_id == "entrance":
        return rebuild(plan, rules=rules, entrance=None)
    raise PlanError.text("err.no_element", element=element_id)


def move_at(plan: Plan, start_mm: tuple[float, float], end_mm: tuple[float, float], rules: Rules,
            grid_mm: float = 100, reach_mm: float = 600) -> tuple[Plan, str]:
    """Move what lies under start_mm by (end − start), snapped to the grid: a fixture there, else the door
    nearest (within reach_mm), else the room there with its fixtures and the doors that are its alone (a door to
    another room stays: it sits in a wall they share). Returns the plan and the id moved; PlanError when nothing
    is there."""
    dx, dy = snap(end_mm[0] - start_mm[0], grid_mm), snap(end_mm[1] - start_mm[1], grid_mm)
    p = Point(start_mm)
    fixture = next((f for f in plan.fixtures if f.footprint.buffer(reach_mm / 4).contains(p)), None)
    if fixture is not None:
        row = fixture_row(fixture)
        return edit_fixture(plan, fixture.id, {"x_mm": row["x_mm"] + dx, "y_mm": row["y_mm"] + dy}, rules), fixture.id
    door_id = nearest_door(plan, start_mm, reach_mm)
    if door_id is not None:
        row = door_row(plan, plan.door(door_id))
        return edit_door(plan, door_id, {"x_mm": row["x_mm"] + dx, "y_mm": row["y_mm"] + dy}, rules), door_id
    room = RoomIndex(plan.rooms).room_at(p)
    if room is None:
        raise PlanError.text("edit.move_nothing")
    row = room_row(room)
    moved = edit_room(plan, room.id, {"x_mm": row["x_mm"] + dx, "y_mm": row["y_mm"] + dy}, rules)
    for fx in [f for f in plan.fixtures if f.room == room.id]:
        fx_row = fixture_row(fx)
        moved = edit_fixture(moved, fx.id, {"x_mm": fx_row["x_mm"] + dx, "y_mm": fx_row["y_mm"] + dy}, rules)
    for door in [d for d in plan.doors if set(d.rooms) == {room.id}]:     # its own doors (to outside, or open)
        d_row = door_row(plan, door)
        moved = edit_door(moved, door.id, {"x_mm": d_row["x_mm"] + dx, "y_mm": d_row["y_mm"] + dy}, rules)
    return moved, room.id
