"""Wheelchair turning space: a Ø 1500 mm circle of free floor, or where the standard accepts it instead a
1300 × 1800 mm rectangle (TEK17 § 12-7 to § 12-9 guidance)."""
from __future__ import annotations

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planner.findings import FAIL, PASS, UNKNOWN, Finding, near_limit
from planner.model import Plan, Room
from planner.rules import Rules

COARSE_TOLERANCE_MM = 5.0  # the search is refined to FINE_TOLERANCE_MM only near the limit, where it decides
FINE_TOLERANCE_MM = 0.5
REFINE_WITHIN_MM = 50.0


def _free_floor(room: Room, blocked: list) -> BaseGeometry:
    floor = room.polygon if room.polygon.is_valid else room.polygon.buffer(0)
    if blocked:
        floor = floor.difference(unary_union([b if b.is_valid else b.buffer(0) for b in blocked]))
    return floor


def _blocked_by_room(plan: Plan, under: bool = False) -> tuple[dict[str, list], dict[str, list]]:
    """Room id -> footprints of its fixtures and swings of the doors opening into it, in one pass over the plan
    (looking them up per room would cost rooms x doors); and, where the standard lets the turning space pass
    under a basin (under), the basins nobody has yet said have free floor under them, apart. A basin seen to
    have free floor under it takes no turning space."""
    blocked: dict[str, list] = {}
    unsure: dict[str, list] = {}
    for f in plan.fixtures:
        if under and f.type == "sink":
            if f.space_under is None:
                unsure.setdefault(f.room, []).append(f.footprint)
            elif not f.space_under:
                blocked.setdefault(f.room, []).append(f.footprint)
            continue
        blocked.setdefault(f.room, []).append(f.footprint)
    for d in plan.doors:
        if d.swing is not None:
            for rid in d.rooms:
                blocked.setdefault(rid, []).append(d.swing)
    return blocked, unsure


def _shape_key(room: Room, blocked: list) -> tuple[bytes, np.ndarray]:
    """A key that is equal for rooms that are translated copies of each other, fixtures and swings included
    (the flats of a block repeat), and the origin the key is relative to. Coordinates are compared to 1 µm."""
    geoms = [room.polygon, *blocked]
    coords = shapely.get_coordinates(geoms)
    origin = coords.min(axis=0)
    rel = np.round((coords - origin) * 1000).astype(np.int64)
    sizes = shapely.get_num_coordinates(geoms).astype(np.int64)
    return rel.tobytes() + b"|" + sizes.tobytes(), origin


def largest_free_circle(floor: BaseGeometry, tolerance_mm: float = 0.5) -> tuple[Point, float] | None:
    """Centre and diameter [mm] of the largest circle inside the free floor, searched to tolerance_mm."""
    parts = [g for g in getattr(floor, "geoms", [floor]) if isinstance(g, Polygon) and not g.is_empty]
    best: tuple[Point, float] | None = None
    for part in parts:
        with np.errstate(divide="ignore", invalid="ignore"):   # a sliver of floor: GEOS divides by its width
            radius_line = shapely.maximum_inscribed_circle(part, tolerance_mm)
        centre = Point(radius_line.coords[0])
        diameter = 2 * radius_line.length
        if best is None or diameter > best[1]:
            best = (centre, diameter)
    return best


def swings_into(plan: Plan, room: Room) -> list:
    """The doors whose leaf sweeps part of this room's floor."""
    return [d for d in plan.doors if d.swing is not None and room.id in d.rooms
            and d.swing.intersection(room.polygon).area > 1.0]


def _circle(floor: BaseGeometry, required: float) -> tuple[Point, float] | None:
    circle = largest_free_circle(floor, COARSE_TOLERANCE_MM)
    if circle is not None and abs(circle[1] - required) <= REFINE_WITHIN_MM:
        circle = largest_free_circle(floor, FINE_TOLERANCE_MM)
    return circle


def rectangle_sizes(rules: Rules) -> tuple[float, float] | None:
    """The rectangle the standard accepts instead of the circle (width, length) [mm], or None."""
    keys = ("turning_rectangle_width_mm", "turning_rectangle_length_mm")
    return (rules.value(keys[0]), rules.value(keys[1])) if all(k in rules.values for k in keys) else None


