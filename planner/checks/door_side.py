"""Side space at the latch: free floor beside the latch side of a side-hung door, on the side it opens towards,
so a wheelchair user can reach the handle and pull the door open (TEK17 § 12-13 (3) d). The rule sets no number:
the value used is an assumption of this tool, marked so, that the user can change."""
from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString

from planner.checks.memo import MEMO, MISSING, keys as memo_keys
from planner.checks.reuse import reads
from planner.checks.space import clear_widths_in_rooms, has_opening, unit, valid
from planner.geometry import edges as ring_edges
from planner.i18n import fmt_mm
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, near_limit
from planner.model.plan import Door, Plan, Room
from planner.rules import Rules

CHECK = "door_side_space"
KEY = "door_side_space_mm"


# a leaf opens into a room when it sweeps this share of its swing there; a door opening out of the plan may graze
# the room behind it with a corner of its swing (the room's outline running into the wall's thickness at the door)
SWEPT_SHARE = 0.25
NO_ROOM = ("", None, None)   # a side-hung door whose leaf opens into no room of the plan


def swing_room(door: Door, plan: Plan, rooms: dict[str, Room] | None = None) -> Room | None:
    """The room of the plan the leaf opens into (None when it opens outside the plan). rooms: the plan's rooms by
    id, where the caller has them (looking each up in the plan costs doors x rooms)."""
    if door.swing is None:
        return None
    swing = valid(door.swing)
    room_of = plan.room if rooms is None else rooms.get
    swept = [(valid(r.polygon).intersection(swing).area, r) for r in map(room_of, door.rooms) if r is not None]
    area, room = max(swept, key=lambda x: x[0], default=(0.0, None))
    return room if area > max(1.0, SWEPT_SHARE * swing.area) else None


def _latch_spaces(doors: list[Door], rooms: dict[str, Room], fixtures_of: dict[str, list], required: float,
                  cap: float) -> list[tuple[str, float, object] | None]:
    """For each door: (the id of the room the leaf opens into, the free width [whole mm, at most cap] beside the
    latch jamb, the space to draw), or None for a door that needs none. One shapely call for each step over all
    the doors; tests/test_first_reading_paths.py holds it to the same measurement made door by door: the same GEOS
    operations on the same shapes in the same order (the room swept most, the first of equal ones; the probes
    either side of the latch; the band cut by the room and met by the fixtures; the nearest piece in it), so the
    same widths and spaces to the last bit."""
    out: list = [None] * len(doors)
    pairs = [(k, rooms[rid]) for k, d in enumerate(doors) for rid in d.rooms if rooms.get(rid) is not None]
    if not pairs:
        return out
    at, floors = np.array([k for k, _ in pairs]), [valid(r.polygon) for _, r in pairs]
    swings = [valid(doors[k].swing) for k in at]
    swings = np.array(swings, dtype=object)
    swept = shapely.area(shapely.intersection(np.array(floors, dtype=object), swings))
    enough = np.maximum(1.0, SWEPT_SHARE * shapely.area(swings))
    into: dict[int, tuple[float, Room, float]] = {}   # door -> (the floor its leaf sweeps, the room, enough of it)
    for (k, room), area, least in zip(pairs, swept.tolist(), enough.tolist()):
        if k not in into or area > into[k][0]:
            into[k] = (area, room, least)
    sided = [(k, room) for k, (area, room, least) in into.items() if area > least and _side_hung(doors[k])]
    for k, (area, _, least) in into.items():
        if area <= least and _side_hung(doors[k]):
            out[k] = NO_ROOM
    if not sided:
        return out
    ends = np.array([(doors[k].opening.coords[0][:2], doors[k].opening.coords[-1][:2],
                      doors[k].swing.exterior.coords[0][:2]) for k, _ in sided], dtype=float)
    ab = shapely.points(ends[:, :2])
    pivot = shapely.points(ends[:, 2])
    near_a = shapely.distance(ab[:, 0], pivot) <= shapely.distance(ab[:, 1], pivot)
    hinge = np.where(near_a[:, None], ends[:, 0], ends[:, 1])
    latch = np.where(near_a[:, None], ends[:, 1], ends[:, 0])
    middle = [(doors[k].position.x, doors[k].position.y) for k, _ in sided]
    along = [(float(x), float(y)) for x, y in along_the_walls(
        np.array([room.polygon for _, room in sided], dtype=object), np.array(middle),
        np.array([unit(lx - hx, ly - hy) for (hx, hy), (lx, ly) in zip(hinge.tolist(), latch.tolist())]))]
    probes = shapely.points([[(x + -ay * 150, y + ax * 150), (x - -ay * 150, y - ax * 150)]
                             for (x, y), (ax, ay) in zip(middle, along)])
    outlines = np.array([room.polygon for _, room in sided], dtype=object)
    gaps = shapely.distance(outlines[:, None], probes)
    into = [(-ay, ax) if not ahead > behind else (ay, -ax) for (ax, ay), (ahead, behind) in zip(along, gaps.tolist())]
    deep = reveals(outlines, hinge.tolist(), latch.tolist(), along, into)
    latch = latch + np.array(into) * deep[:, None]   # the latch jamb where it meets the room's own wall face
    edges, outward = [], []
    for (lx, ly), (ax, ay), (ix, iy) in zip(latch.tolist(), along, into):
        start = (lx + ix * WALL_FACE_MM, ly + iy * WALL_FACE_MM)
        edges.append((start, (start[0] + ix * required, start[1] + iy * required)))
        outward.append((ax, ay))
    widths = clear_widths_in_rooms(edges, outward, [room for _, room in sided],
                                   [[valid(f) for f in fixtures_of.get(room.id, [])] for _, room in sided])
    for (k, room), (start, end), (ax, ay), (lx, ly), width in zip(sided, edges, along, latch.tolist(), widths):
        width = float(round(min(width, cap)))
        reach = min(width, required)
        far = (lx + ax * reach, ly + ay * reach)
        out[k] = room.id, width, LineString([start, end, (end[0] + ax * reach, end[1] + ay * reach), far]).convex_hull
    return out


