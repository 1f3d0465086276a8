"""Wheelchair turning space: a Ø 1500 mm circle of free floor, or where the standard accepts it instead a
1300 × 1800 mm rectangle (TEK17 § 12-7 to § 12-9 guidance)."""
from __future__ import annotations

import functools
from dataclasses import replace

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planner.checks.memo import MEMO, key as memo_key, keys as memo_keys
from planner.checks.reuse import reads
from planner.geometry import edges as ring_edges
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, near_limit
from planner.model.plan import Plan, Room
from planner.rules import Rules

COARSE_TOLERANCE_MM = 5.0  # the search is refined to FINE_TOLERANCE_MM only near the limit, where it decides
FINE_TOLERANCE_MM = 0.5
REFINE_WITHIN_MM = 50.0


def _free_floor(room: Room, blocked: list) -> BaseGeometry:
    floor = room.polygon if room.polygon.is_valid else room.polygon.buffer(0)
    if blocked:
        floor = floor.difference(unary_union([b if b.is_valid else b.buffer(0) for b in blocked]))
    return floor


def _blocked_by_room(plan: Plan, under: bool = False, swings: bool = True, shower_lip_max_mm: float | None = None
                     ) -> tuple[dict[str, list], dict[str, list]]:
    """Room id -> footprints of its fixtures and swings of the doors opening into it, in one pass over the plan
    (looking them up per room would cost rooms x doors); and, where the standard lets the turning space pass
    under a basin (under), the basins nobody has yet said have free floor under them, apart. A basin seen to
    have free floor under it takes no turning space. swings=False: as if every door were a sliding door.
    With shower_lip_max_mm, a shower zone whose kerb is within it is floor a wheelchair may use (TEK17 § 12-9
    guidance), a kerbed one takes floor, and one whose kerb nobody has measured is apart with the unsure."""
    blocked: dict[str, list] = {}
    unsure: dict[str, list] = {}
    for f in plan.fixtures:
        if shower_lip_max_mm is not None and f.type == "shower":
            if f.lip_mm is None:
                unsure.setdefault(f.room, []).append(f.footprint)
            elif f.lip_mm > shower_lip_max_mm:
                blocked.setdefault(f.room, []).append(f.footprint)
            continue
        if under and f.type == "sink":
            if f.space_under is None:
                unsure.setdefault(f.room, []).append(f.footprint)
            elif not f.space_under:
                blocked.setdefault(f.room, []).append(f.footprint)
            continue
        blocked.setdefault(f.room, []).append(f.footprint)
    for d in plan.doors:
        if swings and d.swing is not None:
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


def _shape_keys(groups: list[list]) -> list[tuple[bytes, np.ndarray]]:
    """_shape_key of each group of geometries (a room's outline, then what blocks it), with one shapely call for
    all of them: the same arithmetic on the same numbers, so the same keys and origins to the last bit."""
    geoms = [g for group in groups for g in group]
    if not geoms:
        return []
    coords = shapely.get_coordinates(geoms)
    sizes = shapely.get_num_coordinates(geoms).astype(np.int64)
    counts = np.array([len(group) for group in groups])
    ends = np.cumsum(counts)
    starts = ends - counts
    per_group = np.add.reduceat(sizes, starts)
    if (counts == 0).any() or (per_group == 0).any():   # an empty outline: one group at a time, as before
        return [_shape_key(Room("", "", "", group[0]), group[1:]) for group in groups]
    at = np.concatenate([[0], np.cumsum(per_group)])
    origins = np.minimum.reduceat(coords, at[:-1], axis=0)
    rel = np.round((coords - np.repeat(origins, per_group, axis=0)) * 1000).astype(np.int64)
    return [(rel[at[k]:at[k + 1]].tobytes() + b"|" + sizes[starts[k]:ends[k]].tobytes(), origins[k])
            for k in range(len(groups))]


