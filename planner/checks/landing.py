"""The landing outside the entrance: a level field of 1.5 × 1.5 m outside the door, outside the swing of a
side-hung door (TEK17 § 12-4 (2) d), measured on site or, where the drawing leaves no room for it, failed."""
from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
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


def ground_near(door: Door, side_mm: float, near: shapely.STRtree, parts: list) -> list:
    """The parts (rooms, walls) of the plan near the door, in the order the tree gives them: all that free_field
    can read beyond the door and its rooms. Its squares lie within the leaf's width, OUT_BEYOND_LEAF_MM and twice
    side_mm of the door's middle (the farthest corner is at most (reach + side) and side away along the two
    axes), and the ways out to them nearer still, so the parts whose bounding boxes meet that square about the
    door are the only ones a square or a way can touch."""
    r = door.leaf_width_mm + OUT_BEYOND_LEAF_MM + 2 * side_mm
    x, y = door.position.x, door.position.y
    return [parts[i] for i in near.query(shapely.box(x - r, y - r, x + r, y + r))]


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
    swing = Polygon() if door.swing is None else valid(door.swing)
    swing = swing if swing.difference(inside).area > 1.0 else Polygon()
    w = door.opening.length / 2 - TOLERANCE_MM
    reveal = Polygon([(px - ux * w, py - uy * w), (px + ux * w, py + uy * w),
                      (px + ux * w + nx * REVEAL_MM, py + uy * w + ny * REVEAL_MM),
                      (px - ux * w + nx * REVEAL_MM, py - uy * w + ny * REVEAL_MM)])
    # the squares out from the door row by row and along it within a row, made as arrays; the arithmetic is done
    # in the order a point-by-point loop would do it, so the corners are the same to the last bit
    out, along = (a.ravel() for a in np.meshgrid(np.arange(0.0, reach + 1, STEP_MM),
                                                 np.arange(-half, half + 1, STEP_MM), indexing="ij"))
    cx, cy = px + nx * (out + half) + ux * along, py + ny * (out + half) + uy * along
    corners, fields = (_square_corners(cx, cy, (ux, uy), (nx, ny), h) for h in (half, half - TOLERANCE_MM))
    ends = np.stack([np.broadcast_to([px + nx, py + ny], (len(out), 2)),
                     np.stack([px + nx * (out + 1), py + ny * (out + 1)], axis=-1)], axis=1)
    shapely.prepare(swing)
    clear_of_reveal: dict[int, BaseGeometry] = {}   # a part of the ground beyond the door's own wall, made once
    # the first free square is what counts: tried a few rows at a time, nearest first, so that a door with open
    # ground before it does not pay for every square further out
    per_row = len(np.arange(-half, half + 1, STEP_MM))
    first, rows = 0, 1
    while first < len(out):
        last = min(first + rows * per_row, len(out))
        insets = shapely.polygons(fields[first:last])
        blocked = _hits(near, insets)
        if not swing.is_empty:
            blocked |= shapely.intersects(insets, swing)
        for k in first + np.flatnonzero(~blocked):
            way = shapely.linestrings(ends[k])
            if not any(way.intersects(clear_of_reveal.setdefault(int(i), valid(parts[i]).difference(reveal)))
                       for i in near.query(way, predicate="intersects")):
                return shapely.polygons(corners[k])
        first, rows = last, rows * 2
    return None


def _square_corners(cx: np.ndarray, cy: np.ndarray, u: tuple[float, float], n: tuple[float, float],
                    half: float) -> np.ndarray:
    """The corners of squares of half-side `half` about the centres (cx, cy), with sides along u and n."""
    (ux, uy), (nx, ny) = u, n
    return np.stack([np.stack([cx + sx * ux * half + sy * nx * half, cy + sx * uy * half + sy * ny * half], axis=-1)
                     for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))], axis=1)


def _hits(near: shapely.STRtree, geoms: np.ndarray) -> np.ndarray:
    """For each geometry, whether it meets any part in the tree."""
    hit = np.zeros(len(geoms), dtype=bool)
    hit[near.query(geoms, predicate="intersects")[0]] = True
    return hit


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
        ground_near(door, side, near, parts)) for door in doors])
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
