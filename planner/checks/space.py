"""Free floor measured the way an occupational therapist measures it: the clear width beside an edge, and
whether a passage of a given width joins two places. Lengths in millimetres."""
from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planner.model.findings import FAIL, PASS, UNKNOWN
from planner.model.plan import Fixture, Plan, Room
from planner.rules import Rules

TOLERANCE_MM = 0.5   # a width that equals its limit to 0.5 mm passes
REACH_MM = 20_000.0  # how far a clear width is looked for: farther than any room


def valid(geom: BaseGeometry) -> BaseGeometry:
    return geom if geom.is_valid else geom.buffer(0)


def shower_floor_status(shower: Fixture, rules: Rules) -> str:
    """PASS when a shower zone is step-free floor a wheelchair may use (its kerb within the standard's limit),
    FAIL when it is kerbed (an obstacle), UNKNOWN when its kerb was never measured."""
    if shower.lip_mm is None:
        return UNKNOWN
    return PASS if shower.lip_mm <= rules.value("shower_lip_max_mm") else FAIL


def clear_width_in_room(edge: LineString, outward: tuple[float, float], room: Room, fixtures: list) -> float:
    """The free distance [mm] from an edge in the room, straight out along the unit vector `outward`, over the
    edge's whole length, to the nearest wall or fixture (REACH_MM when nothing is in the way), without a 20 m box
    around the room made and cut for every edge: the band meets everything outside the room where it leaves
    the room, and the fixtures where it meets them, so the pieces in the way are those of the band less the room
    and those of the band and the fixtures (everything outside the room that the band can reach: it starts in the room and
    reaches REACH_MM). The nearest piece is the same; only pieces that the union would have joined are apart."""
    band = _band(edge, outward)
    return _nearest(edge, [band.difference(valid(room.polygon)),
                           *([band.intersection(unary_union(fixtures))] if fixtures else [])])


def _band(edge: LineString, outward: tuple[float, float]) -> Polygon:
    """The band swept by the edge moved REACH_MM along `outward`, 1 mm short of each end of the edge (a wall the
    edge ends on is not in it)."""
    return Polygon(_band_corners(edge.coords[0], edge.coords[-1], outward))


def _band_corners(a, b, outward: tuple[float, float]) -> list[tuple[float, float]]:
    (x1, y1), (x2, y2) = a[:2], b[:2]
    ex, ey = unit(x2 - x1, y2 - y1)
    x1, y1, x2, y2 = x1 + ex, y1 + ey, x2 - ex, y2 - ey
    ox, oy = outward[0] * REACH_MM, outward[1] * REACH_MM
    return [(x1, y1), (x2, y2), (x2 + ox, y2 + oy), (x1 + ox, y1 + oy)]


def clear_widths_in_rooms(edges: list, outward: list, rooms: list[Room], fixtures: list[list]) -> list[float]:
    """clear_width_in_room(LineString(edge), outward, room, fixtures) for each edge (its two ends) with its
    outward direction, room and fixtures, with one shapely call per step for all of them: the same GEOS
    operations on the same shapes, so the same widths to the last bit."""
    if not edges:
        return []
    bands = shapely.polygons(np.array([_band_corners(a, b, o) for (a, b), o in zip(edges, outward)], dtype=float))
    floors = np.array([valid(room.polygon) for room in rooms] + [None], dtype=object)[:-1]
    furnished = [k for k, f in enumerate(fixtures) if f]
    found = np.concatenate([shapely.difference(bands, floors), shapely.intersection(
        bands[furnished], np.array([unary_union(fixtures[k]) for k in furnished] + [None], dtype=object)[:-1])])
    owner = np.concatenate([np.arange(len(edges)), np.array(furnished, dtype=int)])
    pieces, which = shapely.get_parts(found, return_index=True)
    keep = in_the_way(pieces)
    pieces, which = pieces[keep], owner[which[keep]]
    widths = np.full(len(edges), REACH_MM)
    if len(pieces):
        lines = shapely.linestrings(np.array([(a[:2], b[:2]) for a, b in edges], dtype=float))
        np.minimum.at(widths, which, shapely.distance(lines[which], pieces))
    return widths.tolist()