def largest_free_circle(floor: BaseGeometry, tolerance_mm: float = 0.5) -> tuple[Point, float] | None:
    """Centre and diameter [mm] of the largest circle inside the free floor, searched to tolerance_mm."""
    parts = [g for g in getattr(floor, "geoms", [floor]) if isinstance(g, Polygon) and not g.is_empty]
    best: tuple[Point, float] | None = None
    for part in parts:
        with np.errstate(divide="ignore", invalid="ignore"):   # a sliver of floor: GEOS divides by its width
            radius_line = shapely.maximum_inscribed_circle(part, tolerance_mm)
        centre = shapely.get_point(radius_line, 0)   # its first end; a Point made from its coordinates costs more
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


def _box_centres(poly: Polygon, half_x: float, half_y: float) -> BaseGeometry:
    """Where the centre of an axis-parallel box of half-sizes (half_x, half_y) can be with the box inside poly:
    the polygon less the band its outline sweeps when the box slides along every edge. Empty without sweeping
    where cannot_hold_box shows that no such box fits."""
    return Polygon() if cannot_hold_box(poly, half_x, half_y) else swept_centres(poly, half_x, half_y)


def swept_centres(poly: Polygon, half_x: float, half_y: float) -> BaseGeometry:
    """_box_centres by sweeping alone: the polygon less the union of each edge's swept box."""
    edges = ring_edges(poly, holes=True)
    corners = np.array([(-half_x, -half_y), (half_x, -half_y), (half_x, half_y), (-half_x, half_y)])
    pts = np.concatenate([edges[:, None, :2] + corners, edges[:, None, 2:] + corners], axis=1)
    # each edge's hull made from its eight points as one line: GEOS takes a hull from the coordinates alone, in
    # their order, so the hull is the one of the points as a multipoint, which costs twice as much to make
    swept = shapely.union_all(shapely.convex_hull(shapely.linestrings(pts)))
    return poly.difference(swept)


# GEOS simplifies a buffer's input by up to this share of the distance before offsetting it
BUFFER_SIMPLIFY_SHARE = 0.01


def cannot_hold_box(poly: BaseGeometry, half_x: float, half_y: float) -> bool:
    """True when no axis-parallel box of half-sizes (half_x, half_y) fits in poly, shown cheaply; False when it
    may fit (then only sweeping the box along the edges tells). Exact in the one direction it answers: a box
    wider or taller than the polygon's bounds cannot fit; and with the polygon scaled so that the box becomes a
    square of half-side m = min(half_x, half_y), the box holds the disc of radius m, so where it fits the scaled
    polygon shrunk by m keeps a point. GEOS's inward buffer keeps every point at least its distance from the
    outline (its round corners are chords inside the circle), once it has simplified the outline by up to
    BUFFER_SIMPLIFY_SHARE of the distance; shrinking by m / (1 + 2 BUFFER_SIMPLIFY_SHARE), less 0.01 mm for the
    arithmetic, is therefore never more than shrinking the true outline by m, and an empty result means no box."""
    minx, miny, maxx, maxy = poly.bounds
    if not maxx - minx >= 2 * half_x or not maxy - miny >= 2 * half_y:
        return True
    m = min(half_x, half_y)
    if m <= 0:
        return False
    scaled = shapely.transform(poly, lambda xy: xy * (m / half_x, m / half_y))
    return scaled.buffer(-(m / (1 + 2 * BUFFER_SIMPLIFY_SHARE) - 0.01), quad_segs=8).is_empty


def free_rectangle(floor: BaseGeometry, width: float, length: float) -> Polygon | None:
    """A width x length rectangle of free floor, lying along the walls of the part it is in, or None.

    Tried along the longest edge of each part of the floor and across it; a rectangle that fits exactly counts
    (sizes are compared to 0.5 mm)."""
    parts = [g for g in getattr(floor, "geoms", [floor]) if isinstance(g, Polygon) and not g.is_empty]
    for part in parts:
        if part.area < width * length:
            continue
        e = ring_edges(part)
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
SWINGLESS_FORMATS = ("roomplan", "ifc")   # sources that give a door's width but not which way its leaf swings
RECT_KEY = "turning_rectangle_width_mm"