def _edges(poly: Polygon) -> np.ndarray:
    """Every edge of a polygon's outline and holes as rows x1 y1 x2 y2."""
    rows = []
    for ring in (poly.exterior, *poly.interiors):
        c = np.asarray(ring.coords)
        rows.append(np.c_[c[:-1], c[1:]])
    return np.vstack(rows)


def _box_centres(poly: Polygon, half_x: float, half_y: float) -> BaseGeometry:
    """Where the centre of an axis-parallel box of half-sizes (half_x, half_y) can be with the box inside poly:
    the polygon less the band its outline sweeps when the box slides along every edge."""
    edges = _edges(poly)
    corners = np.array([(-half_x, -half_y), (half_x, -half_y), (half_x, half_y), (-half_x, half_y)])
    pts = np.concatenate([edges[:, None, :2] + corners, edges[:, None, 2:] + corners], axis=1)
    swept = shapely.union_all(shapely.convex_hull(shapely.multipoints(pts)))
    return poly.difference(swept)


def free_rectangle(floor: BaseGeometry, width: float, length: float) -> Polygon | None:
    """A width x length rectangle of free floor, lying along the walls of the part it is in, or None.

    Tried along the longest edge of each part of the floor and across it; a rectangle that fits exactly counts
    (sizes are compared to 0.5 mm)."""
    parts = [g for g in getattr(floor, "geoms", [floor]) if isinstance(g, Polygon) and not g.is_empty]
    for part in parts:
        if part.area < width * length:
            continue
        e = _edges(Polygon(part.exterior))
        longest = e[np.argmax(np.hypot(e[:, 2] - e[:, 0], e[:, 3] - e[:, 1]))]
        angle = float(np.degrees(np.arctan2(longest[3] - longest[1], longest[2] - longest[0])))
        turned = affinity.rotate(part, -angle, origin=(0, 0))
        for half_x, half_y in ((length / 2, width / 2), (width / 2, length / 2)):
            centres = _box_centres(turned, half_x - FINE_TOLERANCE_MM, half_y - FINE_TOLERANCE_MM)
            if not centres.is_empty:
                c = centres.representative_point()
                rect = shapely.box(c.x - half_x, c.y - half_y, c.x + half_x, c.y + half_y)
                return affinity.rotate(rect, angle, origin=(0, 0))
    return None


UNDER_KEY = "turning_space_under_fixture_mm"
RECT_KEY = "turning_rectangle_width_mm"


def _space(room: Room, blocked: list, required: float, rectangle: tuple[float, float] | None
           ) -> tuple[tuple[Point, float] | None, Polygon | None]:
    """The largest free circle, and where it is too small the rectangle the standard accepts (or None)."""
    floor = _free_floor(room, blocked)
    circle = _circle(floor, required)
    rect = None
    if rectangle is not None and (circle is None or round(circle[1]) < required):
        rect = free_rectangle(floor, *rectangle)
    return circle, rect


def _moved(geom, dx: float, dy: float):
    return None if geom is None else affinity.translate(geom, dx, dy)