SLIVER_MM = 5.0   # a piece of the band thinner than this everywhere is a drawing's slip, not an obstacle


def in_the_way(pieces: np.ndarray) -> np.ndarray:
    """Which pieces of a band are in the way: polygons (an obstacle only touching the band's sides is not in it)
    that are not slivers — nowhere SLIVER_MM thick: the band's corner cut by a wall line a few tenths of a
    millimetre off, or a door leaf drawn as part of a room's outline, is no wall a wheelchair meets."""
    polygons = (shapely.get_type_id(pieces) == 3) & (shapely.area(pieces) > 1e-3)
    keep = polygons.copy()
    keep[polygons] = ~shapely.is_empty(shapely.buffer(pieces[polygons], -SLIVER_MM / 2, quad_segs=1,
                                                      join_style="mitre"))
    return keep


def _nearest(edge: LineString, found: list) -> float:
    """The distance from the edge to the nearest piece of what the band found that is in the way (REACH_MM when
    none)."""
    parts = np.array([g for inside in found for g in getattr(inside, "geoms", [inside])], dtype=object)
    hit = parts[in_the_way(parts)] if len(parts) else parts
    return REACH_MM if not len(hit) else float(shapely.distance(edge, hit).min())


def oriented_box(footprint: BaseGeometry) -> list[tuple[float, float]]:
    """The four corners of the smallest rectangle around a footprint, in order."""
    rect = footprint.minimum_rotated_rectangle
    coords = list(rect.exterior.coords)[:4] if isinstance(rect, Polygon) else []
    if len(coords) < 4:
        minx, miny, maxx, maxy = footprint.bounds
        coords = [(minx, miny), (maxx, miny), (maxx, maxy), (minx, maxy)]
    return coords


def unit(dx: float, dy: float) -> tuple[float, float]:
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


QUAD_SEGS = 8
# GEOS draws a buffer's round corners as chords between points on the circle: a floor shrunk by d lies outside
# the true one by at most the chords' sagitta, so its points are at least d times this from the edge
CHORD_SHARE = math.cos(math.pi / (4 * QUAD_SEGS))


EMPTY = Polygon()   # shapely's geometries do not change: one empty polygon serves for every floor left empty


def shrunk_each(floors, by_mm) -> np.ndarray:
    """Each valid floor shrunk by its by_mm (buffered inwards, QUAD_SEGS to a quarter circle, in one shapely
    call); an empty polygon, without buffering, where no circle of that radius fits between the floor's sides."""
    floors = np.asarray(floors, dtype=object).reshape(-1)
    by_mm = np.broadcast_to(np.asarray(by_mm, dtype=float), floors.shape)
    out = np.full(len(floors), EMPTY, dtype=object)
    if not len(floors):
        return out
    minx, miny, maxx, maxy = shapely.bounds(floors).T
    fits = ~(by_mm * CHORD_SHARE > np.minimum(maxx - minx, maxy - miny) / 2 + 1.0)
    out[fits] = shapely.buffer(floors[fits], -by_mm[fits], quad_segs=QUAD_SEGS)
    return out


def shrunk(floor: BaseGeometry, by_mm: float) -> BaseGeometry:
    """shrunk_each for one floor."""
    return shrunk_each([floor], by_mm)[0]


def passage_joins(floor: BaseGeometry, width_mm: float, a: BaseGeometry, b: BaseGeometry,
                  reach_mm: float | None = None) -> bool:
    """True when a passage `width_mm` wide runs through the free floor from a to b.

    The floor is shrunk by half the width: a point left is a place the middle of a `width_mm` wide wheelchair
    can be. The passage exists when one piece of what is left comes within reach_mm (default half the width,
    plus TOLERANCE_MM) of both a and b."""
    half = width_mm / 2 - TOLERANCE_MM
    reach = (width_mm / 2 + TOLERANCE_MM) if reach_mm is None else reach_mm
    core = shrunk(valid(floor), half)
    for part in getattr(core, "geoms", [core]):
        if part.is_empty:
            continue
        if part.distance(a) <= reach and part.distance(b) <= reach:
            return True
    return False