def _space(room: Room, blocked: list, required: float, other, circle_counts: bool = True, disc_mm: float = 0.0
           ) -> tuple[tuple[Point, float] | None, Polygon | None]:
    """The largest free circle, and where it is too small (or does not count: a square is required) the other
    shape the standard accepts, where it fits (or None). other: (width, length) of a rectangle, a function of the
    free floor giving the shape that fits or None, or None. disc_mm: the diameter of the largest circle the other
    shape holds as it is searched for; where the floor holds no such circle the shape cannot fit, and is not
    searched for. The circle is searched to a tolerance t on its radius, so the floor's true largest circle is at
    most the one found plus 2 t across (GEOS splits every cell that could hold more than that)."""
    floor = _free_floor(room, blocked)
    circle = _circle(floor, required)
    rect = None
    if other is not None and (not circle_counts or circle is None or round(circle[1]) < required):
        if circle is not None and circle[1] + 2 * COARSE_TOLERANCE_MM < disc_mm - 0.01:
            return circle, None
        rect = other(floor) if callable(other) else free_rectangle(floor, *other)
    return circle, rect


def free_ellipse(floor: BaseGeometry, length: float, width: float) -> Polygon | None:
    """A length x width ellipse of free floor (UK M4(3) living spaces), with its long axis along or across the
    longest wall of the part it is in, or None. The floor is squeezed along that axis so that the ellipse becomes
    a circle of the width, and the largest free circle is compared to it."""
    for part in [g for g in getattr(floor, "geoms", [floor]) if isinstance(g, Polygon) and not g.is_empty]:
        e = ring_edges(part)
        longest = e[np.argmax(np.hypot(e[:, 2] - e[:, 0], e[:, 3] - e[:, 1]))]
        angle = float(np.degrees(np.arctan2(longest[3] - longest[1], longest[2] - longest[0])))
        for a in (angle, angle + 90):
            squeezed = affinity.scale(affinity.rotate(part, -a, origin=(0, 0)), width / length, 1, origin=(0, 0))
            circle = largest_free_circle(squeezed, FINE_TOLERANCE_MM)
            if circle is not None and round(circle[1]) >= width:
                ellipse = affinity.scale(circle[0].buffer(width / 2, quad_segs=32), length / width, 1, origin=(0, 0))
                return affinity.rotate(ellipse, a, origin=(0, 0))
    return None


def free_t_shape(floor: BaseGeometry, size: float, arm: float) -> Polygon | None:
    """A T-shaped turning space of free floor (ADA 304.3.2): within a size x size square, a bar `arm` wide across
    the top and a stem `arm` wide down the middle, pointing any of four ways along or across the longest wall of
    the part it is in; or None."""
    stem = size - arm
    for part in [g for g in getattr(floor, "geoms", [floor]) if isinstance(g, Polygon) and not g.is_empty]:
        if part.area < size * arm + arm * stem:
            continue
        e = ring_edges(part)
        longest = e[np.argmax(np.hypot(e[:, 2] - e[:, 0], e[:, 3] - e[:, 1]))]
        base = float(np.degrees(np.arctan2(longest[3] - longest[1], longest[2] - longest[0])))
        for a in (base, base + 90, base + 180, base + 270):
            turned = affinity.rotate(part, -a, origin=(0, 0))
            # the T as a whole may be FINE_TOLERANCE_MM short at each end: bar and stem share it along the stem
            bars = _box_centres(turned, size / 2 - FINE_TOLERANCE_MM, arm / 2 - FINE_TOLERANCE_MM / 2)
            stems = _box_centres(turned, arm / 2 - FINE_TOLERANCE_MM, stem / 2 - FINE_TOLERANCE_MM / 2)
            both = bars.intersection(affinity.translate(stems, 0, size / 2))   # the bar's centre is size/2 above
            if not both.is_empty:
                c = both.representative_point()
                t = shapely.box(c.x - size / 2, c.y - arm / 2, c.x + size / 2, c.y + arm / 2).union(
                    shapely.box(c.x - arm / 2, c.y - arm / 2 - stem, c.x + arm / 2, c.y - arm / 2))
                return affinity.rotate(t, a, origin=(0, 0))
    return None


