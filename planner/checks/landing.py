"""The landing outside the entrance: a level field of 1.5 × 1.5 m outside the door, outside the swing of a
side-hung door (TEK17 § 12-4 (2) d), measured on site or, where the drawing leaves no room for it, failed."""
from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.ops import unary_union

from planner.checks.memo import MEMO, MISSING, keys as memo_keys
from planner.checks.reuse import reads
from planner.checks.route import entrance_doors
from planner.checks.space import TOLERANCE_MM, has_opening, unit, valid
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, near_limit
from planner.model.plan import Door, Plan
from planner.rules import Rules

CHECK = "entrance_landing"
KEY = "entrance_landing_mm"
STEP_MM = 100.0         # where the field is tried: every 100 mm out from the door and along the façade
OUT_BEYOND_LEAF_MM = 600.0
REVEAL_MM = 600.0      # the door's own wall: lines this close in front of the opening do not bar the way out
PROBE_MM = 300.0       # how far either side of the door to look for its room


def ground_near(door: Door, side_mm: float, near: shapely.STRtree, parts: list) -> tuple[Polygon, list]:
    """The ground looked at for a field of side_mm outside the door, and the parts (rooms, walls) in it, in the
    order the tree gives them: all of the plan that free_field reads beyond the door and its rooms."""
    around = door.position.buffer(door.leaf_width_mm + OUT_BEYOND_LEAF_MM + 2 * side_mm)
    return around, [parts[i] for i in near.query(around)]


def free_field(door: Door, plan: Plan, side_mm: float, near: shapely.STRtree, parts: list,
               rooms_of: dict[str, list] | None = None) -> Polygon | None | bool:
    """A side_mm square of open ground outside the door, or None when the drawing leaves none; False when the
    drawing does not say which side of the door is outside.

    Squares are tried from the door's middle outwards (up to the leaf's width and OUT_BEYOND_LEAF_MM beyond)
    and sideways while still in front of the door. A square must clear the rooms, the walls and the swing of a
    leaf that opens outwards, to TOLERANCE_MM (it may touch a wall, not cross it); the straight way out to it
    from the door must clear the rooms and walls, except within the door's own wall (REVEAL_MM deep), whose
    face lines a drawing may run across the opening. rooms_of: room id -> (index in the plan, room) of the plan's
    rooms of that id, where the caller has them (looking through every room for each door costs doors x rooms)."""
    if not has_opening(door) or not door.rooms:
        return False
    (x1, y1), (x2, y2) = door.opening.coords[0], door.opening.coords[-1]
    ux, uy = unit(x2 - x1, y2 - y1)
    nx, ny = -uy, ux
    px, py = door.position.x, door.position.y
    mine = [r for r in plan.rooms if r.id in door.rooms] if rooms_of is None else \
        [r for _, r in sorted(kr for rid in set(door.rooms) for kr in rooms_of.get(rid, []))]
    inside = unary_union([valid(r.polygon) for r in mine])
    ahead = inside.distance(shapely.Point(px + nx * PROBE_MM, py + ny * PROBE_MM))
    behind = inside.distance(shapely.Point(px - nx * PROBE_MM, py - ny * PROBE_MM))
    if abs(ahead - behind) < 1.0:      # rooms on both sides, or on neither: no outside to look at
        return False
    if behind > ahead:
        nx, ny = -nx, -ny
    half, reach = side_mm / 2, door.leaf_width_mm + OUT_BEYOND_LEAF_MM
    around, ground = ground_near(door, side_mm, near, parts)
    taken = unary_union(ground).intersection(around)
    swing = Polygon() if door.swing is None else valid(door.swing)
    swing = swing if swing.difference(inside).area > 1.0 else Polygon()
    w = door.opening.length / 2 - TOLERANCE_MM
    reveal = Polygon([(px - ux * w, py - uy * w), (px + ux * w, py + uy * w),
                      (px + ux * w + nx * REVEAL_MM, py + uy * w + ny * REVEAL_MM),
                      (px - ux * w + nx * REVEAL_MM, py - uy * w + ny * REVEAL_MM)])
    beyond_reveal = taken.difference(reveal)
    # the squares out from the door row by row and along it within a row, made as arrays; the arithmetic is done
    # in the order a point-by-point loop would do it, so the corners are the same to the last bit
    out, along = (a.ravel() for a in np.meshgrid(np.arange(0.0, reach + 1, STEP_MM),
                                                 np.arange(-half, half + 1, STEP_MM), indexing="ij"))
    cx, cy = px + nx * (out + half) + ux * along, py + ny * (out + half) + uy * along
    signs = ((-1, -1), (1, -1), (1, 1), (-1, 1))
    corners = np.stack([np.stack([cx + sx * ux * half + sy * nx * half, cy + sx * uy * half + sy * ny * half],
                                 axis=-1) for sx, sy in signs], axis=1)
    ends = np.stack([np.broadcast_to([px + nx, py + ny], (len(out), 2)),
                     np.stack([px + nx * (out + 1), py + ny * (out + 1)], axis=-1)], axis=1)
    shapely.prepare(taken)
    shapely.prepare(beyond_reveal)
    # the first free square is what counts: tried a few rows at a time, nearest first, so that a door with open
    # ground before it does not pay for every square further out
    per_row = len(np.arange(-half, half + 1, STEP_MM))
    first, rows = 0, 1
    while first < len(out):
        last = min(first + rows * per_row, len(out))
        squares = shapely.polygons(corners[first:last])
        fields = shapely.buffer(squares, -TOLERANCE_MM, join_style="mitre")
        blocked = shapely.intersects(fields, taken) | shapely.intersects(fields, swing) | \
            shapely.intersects(shapely.linestrings(ends[first:last]), beyond_reveal)
        free = np.flatnonzero(~blocked)
        if len(free):
            return squares[free[0]]
        first, rows = last, rows * 2
    return None