def fits_circle_in(floor: BaseGeometry, diameter_mm: float, zone: BaseGeometry) -> Point | None:
    """A centre inside `zone` for a circle of diameter_mm wholly on the free floor, or None."""
    core = valid(floor).buffer(-(diameter_mm / 2 - TOLERANCE_MM), quad_segs=16)
    hit = core.intersection(zone)
    return None if hit.is_empty else hit.representative_point()


def free_floor(room: Room, blocked: list[BaseGeometry]) -> BaseGeometry:
    floor = valid(room.polygon)
    if blocked:
        floor = floor.difference(unary_union([valid(b) for b in blocked]))
    return floor


def by_room(items, rooms_of) -> dict[str, list]:
    """Room id -> the items in it, in their order: rooms_of(item) gives the ids of the rooms an item is in."""
    out: dict[str, list] = {}
    for item in items:
        for rid in rooms_of(item):
            out.setdefault(rid, []).append(item)
    return out


def door_way(door, room: Room) -> BaseGeometry:
    """Where a wheelchair passes a door into a room: its opening, or where none is drawn its clear width about its
    middle; brought out to the room's floor where the door is drawn in the middle of a thick wall."""
    way = door.opening if has_opening(door) else door.position.buffer(door.clear_width_mm / 2)
    gap = way.distance(valid(room.polygon))
    return way if not math.isfinite(gap) or gap <= TOLERANCE_MM else way.buffer(gap + 1.0)


def door_ways(pairs: list) -> list:
    """door_way(door, room) for each (door, room) pair, with one shapely call for all the buffers and one for all
    the gaps: the same GEOS operations on the same shapes, so the same ways to the last bit."""
    if not pairs:
        return []
    doors = [d for d, _ in pairs]
    ways = np.array([d.opening for d in doors] + [None], dtype=object)[:-1]
    with np.errstate(invalid="ignore"):   # has_opening of each: a line of two distinct ends (None has no length)
        opening = ~shapely.is_empty(ways) & (shapely.get_num_coordinates(ways) >= 2) & (shapely.length(ways) > 0)
    drawn = np.flatnonzero(~opening)
    if len(drawn):
        ways[drawn] = shapely.buffer([doors[k].position for k in drawn],
                                     [doors[k].clear_width_mm / 2 for k in drawn], quad_segs=16)
    floors = np.array([room.polygon for _, room in pairs] + [None], dtype=object)[:-1]
    broken = np.flatnonzero(~shapely.is_valid(floors))
    floors[broken] = [valid(f) for f in floors[broken]]
    gaps = shapely.distance(ways, floors)
    return [way if not math.isfinite(gap) or gap <= TOLERANCE_MM else way.buffer(gap + 1.0)
            for way, gap in zip(ways.tolist(), gaps.tolist())]


def has_opening(door) -> bool:
    """True when the door's opening is drawn as a line of two distinct ends (a damaged file may say otherwise)."""
    o = door.opening
    return o is not None and not o.is_empty and len(o.coords) >= 2 and o.length > 0


def fixture_obstacles(plan: Plan, room_id: str, rules: Rules, skip: str | None = None,
                      basins_may_be_passed_under: bool = False, fixtures: list[Fixture] | None = None
                      ) -> tuple[list, list]:
    """The footprints in a room that take its floor, and apart those that may not: a shower nobody has measured
    (a step-free one is floor, TEK17 § 12-9 guidance), and where basins_may_be_passed_under (the turning space,
    where the standard allows it) a basin nobody has looked under. skip: a fixture id left out (the one measured
    from). fixtures: the plan's fixtures in that room, in plan order, where the caller has them by room (looking
    through all of them for each room costs rooms x fixtures)."""
    sure, unsure = [], []
    under = basins_may_be_passed_under and "turning_space_under_fixture_mm" in rules.values
    for f in plan.fixtures if fixtures is None else fixtures:
        if f.room != room_id or f.id == skip:
            continue
        if f.type == "shower":
            status = shower_floor_status(f, rules)
            (unsure if status == UNKNOWN else sure if status == FAIL else []).append(valid(f.footprint))
        elif under and f.type == "sink" and f.space_under is not False:
            (unsure if f.space_under is None else []).append(valid(f.footprint))
        else:
            sure.append(valid(f.footprint))
    return sure, unsure