def largest_free_square(floor: BaseGeometry, up_to_mm: float) -> tuple[int, Polygon | None]:
    """The side [whole mm] of the largest square of free floor, searched up to up_to_mm, and the square."""
    low, high, best = 0, int(up_to_mm) + 1, None
    while high - low > 1:
        mid = (low + high) // 2
        found = free_rectangle(floor, mid, mid)
        low, high, best = (mid, high, found) if found is not None else (low, mid, best)
    return low, best


def alternative_shape(rules: Rules, room_type: str):
    """The shape this standard asks for in a room of this type instead of, or besides, the circle:
    (kind, fits(floor) or (width, length), rule key, message params, whether the circle counts too, the diameter of
    the largest circle the shape holds as it is searched for) or None.
    kind: 'square' (DIN 18040-2; UK M4(3) bedrooms: the circle does not count), 'ellipse' (UK M4(3) living
    spaces), 't' (ADA's T-shape) or 'rectangle' (TEK17's 1.3 x 1.8 m)."""
    values = rules.values
    for key in (f"turning_square_{room_type}_mm", "turning_square_mm"):
        if key in values:
            side = rules.value(key)
            return "square", lambda floor: free_rectangle(floor, side, side), key, {"side": f"{side:.0f}"}, False, \
                side - 2 * FINE_TOLERANCE_MM
    ellipse = ("turning_ellipse_length_mm", "turning_ellipse_width_mm")
    if all(k in values for k in ellipse) and room_type in rules.setting("turning_circle", "ellipse_room_types", []):
        length, width = rules.value(ellipse[0]), rules.value(ellipse[1])
        return "ellipse", lambda floor: free_ellipse(floor, length, width), ellipse[0], \
            {"ellipse_length": f"{length:.0f}", "ellipse_width": f"{width:.0f}"}, True, width - 0.5
    t_keys = ("turning_t_size_mm", "turning_t_arm_mm")
    if all(k in values for k in t_keys):
        size, arm = rules.value(t_keys[0]), rules.value(t_keys[1])
        return "t", lambda floor: free_t_shape(floor, size, arm), t_keys[0], \
            {"t_size": f"{size:.0f}", "t_arm": f"{arm:.0f}"}, True, arm - FINE_TOLERANCE_MM
    rectangle = rectangle_sizes(rules)
    if rectangle is not None:
        return "rectangle", rectangle, RECT_KEY, {}, True, min(rectangle) - 2 * FINE_TOLERANCE_MM
    return None


@functools.lru_cache(maxsize=1024)   # a failing room's circle is drawn at its own diameter: many radii
def _disc_at_origin(radius: float) -> np.ndarray:
    """The ring of Point(0, 0).buffer(radius, quad_segs=32)."""
    return shapely.get_coordinates(Point(0.0, 0.0).buffer(radius, quad_segs=32))


def _disc(centre: Point | tuple[float, float], radius: float) -> Polygon:
    """Point(centre).buffer(radius, quad_segs=32) bit for bit: GEOS puts each point of a circle at centre +
    radius·(cos, sin), so the disc about the origin, moved, is the same, without a buffer per finding. The centre
    as a point or as its (x, y)."""
    return shapely.polygons(_disc_at_origin(radius) + (_xy(centre) if isinstance(centre, Point) else centre))


def _moved(geom, dx: float, dy: float):
    """geom translated by (dx, dy): what affinity.translate gives (x + dx to the last bit), without its matrix; a
    circle's centre, kept as (x, y), by the same sums."""
    if geom is None:
        return None
    if isinstance(geom, tuple):
        return (geom[0] + dx, geom[1] + dy)
    return shapely.transform(geom, lambda xy: xy + (dx, dy))