def check_turning_circles(plan: Plan, rules: Rules) -> list[Finding]:
    """Each room where a wheelchair must turn: the diameter of the largest free circle and where it is.

    The diameter is compared to the whole millimetre: 1500 mm passes a 1500 mm requirement. The circle is
    searched to 5 mm, and to 0.5 mm when it comes within 50 mm of the requirement. Where the standard accepts a
    rectangle instead, it is tried when the circle is too small. Where the standard lets the turning space pass
    under a basin mounted high enough, a basin seen to have free floor under it does not count, and one not yet
    looked at makes the result `unknown` when the room passes only without it. A room that is a translated copy
    of one already searched (same outline, fixtures and door swings: the flats of a block) takes its result,
    moved by the translation.
    """
    key = "turning_circle_diameter_mm"
    required, margin = rules.value(key), rules.value("remeasure_margin_mm")
    rectangle = rectangle_sizes(rules)
    rect_params = {} if rectangle is None else {"rect_width": f"{rectangle[0]:.0f}", "rect_length": f"{rectangle[1]:.0f}"}
    used = rules.refs(key, "turning_rectangle_width_mm", "turning_rectangle_length_mm", UNDER_KEY,
                      "remeasure_margin_mm")
    if UNDER_KEY in rules.values:     # the message of a room that passes only if the basin is wall-hung
        rect_params["height"] = f"{rules.value(UNDER_KEY):.0f}"
    room_types = set(rules.setting("turning_circle", "room_types", []))
    blocked_in, unsure_in = _blocked_by_room(plan, under=UNDER_KEY in rules.values)
    # shape key -> (circle, rectangle, what fits if the unsure basins have free floor under them), at the origin
    seen: dict[bytes, tuple] = {}
    findings = []
    for room in plan.rooms:
        if room.type not in room_types:
            continue
        blocked, unsure = blocked_in.get(room.id, []), unsure_in.get(room.id, [])
        shape, origin = _shape_key(room, blocked + unsure)
        shape += b"|%d" % len(unsure)
        if shape not in seen:
            circle, rect = _space(room, blocked + unsure, required, rectangle)
            passes = (circle is not None and round(circle[1]) >= required) or rect is not None
            clear = _space(room, blocked, required, rectangle) if unsure and not passes else None
            dx, dy = -origin[0], -origin[1]
            seen[shape] = (None if circle is None else (_moved(circle[0], dx, dy), circle[1]), _moved(rect, dx, dy),
                           None if clear is None else (None if clear[0] is None else
                                                       (_moved(clear[0][0], dx, dy), clear[0][1]), _moved(clear[1], dx, dy)))
        circle, rect, clear = seen[shape]
        dx, dy = origin[0], origin[1]
        name = room.name or room.id
        if circle is None and (clear is None or (clear[0] is None and clear[1] is None)):
            findings.append(Finding(
                check="turning_circle", code="NO_FREE_FLOOR", element=room.id, status=FAIL, measured=0.0,
                required=required, rule=rules.clause(key), message_key="turning.no_floor", params={"room": name},
                geometry=room.polygon, confidence=rules[key].confidence, rule_values=used))
            continue
        diameter = 0.0 if circle is None else float(round(circle[1]))
        params = {"room": name, "measured": f"{diameter:.0f}", "required": f"{required:.0f}", **rect_params}
        if diameter >= required:
            findings.append(Finding(
                check="turning_circle", code="TURNING_OK", element=room.id, status=PASS, measured=diameter,
                required=required, rule=rules.clause(key), message_key="turning.pass", params=params,
                remeasure=near_limit(diameter, required, margin),
                geometry=_moved(circle[0], dx, dy).buffer(required / 2, quad_segs=32), confidence=rules[key].confidence, rule_values=used))
            continue
        if rect is not None:
            findings.append(Finding(
                check="turning_circle", code="TURNING_OK_RECTANGLE", element=room.id, status=PASS, measured=diameter,
                required=required, rule=rules.clause(RECT_KEY), message_key="turning.pass_rectangle", params=params,
                geometry=_moved(rect, dx, dy), confidence=rules[RECT_KEY].confidence, rule_values=used))
            continue
        clear_circle, clear_rect = clear if clear is not None else (None, None)
        if clear_circle is not None and round(clear_circle[1]) >= required or clear_rect is not None:
            fits = _moved(clear_circle[0], dx, dy).buffer(required / 2, quad_segs=32) \
                if clear_circle is not None and round(clear_circle[1]) >= required else _moved(clear_rect, dx, dy)
            findings.append(Finding(
                check="turning_circle", code="TURNING_IF_SPACE_UNDER", element=room.id, status=UNKNOWN,
                measured=diameter, required=required, rule=rules.clause(UNDER_KEY),
                message_key="turning.if_space_under",
                params=params, geometry=fits,
                confidence=rules[UNDER_KEY].confidence, rule_values=used))
            continue
        findings.append(Finding(
            check="turning_circle", code="TURNING_TOO_SMALL", element=room.id, status=FAIL, measured=diameter,
            required=required, rule=rules.clause(key),
            message_key="turning.fail_rectangle" if rectangle else "turning.fail", params=params,
            remeasure=near_limit(diameter, required, margin),
            geometry=_moved(circle[0], dx, dy).buffer(diameter / 2, quad_segs=32) if circle is not None else room.polygon,
            confidence=rules[key].confidence, rule_values=used))
    return findings