WALL_FACE_MM = 20.0     # the space is measured this far off the wall: a frame or a jog in its face is no obstacle
WALL_SNAP_DEG = 3.0     # an opening this far off the wall it stands in is drawn askew, not set at an angle to it
WALL_NEAR_MM = 300.0    # the wall of a door: the room's outline within this of the opening's middle


def along_the_walls(outlines: np.ndarray, middles: np.ndarray, alongs: np.ndarray) -> np.ndarray:
    """For each door, the direction along the wall, away from the hinge: the direction of its room's outline where
    the door stands (the outline's edge nearest the opening's middle, the first of equally near ones, within
    WALL_NEAR_MM), when the opening, hinge to latch, is within WALL_SNAP_DEG of it; else the opening's own. A leaf
    drawn a degree off its wall (the arc's end short of the wall line) would otherwise lay the latch side space
    across the wall, which then reads as narrow. outlines, middles (n, 2), alongs (n, 2): one row per door."""
    out = np.array(alongs, dtype=float).reshape(-1, 2)
    found, door = ring_edges(outlines, holes=True, return_index=True)
    a, d = found[:, :2], found[:, 2:] - found[:, :2]
    length2 = (d * d).sum(axis=1)
    ok = length2 > 1.0
    a, d, door, length2 = a[ok], d[ok], door[ok], length2[ok]
    if not len(door):
        return out
    m = np.asarray(middles, dtype=float).reshape(-1, 2)[door]
    t = np.clip(((m - a) * d).sum(axis=1) / length2, 0.0, 1.0)
    gap = np.hypot(*(a + t[:, None] * d - m).T)
    order = np.lexsort((gap, door))   # stable: of equally near edges, the first
    nearest = order[np.r_[True, door[order][1:] != door[order][:-1]]]
    k = door[nearest]
    e = d[nearest] / np.sqrt(length2[nearest])[:, None]
    dot = (e * out[k]).sum(axis=1)
    e = np.where((dot >= 0)[:, None], e, -e)
    snap = (gap[nearest] < WALL_NEAR_MM) & (np.abs(dot) >= np.cos(np.radians(WALL_SNAP_DEG)))
    out[k[snap]] = e[snap]
    return out


def along_the_wall(outline, middle: tuple[float, float], along: tuple[float, float]) -> tuple[float, float]:
    """along_the_walls for one door."""
    x, y = along_the_walls(np.array([outline], dtype=object), np.array([middle]), np.array([along]))[0]
    return float(x), float(y)


JAMB_PROBE_MM = 30.0     # how far beyond each jamb, along the wall, its depth is probed
REVEAL_MAX_MM = 450.0    # no wall a door stands in is thicker; a deeper recess is a recess, and in the way
REVEAL_SAME_MM = 20.0    # the two jambs of one reveal are as deep as each other, to this