def _spaces_at_origin(room: Room, blocked: list, unsure: list, required: float, other, circle_counts: bool,
                      disc_mm: float, origin) -> tuple:
    """(circle, other shape, what fits if the unsure obstacles are floor) of _space, moved by -origin; a circle as
    ((x, y) of its centre, diameter)."""
    circle, rect = _space(room, blocked + unsure, required, other, circle_counts, disc_mm)
    passes = (circle_counts and circle is not None and round(circle[1]) >= required) or rect is not None
    clear = _space(room, blocked, required, other, circle_counts, disc_mm) if unsure and not passes else None
    dx, dy = -origin[0], -origin[1]
    return (None if circle is None else (_moved(_xy(circle[0]), dx, dy), circle[1]), _moved(rect, dx, dy),
            None if clear is None else (None if clear[0] is None else
                                        (_moved(_xy(clear[0][0]), dx, dy), clear[0][1]), _moved(clear[1], dx, dy)))


def _xy(point: Point) -> tuple[float, float]:
    return point.x, point.y


def separate_wc_with_the_only_toilet(plan: Plan) -> set[str]:
    """Ids of separate WC rooms holding a toilet when no bathroom holds one: that WC is the one TEK17 § 12-9 asks
    to be accessible, with room to turn in front of the toilet."""
    types = {r.id: r.type for r in plan.rooms}
    with_toilet = {f.room for f in plan.fixtures if f.type == "wc"}
    if any(types.get(rid) == "bathroom" for rid in with_toilet):
        return set()
    return {rid for rid in with_toilet if types.get(rid) == "wc"}


