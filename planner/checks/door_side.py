"""Side space at the latch: free floor beside the latch side of a side-hung door, on the side it opens towards,
so a wheelchair user can reach the handle and pull the door open (TEK17 § 12-13 (3) d). The rule sets no number:
the value used is an assumption of this tool, marked so, that the user can change."""
from __future__ import annotations

from shapely.geometry import LineString, Point
from shapely.ops import unary_union

from planner.checks.memo import MEMO, MISSING, keys as memo_keys
from planner.checks.reuse import reads
from planner.checks.space import clear_width_beside, has_opening, outside_of, unit, valid
from planner.i18n import fmt_mm
from planner.model.findings import FAIL, PASS, Finding, near_limit
from planner.model.plan import Door, Plan, Room
from planner.rules import Rules

CHECK = "door_side_space"
KEY = "door_side_space_mm"


def latch_side(door: Door, room: Room) -> tuple[Point, tuple[float, float], tuple[float, float]] | None:
    """(The latch end of the opening, the unit vector along the wall away from the hinge, the unit vector into
    the room), or None for a door that is not side-hung or has no swing or opening drawn."""
    if door.swing is None or not has_opening(door) or door.swing.is_empty or door.kind != "hinged":
        return None
    a, b = Point(door.opening.coords[0]), Point(door.opening.coords[-1])
    pivot = Point(door.swing.exterior.coords[0])   # swings are drawn from the hinge
    hinge, latch = (a, b) if a.distance(pivot) <= b.distance(pivot) else (b, a)
    along = unit(latch.x - hinge.x, latch.y - hinge.y)
    into = (-along[1], along[0])
    probe = Point(door.position.x + into[0] * 150, door.position.y + into[1] * 150)
    if room.polygon.distance(probe) > room.polygon.distance(
            Point(door.position.x - into[0] * 150, door.position.y - into[1] * 150)):
        into = (-into[0], -into[1])
    return latch, along, into


def swing_room(door: Door, plan: Plan, rooms: dict[str, Room] | None = None) -> Room | None:
    """The room of the plan the leaf opens into (None when it opens outside the plan). rooms: the plan's rooms by
    id, where the caller has them (looking each up in the plan costs doors x rooms)."""
    if door.swing is None:
        return None
    swing = valid(door.swing)
    room_of = plan.room if rooms is None else rooms.get
    swept = [(valid(r.polygon).intersection(swing).area, r) for r in map(room_of, door.rooms) if r is not None]
    area, room = max(swept, key=lambda x: x[0], default=(0.0, None))
    return room if area > 1.0 else None


def _latch_space(door: Door, plan: Plan, rooms: dict[str, Room], fixtures_of: dict[str, list], required: float,
                 cap: float) -> tuple[str, float, object] | None:
    """(The id of the room the leaf opens into, the free width [whole mm, at most cap] beside the latch jamb, the
    space to draw), or None for a door that needs none."""
    room = swing_room(door, plan, rooms)
    side = None if room is None else latch_side(door, room)
    if side is None:
        return None
    latch, along, into = side
    # the edge runs into the room from the latch, over the depth the space must have; measured along the
    # wall, starting where the opening ends (the leaf's own thickness sits in the frame)
    start = (latch.x + into[0] * 1.0, latch.y + into[1] * 1.0)
    end = (start[0] + into[0] * required, start[1] + into[1] * required)
    obstacles = unary_union([outside_of(room), *map(valid, fixtures_of.get(room.id, []))])
    width = float(round(min(clear_width_beside(LineString([start, end]), along, obstacles), cap)))
    far = (latch.x + along[0] * min(width, required), latch.y + along[1] * min(width, required))
    geometry = LineString([start, end, (end[0] + along[0] * min(width, required), end[1] + along[1] *
                                        min(width, required)), far]).convex_hull
    return room.id, width, geometry


@reads("rooms", "fixtures", "doors.id", "doors.kind", "doors.opening", "doors.position", "doors.rooms",
       "doors.swing")
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
    for door, k, measured in zip(swung, keys, MEMO.find_all(keys)):
        if measured is MISSING:
            measured = _latch_space(door, plan, rooms, fixtures_of, required, cap)
            MEMO.put(k, measured)
        if measured is None:
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