def reveals(outlines: np.ndarray, hinge: list, latch: list, along: list, into: list) -> np.ndarray:
    """For each door, the depth [mm] of its reveal on the side it opens towards: where the opening is drawn at the
    far face of its wall (or inside it), the room's outline runs into the wall's thickness at the door, and the
    latch side space begins at the wall's face, not at the opening line. Probed just beyond each jamb along the
    wall, straight into the room: the distance to where the line first meets the room. A reveal is both jambs
    equally deep (within REVEAL_SAME_MM), at most REVEAL_MAX_MM; anything else, a wall or a nib standing beside
    the latch only, is no reveal (0): it is in the way of the latch side space, which is measured as drawn."""
    starts = []
    for (hx, hy), (lx, ly), (ax, ay) in zip(hinge, latch, along):
        starts += [(lx + ax * JAMB_PROBE_MM, ly + ay * JAMB_PROBE_MM),
                   (hx - ax * JAMB_PROBE_MM, hy - ay * JAMB_PROBE_MM)]
    starts = np.array(starts, dtype=float).reshape(-1, 2, 2)
    ends = starts + np.array(into, dtype=float)[:, None, :] * REVEAL_MAX_MM
    lines = shapely.linestrings(np.stack([starts, ends], axis=2).reshape(-1, 2, 2)).reshape(-1, 2)
    met = shapely.intersection(lines, outlines[:, None])
    from_start = shapely.distance(shapely.points(starts.reshape(-1, 2)).reshape(-1, 2), met)
    depth = np.where(shapely.is_empty(met), np.inf, from_start)
    latch_deep, hinge_deep = depth[:, 0], depth[:, 1]
    with np.errstate(invalid="ignore"):   # neither jamb meets the room: inf - inf, no reveal
        ok = (latch_deep <= REVEAL_MAX_MM) & (np.abs(latch_deep - hinge_deep) <= REVEAL_SAME_MM)
    return np.where(ok, latch_deep, 0.0)


def _side_hung(door: Door) -> bool:
    """Whether a door needs latch side space measured: a side-hung leaf with its swing and opening drawn."""
    return door.swing is not None and has_opening(door) and not door.swing.is_empty and door.kind == "hinged"


@reads("rooms", "fixtures", "doors.id", "doors.kind", "doors.opening", "doors.position", "doors.rooms",
       "doors.exterior", "doors.swing")
def check_door_side_space(plan: Plan, rules: Rules) -> list[Finding]:
    """Each side-hung door that opens into a room of the plan: the free floor beside its latch jamb, along the
    wall away from the hinge, over a depth into the room equal to the width required, against the standard's
    value. Doors opening outwards are left to the entrance landing check; sliding doors and openings need none.
    Does not apply where the standard gives no value."""
    if KEY not in rules.values:
        return []
    required, margin = rules.value(KEY), rules.value("remeasure_margin_mm")
    fixtures_of: dict[str, list] = {}
    for f in plan.fixtures:
        fixtures_of.setdefault(f.room, []).append(f.footprint)
    rooms = {}
    for r in plan.rooms:
        rooms.setdefault(r.id, r)      # the first of a repeated id, as plan.room finds it
    cap = 10 * required          # free floor beyond this is plenty: not measured further
    findings = []
    swung = [d for d in plan.doors if d.swing is not None]   # the others need no side space
    # everything the measurement reads: the door's drawing and, for each of its rooms, the outline and the
    # fixtures (planner/checks/memo.py), each room's written once; the keys made together
    ids = list(dict.fromkeys(rid for d in swung for rid in d.rooms if rid in rooms))
    room_keys = dict(zip(ids, memo_keys("room", [(rooms[rid].polygon, fixtures_of.get(rid, [])) for rid in ids])))
    keys = memo_keys(CHECK, [(d.swing, d.opening, d.position, d.kind, required,
                              *[part for rid in d.rooms for part in (rid, room_keys.get(rid))]) for d in swung])
    found = MEMO.find_all(keys)
    todo = [i for i, measured in enumerate(found) if measured is MISSING]
    for i, measured in zip(todo, _latch_spaces([swung[i] for i in todo], rooms, fixtures_of, required, cap)):
        found[i] = measured
        MEMO.put(keys[i], measured)
    for door, measured in zip(swung, found):
        if measured is None or measured == NO_ROOM and door.exterior:   # out of the dwelling: the landing check's
            continue
        if measured == NO_ROOM:   # into a space the plan does not hold (a hall whose walls did not close)
            findings.append(Finding(
                check=CHECK, code="DOOR_SIDE_SPACE_NO_ROOM", element=door.id, status=UNKNOWN, measured=None,
                required=required, rule=rules.clause(KEY), message_key="door_side.no_room",
                params={"door": door.id, "required": fmt_mm(required)}, confidence=rules[KEY].confidence,
                rule_values=rules.refs(KEY)))
            continue
        room_id, width, geometry = measured
        room = rooms[room_id]
        ok = width >= required
        findings.append(Finding(
            check=CHECK, code="DOOR_SIDE_SPACE_OK" if ok else "DOOR_SIDE_SPACE_TOO_NARROW", element=door.id,
            status=PASS if ok else FAIL, measured=width, required=required, rule=rules.clause(KEY),
            message_key="door_side.pass" if ok else "door_side.fail",
            params={"door": door.id, "room": room.name or room.id,
                    "measured": fmt_mm(width) if width < cap else f"≥ {fmt_mm(cap)}", "required": fmt_mm(required)},
            remeasure=near_limit(width, required, margin), geometry=geometry, confidence=rules[KEY].confidence,
            rule_values=rules.refs(KEY, "remeasure_margin_mm")))
    return findings