@reads("rooms", "fixtures", "doors.rooms", "doors.swing", "doors.kind", "report:format")
def check_turning_circles(plan: Plan, rules: Rules) -> list[Finding]:
    """Each room where a wheelchair must turn: the diameter of the largest free circle and where it is.

    The diameter is compared to the whole millimetre: 1500 mm passes a 1500 mm requirement. The circle is
    searched to 5 mm, and to 0.5 mm when it comes within 50 mm of the requirement. Where the standard accepts a
    rectangle instead, it is tried when the circle is too small. Where the standard lets the turning space pass
    under a basin mounted high enough, a basin seen to have free floor under it does not count, and one not yet
    looked at makes the result `unknown` when the room passes only without it. A room that is a translated copy
    of one already searched (same outline, fixtures and door swings: the flats of a block) takes its result,
    moved by the translation. A separate WC holding the only toilet is checked as well. A step-free shower zone
    is floor the turning space may use (TEK17 § 12-9 guidance); a kerbed one is an obstacle, and an unmeasured
    one makes the result `unknown` when the room passes only with it.
    """
    key = "turning_circle_diameter_mm"
    required, margin = rules.value(key), rules.value("remeasure_margin_mm")
    rectangle = rectangle_sizes(rules)
    rect_params = {} if rectangle is None else {"rect_width": f"{rectangle[0]:.0f}", "rect_length": f"{rectangle[1]:.0f}"}
    used = rules.refs(key, "turning_rectangle_width_mm", "turning_rectangle_length_mm", UNDER_KEY,
                      "remeasure_margin_mm")
    if UNDER_KEY in rules.values:     # the message of a room that passes only if the basin is wall-hung
        rect_params["height"] = f"{rules.value(UNDER_KEY):.0f}"
    shower_lip = rules.value("shower_lip_max_mm")
    rect_params["shower_lip"] = f"{shower_lip:.0f}"
    room_types = set(rules.setting("turning_circle", "room_types", []))
    door_closed = set(rules.setting("turning_circle", "door_closed_room_types", []))
    blocked_in, unsure_in = _blocked_by_room(plan, under=UNDER_KEY in rules.values, shower_lip_max_mm=shower_lip)
    if door_closed:   # UK M4(3): the bathroom's circle is measured with the door closed
        closed_in, _ = _blocked_by_room(plan, under=UNDER_KEY in rules.values, swings=False,
                                        shower_lip_max_mm=shower_lip)
    unmeasured_showers = {f.room for f in plan.fixtures if f.type == "shower" and f.lip_mm is None}
    only_toilet = separate_wc_with_the_only_toilet(plan)
    # shape key -> (circle, rectangle, what fits if the unsure basins have free floor under them), at the origin
    seen: dict[bytes, tuple] = {}
    # what the searches read of the rules, for the memo's key: the circle, and every alternative shape's sizes
    turning_values = memo_key("rules", sorted((k, v.value) for k, v in rules.values.items() if k.startswith("turning_")))
    findings = []
    # Rooms with a side-hung door whose swing the source does not give (a phone scan, an IFC model): a turning
    # space found there might lie where that leaf sweeps, so it is not a pass until someone has looked.
    blind = (plan.import_report or {}).get("format") in SWINGLESS_FORMATS
    swing_unknown = {r for d in plan.doors if blind and d.swing is None and d.kind in ("hinged", "double")
                     for r in d.rooms}
    alternatives: dict[str, tuple] = {}   # room type -> its alternative shape
    todo, first = [], {}   # the rooms to check, with what they are checked against; shape -> its first room
    for room in plan.rooms:
        if room.type not in room_types and room.id not in only_toilet:
            continue
        blocked = (closed_in if room.type in door_closed else blocked_in).get(room.id, [])
        unsure = unsure_in.get(room.id, [])
        if room.type not in alternatives:
            alt = alternative_shape(rules, room.type)
            alternatives[room.type] = alt if alt is not None else (None, None, key, {}, True, 0.0)
        todo.append((room, blocked, unsure))
    shapes = _shape_keys([[room.polygon, *blocked, *unsure] for room, blocked, unsure in todo])
    for k, ((room, blocked, unsure), (shape, origin)) in enumerate(zip(todo, shapes)):
        shape += b"|%d|%s" % (len(unsure), (alternatives[room.type][0] or "").encode())
        first.setdefault(shape, k)
        todo[k] = (room, blocked, unsure, shape, origin)
    # each shape searched once, in the first room that has it, or taken from the memo; the keys made together
    firsts = [todo[k] for k in first.values()]
    asked = {t: memo_key("asked", t, alt[0], alt[4], required, turning_values) for t, alt in alternatives.items()}
    for (room, blocked, unsure, shape, origin), k in zip(firsts, memo_keys("turning_space", [
            (r.polygon, b, u, asked[r.type]) for r, b, u, _, _ in firsts])):
        _, other, _, _, circle_counts, disc_mm = alternatives[room.type]
        seen[shape] = MEMO.get(k, lambda: _spaces_at_origin(room, blocked, unsure, required, other, circle_counts,
                                                              disc_mm, origin))
    for room, blocked, unsure, shape, origin in todo:
        kind, other, alt_key, alt_params, circle_counts, _ = alternatives[room.type]
        circle, rect, clear = seen[shape]
        dx, dy = float(origin[0]), float(origin[1])   # the same numbers; shapely takes floats faster
        name = room.name or room.id
        if circle is None and (clear is None or (clear[0] is None and clear[1] is None)):
            findings.append(Finding(
                check="turning_circle", code="NO_FREE_FLOOR", element=room.id, status=FAIL, measured=0.0,
                required=required, rule=rules.clause(key), message_key="turning.no_floor", params={"room": name},
                geometry=room.polygon, confidence=rules[key].confidence, rule_values=used))
            continue
        diameter = 0.0 if circle is None else float(round(circle[1]))
        params = {"room": name, "measured": f"{diameter:.0f}", "required": f"{required:.0f}", **rect_params,
                  **alt_params}
        if kind == "square":
            findings.append(_square_finding(room, blocked + unsure, rules, alt_key, rect, clear, params, margin,
                                            room.id in unmeasured_showers, (dx, dy)))
            continue
        if diameter >= required:
            findings.append(Finding(
                check="turning_circle", code="TURNING_OK", element=room.id, status=PASS, measured=diameter,
                required=required, rule=rules.clause(key), message_key="turning.pass", params=params,
                remeasure=near_limit(diameter, required, margin),
                geometry=_disc(_moved(circle[0], dx, dy), required / 2), confidence=rules[key].confidence, rule_values=used))
            continue
        if rect is not None:
            findings.append(Finding(
                check="turning_circle", code=f"TURNING_OK_{kind.upper()}", element=room.id, status=PASS,
                measured=diameter, required=required, rule=rules.clause(alt_key), message_key=f"turning.pass_{kind}",
                params=params, geometry=_moved(rect, dx, dy), confidence=rules[alt_key].confidence, rule_values=used))
            continue
        clear_circle, clear_rect = clear if clear is not None else (None, None)
        if clear_circle is not None and round(clear_circle[1]) >= required or clear_rect is not None:
            fits = _disc(_moved(clear_circle[0], dx, dy), required / 2) \
                if clear_circle is not None and round(clear_circle[1]) >= required else _moved(clear_rect, dx, dy)
            shower = room.id in unmeasured_showers   # an unmeasured shower decides, or a basin, or both
            under_key = "shower_lip_max_mm" if shower else UNDER_KEY
            findings.append(Finding(
                check="turning_circle", code="TURNING_IF_SHOWER_STEP_FREE" if shower else "TURNING_IF_SPACE_UNDER",
                element=room.id, status=UNKNOWN, measured=diameter, required=required, rule=rules.clause(under_key),
                message_key="turning.if_shower_step_free" if shower else "turning.if_space_under",
                params=params, geometry=fits,
                confidence=rules[under_key].confidence, rule_values=used))
            continue
        findings.append(Finding(
            check="turning_circle", code="TURNING_TOO_SMALL", element=room.id, status=FAIL, measured=diameter,
            required=required, rule=rules.clause(key),
            message_key=f"turning.fail_{kind}" if kind else "turning.fail", params=params,
            remeasure=near_limit(diameter, required, margin),
            geometry=_disc(_moved(circle[0], dx, dy), diameter / 2) if circle is not None else room.polygon,
            confidence=rules[key].confidence, rule_values=used))
    return [replace(f, status=UNKNOWN, code="TURNING_SWING_UNKNOWN", message_key="turning.swing_unknown")
            if f.status == PASS and f.element in swing_unknown else f for f in findings]