@reads("rooms", "walls", "entrance.door", "entrance.landing_mm", "doors.id", "doors.exterior", "doors.far_side",
       "doors.opening", "doors.position", "doors.rooms", "doors.swing", "doors.leaf_width_mm")
def check_entrance_landing(plan: Plan, rules: Rules) -> list[Finding]:
    """The entrance door: `pass` or `fail` by the measured landing (entrance.landing_mm) against 1500 mm; where it
    was not measured, `fail` when the drawing leaves no 1500 × 1500 mm field of open ground outside the door and
    its outward swing, else `unknown` (the drawing cannot say whether the ground there is level). Does not apply
    where the standard gives no landing size."""
    if KEY not in rules.values:
        return []
    side, margin = rules.value(KEY), rules.value("remeasure_margin_mm")
    doors = entrance_doors(plan)
    parts = [r.polygon for r in plan.rooms] + list(plan.walls)   # what takes the ground, looked up near each door
    near = shapely.STRtree(parts)
    rooms_of: dict[str, list] = {}
    for k, r in enumerate(plan.rooms):
        rooms_of.setdefault(r.id, []).append((k, r))
    measured = None if plan.entrance is None else plan.entrance.landing_mm
    findings = []

    def finding(door, code, status, value, geometry):
        findings.append(Finding(
            check=CHECK, code=code, element=door.id, status=status, measured=value, required=side,
            rule=rules.clause(KEY), message_key=f"landing.{code}",
            params={"door": door.id, "measured": "" if value is None else f"{value:.0f}", "required": f"{side:.0f}"},
            remeasure=near_limit(value, side, margin), geometry=geometry, confidence=rules[KEY].confidence,
            rule_values=rules.refs(KEY, "remeasure_margin_mm")))

    if measured is not None:
        for door in doors[:1]:
            ok = measured >= side
            finding(door, "LANDING_OK" if ok else "LANDING_TOO_SMALL", PASS if ok else FAIL, measured, door.position)
        return findings
    # everything free_field reads (planner/checks/memo.py): the door, its rooms in plan order and the ground near
    # it; the keys made together
    keys = memo_keys(CHECK, [(
        door.opening, door.position, door.swing, door.leaf_width_mm, side, list(door.rooms),
        [r.polygon for _, r in sorted(kr for rid in set(door.rooms) for kr in rooms_of.get(rid, []))],
        ground_near(door, side, near, parts)[1]) for door in doors])
    for door, k, field in zip(doors, keys, MEMO.find_all(keys)):
        if field is MISSING:
            field = free_field(door, plan, side, near, parts, rooms_of)
            MEMO.put(k, field)
        if field is False:
            finding(door, "LANDING_NOT_MEASURED", UNKNOWN, None, door.position)
        elif field is None:
            finding(door, "LANDING_NO_ROOM", FAIL, None, door.position.buffer(side / 2))
        else:
            finding(door, "LANDING_NOT_MEASURED", UNKNOWN, None, field)
    return findings