def _square_finding(room: Room, blocked: list, rules: Rules, key: str, square, clear, params: dict, margin: float,
                    shower: bool, offset: tuple[float, float]) -> Finding:
    """A room where the standard asks for a square of free floor (DIN 18040-2's 1500 x 1500 mm, UK M4(3)'s
    bedroom 1200 x 1200 mm): the side of the largest free square, against the side asked for."""
    side = rules.value(key)
    if square is not None:
        return Finding(check="turning_circle", code="TURNING_OK_SQUARE", element=room.id, status=PASS,
                       measured=side, required=side, rule=rules.clause(key), message_key="turning.pass_square",
                       params={**params, "measured": f"{side:.0f}"}, geometry=_moved(square, *offset),
                       confidence=rules[key].confidence, rule_values=rules.refs(key, "remeasure_margin_mm"))
    if clear is not None and clear[1] is not None:
        under_key = "shower_lip_max_mm" if shower else UNDER_KEY
        return Finding(check="turning_circle", code="TURNING_IF_SHOWER_STEP_FREE" if shower else "TURNING_IF_SPACE_UNDER",
                       element=room.id, status=UNKNOWN, measured=None, required=side, rule=rules.clause(under_key),
                       message_key="turning.if_shower_step_free" if shower else "turning.if_space_under",
                       params=params, geometry=_moved(clear[1], *offset), confidence=rules[under_key].confidence,
                       rule_values=rules.refs(key, under_key))
    largest, found = MEMO.get(memo_key("largest_free_square", room.polygon, blocked, side),
                              lambda: largest_free_square(_free_floor(room, blocked), side))
    return Finding(check="turning_circle", code="TURNING_TOO_SMALL", element=room.id, status=FAIL,
                   measured=float(largest), required=side, rule=rules.clause(key), message_key="turning.fail_square",
                   params={**params, "measured": f"{largest:.0f}"}, remeasure=near_limit(largest, side, margin),
                   geometry=found if found is not None else room.polygon, confidence=rules[key].confidence,
                   rule_values=rules.refs(key, "remeasure_margin_mm"))
